// Turning a non-success response into a typed error is the same dance for every protocol: read
// the small error body (JSON when it parses, text otherwise), then let the protocol pick the
// error class from it (ICAT and IDS put `{code, message}` there). Shared here so no protocol
// package re-implements it.
import type { z } from "zod";
import { HttpError } from "../errors/http-error.js";
import { requestUrl } from "../transport/request.js";
import type { CatkitResponse } from "../transport/response.js";
import { discardBody, peekBody, readBytes } from "./read-body.js";

/** What a protocol's error mapper gets to decide with. */
export interface ErrorResponse {
  status: number;
  method: string;
  /** Full URL (with query); HttpError redacts it. */
  url: string;
  /** Parsed JSON, or text, or undefined when empty or unreadable. */
  body: unknown;
}

/** Builds the error for a failed response. */
export type ErrorMapper = (response: ErrorResponse) => Error;

/** Error bodies larger than this are not read into memory (a proxy's page, a misbehaving server). */
const MAX_ERROR_BODY = 64 * 1024;

function parseErrorBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Reads an error body (at most `maxBytes`): JSON when it parses, else trimmed text.
 *
 * @example
 * ```ts
 * const body = await readErrorBody(response); // { code: "NotFoundException", message: "…" }
 * ```
 */
export async function readErrorBody(response: CatkitResponse, maxBytes = MAX_ERROR_BODY): Promise<unknown> {
  try {
    return parseErrorBody((await readBytes(response, { maxBytes })).toString("utf8").trim());
  } catch {
    return undefined;
  }
}

/** What a service tells callers in errors that are not its own (a proxy's or the web server's). */
export interface HttpErrorHints {
  /** For HTTP 414 and 431 (URL too long): how to split the request, e.g. the client option or helper that does. */
  urlTooLong?: string;
}

function plainHttpError(r: ErrorResponse, hints: HttpErrorHints): HttpError {
  return new HttpError({ status: r.status, method: r.method, url: r.url, body: r.body, urlTooLongHint: hints.urlTooLong });
}

/** The default mapper: a plain {@link HttpError}. */
export const httpErrorMapper: ErrorMapper = (r) => plainHttpError(r, {});

/**
 * What errorBodyMapper checks a body with: a zod schema, or anything with the same `safeParse`
 * (a hand-written check lets a package keep zod out of a process that never sees an error).
 *
 * @example
 * ```ts
 * const shape: BodyShape<{ code: string }> = { safeParse: (v) => (typeof (v as { code?: unknown })?.code === "string" ? { success: true, data: v as { code: string } } : { success: false }) };
 * ```
 */
export interface BodyShape<T = unknown> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** The body type a {@link BodyShape} (or zod schema) yields. */
export type ShapeOutput<S> = S extends z.ZodType ? z.output<S> : S extends BodyShape<infer T> ? T : never;

/**
 * An ErrorMapper for services whose error bodies have a known shape (ICAT's and IDS's
 * `{code, message}`): `toError` picks the typed error from the parsed body; a body of another
 * shape (a proxy's HTML page, an empty 502, a 431 for a URL too long) or an unknown code gives
 * a plain HttpError, with `hints` for the statuses that need one.
 *
 * @example
 * ```ts
 * const idsErrorMapper = errorBodyMapper(z.object({ code: z.string(), message: z.string() }), (body, r) =>
 *   body.code === "NotFoundException" ? new IdsNotFoundError({ ...r, idsCode: body.code, idsMessage: body.message }) : undefined);
 * ```
 */
export function errorBodyMapper<S extends BodyShape>(
  schema: S,
  toError: (body: ShapeOutput<S>, response: ErrorResponse) => Error | undefined,
  hints: HttpErrorHints = {},
): ErrorMapper {
  return (response) => {
    const parsed = schema.safeParse(response.body);
    return (parsed.success ? toError(parsed.data as ShapeOutput<S>, response) : undefined) ?? plainHttpError(response, hints);
  };
}

// Errors already built from a response by mapErrorResponse, so that expectStatus throws that
// error instead of reading and parsing the same body again.
const mappedErrors = new WeakMap<CatkitResponse, { mapper: ErrorMapper; error: Error }>();

function errorResponse(response: CatkitResponse, body: unknown): ErrorResponse {
  return { status: response.status, method: response.request.method, url: requestUrl(response.request), body };
}

/**
 * Builds the typed error of a failed response once, for a policy that must look at it (the auth
 * policy asks whether it says "session expired"). Returns the error and a response whose body
 * still replays; {@link expectStatus} with the same mapper then throws this error without
 * reading or parsing the body again.
 *
 * @example
 * ```ts
 * const { error, response: again } = await mapErrorResponse(response, icatErrorMapper);
 * if (error instanceof IcatSessionError) await relogin();
 * ```
 */
export async function mapErrorResponse(response: CatkitResponse, toError: ErrorMapper = httpErrorMapper): Promise<{ error: Error; response: CatkitResponse }> {
  let body: unknown;
  let kept = response;
  try {
    const peeked = await peekBody(response, MAX_ERROR_BODY + 1);
    kept = peeked.response;
    if (peeked.bytes.length <= MAX_ERROR_BODY) body = parseErrorBody(peeked.bytes.toString("utf8").trim());
  } catch {
    // An unreadable body maps like an empty one (readErrorBody does the same).
  }
  const error = toError(errorResponse(response, body));
  mappedErrors.set(kept, { mapper: toError, error });
  return { error, response: kept };
}

/**
 * Returns the response when its status is one of `expected` (default: any 2xx); otherwise reads
 * the error body and throws what `toError` builds from it.
 *
 * @example
 * ```ts
 * const res = await expectStatus(await ctx.send(req), [201], idsErrorMapper);
 * ```
 */
export async function expectStatus(
  response: CatkitResponse,
  expected: readonly number[] | undefined,
  toError: ErrorMapper = httpErrorMapper,
): Promise<CatkitResponse> {
  const ok = expected ? expected.includes(response.status) : response.status >= 200 && response.status < 300;
  if (ok) return response;
  const mapped = mappedErrors.get(response);
  if (mapped?.mapper === toError) {
    await discardBody(response);
    throw mapped.error;
  }
  throw toError(errorResponse(response, await readErrorBody(response)));
}
