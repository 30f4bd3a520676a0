// Response bodies come from undici as Readables whose errors are undici's (UND_ERR_SOCKET when
// the server drops the connection mid-body, UND_ERR_BODY_TIMEOUT, UND_ERR_ABORTED…). Callers
// should see catkit errors there too — a download resumes on NetworkError, whatever the stack —
// so the body is relayed through a thin Readable that maps errors. It relays chunks as they
// come (no copy, no buffering beyond the usual highWaterMark) and keeps backpressure.
import { Readable } from "node:stream";

/**
 * Relays `source` and maps any error it emits with `mapError`. Destroying the result destroys
 * the source (which aborts the HTTP request).
 *
 * @example
 * ```ts
 * const body = guardBody(undiciBody, (err) => toCatkitError(err, { method, url }));
 * ```
 */
export function guardBody(source: Readable, mapError: (err: unknown) => Error): Readable {
  let ended = false;
  const out = new Readable({
    highWaterMark: source.readableHighWaterMark,
    read() {
      source.resume();
    },
    destroy(err, callback) {
      if (!ended) source.destroy();
      callback(err);
    },
  });
  source.on("data", (chunk: Buffer) => {
    if (!out.push(chunk)) source.pause();
  });
  source.once("end", () => {
    ended = true;
    out.push(null);
  });
  source.once("error", (err) => out.destroy(mapError(err)));
  source.once("close", () => {
    // A source closed without 'end' or 'error' lost the rest of the body.
    if (!ended && !out.destroyed) {
      out.destroy(mapError(Object.assign(new Error("the response body was closed early"), { code: "ERR_STREAM_PREMATURE_CLOSE" })));
    }
  });
  return out;
}
