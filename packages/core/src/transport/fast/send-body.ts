// Streams a request body onto a fast connection: Content-Length when the size is known,
// chunked otherwise, with the socket's backpressure. If the server answers before the body is
// sent (an error, typically), sending stops and the connection is not reused.
import type { ByteSource } from "../request.js";
import { lentRing } from "./file-chunks.js";
import type { FastConnection } from "./fast-connection.js";
import type { ResponseReader } from "./response-reader.js";

/**
 * Sends `source` in the background (chunked when `length` is undefined); a failure of the source closes the connection with it, so
 * the response fails with that error.
 *
 * @example
 * ```ts
 * sendBody(conn, reader, createReadStream(path), size);
 * ```
 */
export function sendBody(conn: FastConnection, reader: ResponseReader, source: ByteSource, length: number | undefined): void {
  const chunked = length === undefined;
  // A lent source reuses a buffer `ring` chunks later: before pulling on, the socket must have
  // taken (not just queued) all but ring - 1 of the chunks written.
  const ring = lentRing(source);
  const flushing: Array<Promise<void>> = [];
  let sent = 0;
  conn.sending = true;
  void (async () => {
    for await (const piece of source as AsyncIterable<Uint8Array | string>) {
      // The server answered already: stop; `sending` stays set, so the connection is not reused.
      if (reader.received || conn.closed) return;
      const size = typeof piece === "string" ? Buffer.byteLength(piece) : piece.length;
      if (size === 0) continue;
      sent += size;
      if (length !== undefined && sent > length) throw mismatch(sent, length);
      if (chunked) await conn.write(`${size.toString(16)}\r\n`);
      if (ring === undefined) await conn.write(piece);
      else {
        const flushed = conn.writeFlushed(typeof piece === "string" ? Buffer.from(piece) : piece);
        // Handled here too: after an early answer nobody awaits the rest.
        flushed.catch(() => {});
        flushing.push(flushed);
        while (flushing.length >= ring - 1) await flushing.shift();
      }
      if (chunked) await conn.write("\r\n");
    }
    await Promise.all(flushing);
    if (length !== undefined && sent !== length && !reader.received) throw mismatch(sent, length);
    if (chunked && !conn.closed) await conn.write("0\r\n\r\n");
    conn.sending = false;
  })().catch((err: unknown) => conn.destroy(err instanceof Error ? err : new Error(String(err))));
}

// The code undici gives the same mistake, so both paths fail alike.
function mismatch(sent: number, length: number): Error {
  return Object.assign(new Error(`the request body has ${sent > length ? "more" : "fewer"} bytes than its Content-Length (${length})`), {
    code: "UND_ERR_REQ_CONTENT_LENGTH_MISMATCH",
  });
}
