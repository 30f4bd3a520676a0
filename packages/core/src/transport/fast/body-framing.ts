// How a response body is delimited (RFC 9112 §6.3), decided from the request method and the
// response head: no body, a Content-Length, chunked transfer coding, or "until the connection
// closes". Transfer codings other than a final "chunked" and conflicting or malformed lengths
// are left to undici (UnusualResponse).
import type { ResponseHead } from "./response-head.js";
import { UnusualResponse } from "./unusual-response.js";

/** How the body ends. */
export type BodyFraming =
  | { readonly kind: "none" }
  | { readonly kind: "length"; readonly length: number }
  | { readonly kind: "chunked" }
  | { readonly kind: "close" };

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The framing of a response to `method`.
 *
 * @example
 * ```ts
 * bodyFraming("GET", { status: 200, minorVersion: 1, headers: { "content-length": "12" } }); // { kind: "length", length: 12 }
 * ```
 */
export function bodyFraming(method: string, head: ResponseHead): BodyFraming {
  if (method === "HEAD" || head.status === 204 || head.status === 304 || head.status < 200) return { kind: "none" };
  const coding = single(head.headers["transfer-encoding"]);
  if (coding !== undefined) {
    if (coding.trim().toLowerCase() !== "chunked") throw new UnusualResponse("a transfer coding other than chunked");
    return { kind: "chunked" };
  }
  const length = single(head.headers["content-length"]);
  if (length === undefined) return { kind: "close" };
  // "Content-Length: 12, 12" is allowed when every value is the same (RFC 9110 §8.6).
  const values = new Set(length.split(",").map((v) => v.trim()));
  const [only] = values;
  if (values.size !== 1 || only === undefined || !/^\d{1,15}$/.test(only)) throw new UnusualResponse("a malformed Content-Length");
  return { kind: "length", length: Number(only) };
}

/**
 * Whether the connection may carry another request after this response's body ends.
 *
 * @example
 * ```ts
 * keepsAlive(head, framing); // false for HTTP/1.0, "Connection: close" or a close-delimited body
 * ```
 */
export function keepsAlive(head: ResponseHead, framing: BodyFraming): boolean {
  if (head.minorVersion === 0 || framing.kind === "close") return false;
  const connection = single(head.headers.connection);
  return connection === undefined || !/(?:^|,)\s*close\s*(?:,|$)/i.test(connection);
}
