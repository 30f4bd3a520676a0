// Picks the typed error of a failed SciCat response from its status, reading the messages from
// either body shape: Nest's `{message: string | string[], error, statusCode}` or the v3
// validators' `{status, message: "<JSON ValidationError[]>"}` (backend#363).
import type { ErrorMapper, ErrorResponse } from "@catkit/core";
import {
  ScicatBadRequestError,
  ScicatConflictError,
  ScicatForbiddenError,
  ScicatHttpError,
  ScicatNotFoundError,
  ScicatPayloadTooLargeError,
  ScicatPreconditionFailedError,
  ScicatUnauthorizedError,
  type ScicatHttpErrorInit,
} from "./scicat-http-errors.js";

function constraintsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown) => {
    const c = typeof v === "object" && v !== null ? (v as { constraints?: Record<string, unknown> }).constraints : undefined;
    return c ? Object.values(c).map(String) : [];
  });
}

/** The server's messages, from either error body shape (or a text body). */
export function scicatMessages(body: unknown): string[] {
  if (typeof body === "string") return body.trim() === "" ? [] : [body.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim()];
  if (typeof body !== "object" || body === null) return [];
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String);
  if (typeof message !== "string") return [];
  if ((body as { status?: unknown }).status !== undefined && message.startsWith("[")) {
    try {
      const parsed = constraintsOf(JSON.parse(message));
      if (parsed.length > 0) return parsed;
    } catch {
      // not JSON after all: keep the text
    }
  }
  return [message];
}

const BY_STATUS: Readonly<Record<number, new (init: ScicatHttpErrorInit) => ScicatHttpError>> = {
  400: ScicatBadRequestError,
  401: ScicatUnauthorizedError,
  403: ScicatForbiddenError,
  404: ScicatNotFoundError,
  409: ScicatConflictError,
  412: ScicatPreconditionFailedError,
  413: ScicatPayloadTooLargeError,
};

/**
 * Builds the typed error of a failed SciCat response.
 *
 * @example
 * ```ts
 * const res = await expectStatus(await ctx.send(request), [201], scicatErrorMapper);
 * ```
 */
export const scicatErrorMapper: ErrorMapper = (response: ErrorResponse) => {
  const init: ScicatHttpErrorInit = { ...response, messages: scicatMessages(response.body) };
  const ErrorClass = BY_STATUS[response.status];
  return ErrorClass ? new ErrorClass(init) : new ScicatHttpError(init);
};
