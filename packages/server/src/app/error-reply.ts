// How errors become HTTP answers: bad input is a 400 naming the field; an ICAT or IDS error keeps
// the service's status (authorization is ICAT's: its 403 stays a 403) and its catkit code; an
// unreachable service is 502, a timeout 504. Bodies and logs carry redacted messages only.
import { CatkitError, CoreErrorCode, HttpError, redact } from "@catkit/core";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

/**
 * The JSON body of every error answer.
 *
 * @example
 * ```ts
 * const body: ErrorBody = { statusCode: 404, code: "ICAT_NO_SUCH_OBJECT_FOUND", message: "no Dataset 12" };
 * ```
 */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
}

/**
 * A 4xx raised by a route for bad input or an unknown object.
 *
 * @example
 * ```ts
 * throw new RequestError(404, "NOT_FOUND", "no datafile has id 12");
 * ```
 */
export class RequestError extends Error {
  readonly statusCode: number;
  readonly code: string;
  constructor(statusCode: number, code: string, message: string) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
  }
}

function statusOf(err: unknown): { status: number; code: string } {
  if (err instanceof RequestError) return { status: err.statusCode, code: err.code };
  if (err instanceof HttpError) return { status: err.status >= 400 && err.status < 600 ? err.status : 502, code: err.code };
  if (err instanceof CatkitError) {
    if (err.code === CoreErrorCode.Network) return { status: 502, code: err.code };
    if (err.code === CoreErrorCode.Timeout) return { status: 504, code: err.code };
    if (err.code === CoreErrorCode.InvalidArgument) return { status: 400, code: err.code };
    if (err.code === CoreErrorCode.Auth) return { status: 401, code: err.code };
    return { status: 502, code: err.code };
  }
  const fe = err as Partial<FastifyError>;
  if (typeof fe.statusCode === "number" && fe.statusCode >= 400 && fe.statusCode < 500) return { status: fe.statusCode, code: fe.code ?? "BAD_REQUEST" };
  return { status: 500, code: "INTERNAL" };
}

/**
 * The app's error handler.
 *
 * @example
 * ```ts
 * app.setErrorHandler(replyError);
 * ```
 */
export function replyError(err: unknown, req: FastifyRequest, reply: FastifyReply): void {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => `${err.validationContext ?? "request"}${v.instancePath.replace(/\//g, ".")}: ${v.message ?? "invalid"}`);
    void reply.code(400).send({ statusCode: 400, code: "BAD_REQUEST", message: issues.join("; "), issues } satisfies ErrorBody & { issues: string[] });
    return;
  }
  const { status, code } = statusOf(err);
  const message = redact(err instanceof Error ? err.message : String(err));
  if (status >= 500) req.log.error({ err, code }, "request failed");
  else req.log.info({ code, status }, message);
  // Headers already sent: a stream failed midway; all we can do is cut the connection.
  if (reply.sent) {
    reply.raw.destroy();
    return;
  }
  void reply.code(status).send({ statusCode: status, code, message: status === 500 ? "internal error (see the server log)" : message } satisfies ErrorBody);
}
