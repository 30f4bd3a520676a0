// Turning a non-success response into a typed error is the same dance for every protocol: read
// the small error body (JSON when it parses, text otherwise), then let the protocol pick the
// error class from it (ICAT and IDS put `{code, message}` there). Shared here so no protocol
// package re-implements it.
import type { z } from "zod";
import { HttpError } from "../errors/http-error.js";
import { requestUrl } from "../transport/request.js";
import type { CatkitResponse } from "../transport/response.js";
import { readBytes } from "./read-body.js";

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

/**
 * Reads an error body (at most `maxBytes`): JSON when it parses, else trimmed text.
 *
 * @example
 * ```ts
 * const body = await readErrorBody(response); // { code: "NotFoundException", message: "…" }
 * ```
 */
export async function readErrorBody(response: CatkitResponse, maxBytes = 64 * 1024): Promise<unknown> {
  let text: string;
  try {
    text = (await readBytes(response, { maxBytes })).toString("utf8").trim();
  } catch {
    return undefined;
  }
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The default mapper: a plain {@link HttpError}. */
export const httpErrorMapper: ErrorMapper = (r) => new HttpError({ status: r.status, method: r.method, url: r.url, body: r.body });

/**
 * An ErrorMapper for services whose error bodies have a known shape (ICAT's and IDS's
 * `{code, message}`): `toError` picks the typed error from the parsed body; a body of another
 * shape (a proxy's HTML page, an empty 502) or an unknown code gives a plain HttpError.
 *
 * @example
 * ```ts
 * const idsErrorMapper = errorBodyMapper(z.object({ code: z.string(), message: z.string() }), (body, r) =>
 *   body.code === "NotFoundException" ? new IdsNotFoundError({ ...r, idsCode: body.code, idsMessage: body.message }) : undefined);
 * ```
 */
export function errorBodyMapper<S extends z.ZodType>(
  schema: S,
  toError: (body: z.output<S>, response: ErrorResponse) => Error | undefined,
): ErrorMapper {
  return (response) => {
    const parsed = schema.safeParse(response.body);
    return (parsed.success ? toError(parsed.data, response) : undefined) ?? httpErrorMapper(response);
  };
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
  const body = await readErrorBody(response);
  throw toError({ status: response.status, method: response.request.method, url: requestUrl(response.request), body });
}
