// The status line and header fields of an HTTP/1.1 response (RFC 9112 §4, §5), parsed from the
// bytes before the blank line. Only the common, well-formed shape is accepted; anything else is
// an UnusualResponse, which sends the request through undici instead (see fast-transport.ts for
// why catkit parses at all). Header names are lower-cased; repeated fields become arrays, as
// undici presents them.
import { UnusualResponse } from "./unusual-response.js";

/** A parsed response head. */
export interface ResponseHead {
  readonly status: number;
  /** 0 for HTTP/1.0, 1 for HTTP/1.1. */
  readonly minorVersion: 0 | 1;
  readonly headers: Record<string, string | string[]>;
}

const STATUS_LINE = /^HTTP\/1\.([01]) ([1-9]\d\d)(?: [\t\x20-\x7e\x80-\xff]*)?$/;
// field-name = token; field-value without control characters (RFC 9110 §5.5), OWS trimmed.
const FIELD_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[\t ]*([\t\x20-\x7e\x80-\xff]*?)[\t ]*$/;

/**
 * Where the head ends in `bytes` (the index after CRLF CRLF), or -1 when it has not all arrived.
 *
 * @example
 * ```ts
 * headEnd(Buffer.from("HTTP/1.1 200 OK\r\n\r\nbody")); // 19
 * ```
 */
export function headEnd(bytes: Buffer, from = 0): number {
  const at = bytes.indexOf("\r\n\r\n", Math.max(0, from - 3), "latin1");
  return at < 0 ? -1 : at + 4;
}

/**
 * Parses a complete head (status line, fields, without the final blank line's CRLF pair).
 *
 * @example
 * ```ts
 * parseResponseHead("HTTP/1.1 206 Partial Content\r\nContent-Length: 5"); // { status: 206, minorVersion: 1, headers: { "content-length": "5" } }
 * ```
 */
export function parseResponseHead(text: string): ResponseHead {
  const lines = text.split("\r\n");
  const match = STATUS_LINE.exec(lines[0] ?? "");
  if (!match) throw new UnusualResponse("the status line is not HTTP/1.0 or HTTP/1.1");
  const headers: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line === "") continue;
    const field = FIELD_LINE.exec(line);
    // A line starting with white space is obsolete line folding (RFC 9112 §5.2); a bare CR or LF
    // inside a line, or a control character, is not a field line either.
    if (!field) throw new UnusualResponse("a header line is not a plain field line");
    const name = (field[1] ?? "").toLowerCase();
    const value = field[2] ?? "";
    const seen = headers[name];
    if (seen === undefined) headers[name] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else headers[name] = [seen, value];
  }
  return { status: Number(match[2]), minorVersion: match[1] === "0" ? 0 : 1, headers };
}
