// How the ICAT sandbox answers, as icat.server does: JSON bodies; errors as
// `{"code":…,"message":…,"offset":n?}` with the status of their type (IcatExceptionMapper.java,
// icat.authentication IcatException.java); other exceptions as INTERNAL with the Java class name
// in front of the message (ThrowableExceptionMapper.java); unknown paths as 501
// (NotFoundExceptionMapper.java); CORS headers on everything (CORSResponseFilter.java).
import type { ServerResponse } from "node:http";
import { IcatEngineError, type IcatExceptionType } from "../engine/index.js";

/**
 * The HTTP status of each ICAT error type (IcatException.IcatExceptionType).
 *
 * @example
 * ```ts
 * ICAT_ERROR_STATUS.SESSION; // 403
 * ```
 */
export const ICAT_ERROR_STATUS: Readonly<Record<IcatExceptionType, number>> = {
  BAD_PARAMETER: 400,
  INTERNAL: 500,
  INSUFFICIENT_PRIVILEGES: 403,
  NO_SUCH_OBJECT_FOUND: 404,
  OBJECT_ALREADY_EXISTS: 412,
  SESSION: 403,
  VALIDATION: 412,
  NOT_IMPLEMENTED: 501,
};

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, DELETE, PUT",
};

/**
 * Writes a JSON answer (the body given as text, as the engine renders it, or as a value).
 *
 * @example
 * ```ts
 * sendIcatJson(res, 200, '{"version":"6.2.0"}');
 * ```
 */
export function sendIcatJson(res: ServerResponse, status: number, body: string | object): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...CORS });
  res.end(text);
}

/**
 * Answers a void call (logout, refresh, delete): 204 with no body.
 *
 * @example
 * ```ts
 * sendIcatEmpty(res);
 * ```
 */
export function sendIcatEmpty(res: ServerResponse): void {
  res.writeHead(204, CORS);
  res.end();
}

/**
 * Writes the answer for an error thrown by a route: IcatEngineError as itself, anything else as
 * INTERNAL with the class in front, as ThrowableExceptionMapper writes it.
 *
 * @example
 * ```ts
 * sendIcatError(res, new IcatEngineError("SESSION", "Session Id cannot be null or empty."));
 * ```
 */
export function sendIcatError(res: ServerResponse, err: unknown): void {
  if (err instanceof IcatEngineError) return sendIcatJson(res, ICAT_ERROR_STATUS[err.code], err.toJSON());
  const message = err instanceof Error ? err.message : String(err);
  sendIcatJson(res, 500, { code: "INTERNAL", message: `class java.lang.RuntimeException ${message}` });
}

/**
 * icat.server's answer for an unknown path (a JAX-RS NotFoundException, mapped to 501).
 *
 * @example
 * ```ts
 * throw notImplemented();
 * ```
 */
export function notImplemented(): IcatEngineError {
  return new IcatEngineError("NOT_IMPLEMENTED", "Operation not implemented by this ICAT server.");
}

/**
 * A Java exception that is not an IcatException, as ThrowableExceptionMapper renders it:
 * INTERNAL, "class <name> <message>".
 *
 * @example
 * ```ts
 * throw javaException("jakarta.ws.rs.NotAllowedException", "HTTP 405 Method Not Allowed");
 * ```
 */
export function javaException(className: string, message: string): IcatEngineError {
  return new IcatEngineError("INTERNAL", `class ${className} ${message}`);
}
