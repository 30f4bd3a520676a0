// The request line and header fields the fast path writes (RFC 9112 §3). Names and values are
// checked to be plain field text; anything else is left to undici, which rejects it with its
// own error (UnusualResponse doubles as "not for the fast path" here).
import { UnusualResponse } from "./unusual-response.js";

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** How the request body goes on the wire. */
export type BodyLength = { readonly kind: "none" } | { readonly kind: "length"; readonly length: number } | { readonly kind: "chunked" };

/**
 * Builds the request head for `target` (absolute URL with its query).
 *
 * @example
 * ```ts
 * requestHead("GET", new URL("http://ids/ids/ping"), {}, { kind: "none" }); // "GET /ids/ping HTTP/1.1\r\nhost: ids\r\n\r\n"
 * ```
 */
export function requestHead(method: string, target: URL, headers: Readonly<Record<string, string>>, body: BodyLength): string {
  const path = `${target.pathname}${target.search}`;
  if (!TOKEN.test(method) || !/^\/[\x21-\x7e]*$/.test(path)) throw new UnusualResponse("a method or path the fast path does not write");
  let head = `${method} ${path} HTTP/1.1\r\n`;
  let hasHost = false;
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name) || !FIELD_VALUE.test(value)) throw new UnusualResponse("a header the fast path does not write");
    const lower = name.toLowerCase();
    if (lower === "host") hasHost = true;
    // The body's framing is decided here, from the body itself.
    if (lower === "content-length" || lower === "transfer-encoding") continue;
    head += `${name}: ${value}\r\n`;
  }
  if (!hasHost) head = head.replace("\r\n", `\r\nhost: ${target.host}\r\n`);
  if (body.kind === "length") head += `content-length: ${body.length}\r\n`;
  else if (body.kind === "chunked") head += "transfer-encoding: chunked\r\n";
  return `${head}\r\n`;
}
