// A response (or request) the fast HTTP/1.1 path does not serve: a status line that is not
// HTTP/1.x, 101 Switching Protocols, a transfer coding other than chunked, a bad Content-Length,
// obsolete header folding, an oversized head, header bytes that are not plain text. The fast
// transport catches it and sends the request again through undici, whose parser (llhttp) is
// complete and strict; the fast path only needs to recognise what it does not handle.

/**
 * Raised by the fast path's parsers for what it leaves to undici. Internal: never reaches callers.
 *
 * @example
 * ```ts
 * if (!/^HTTP\/1\.[01] /.test(statusLine)) throw new UnusualResponse("not HTTP/1.x");
 * ```
 */
export class UnusualResponse extends Error {
  override readonly name = "UnusualResponse";
}
