// Sends a file as a response body through a few reused buffers (core's fileChunks), for sandbox
// servers that serve data (IDS getData). fs.createReadStream piped into the response allocates a
// fresh buffer per chunk; in the IDS sandbox a 1 GiB body so cost a third of the server's CPU
// in V8's major garbage collections, on the core the client under test needs (issue 11). The
// bytes on the wire are the same: only how the server reads them changes.
import type { ServerResponse } from "node:http";
import { fileChunks } from "../transport/fast/file-chunks.js";

/** Options of {@link sendFile}. */
export interface SendFileOptions {
  /** The first byte to send (a Range's offset); default 0. */
  start?: number;
  /** Bytes read at a time (default 1 MiB). */
  chunkSize?: number;
}

/**
 * Writes the file at `path` to `res` (whose head the caller has written or will have written
 * implicitly) and ends it. A buffer is refilled only once the socket has taken what it held
 * (the write callback), so at most a few chunks are in memory. Resolves when the body has been
 * handed to the socket, or as soon as the response closes early (a client gone, a fault
 * injected); rejects when the file cannot be read, with the response destroyed.
 *
 * @example
 * ```ts
 * res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(size) });
 * await sendFile(res, "/srv/data/scan.nxs");
 * ```
 */
export async function sendFile(res: ServerResponse, path: string, options: SendFileOptions = {}): Promise<void> {
  // A HEAD response has no body: nothing to read.
  if (res.req.method === "HEAD") return void res.end();
  const ring = 3;
  let closed = false;
  let onClose: () => void = () => {};
  const gone = new Promise<void>((resolve) => {
    onClose = () => {
      closed = true;
      resolve();
    };
    res.once("close", onClose);
  });
  const flushing: Array<Promise<void>> = [];
  try {
    for await (const chunk of fileChunks(path, { ring, chunkSize: options.chunkSize ?? 1024 * 1024, ...(options.start === undefined ? {} : { start: options.start }) })) {
      if (closed) return;
      flushing.push(new Promise<void>((resolve) => res.write(chunk, () => resolve())));
      // fileChunks refills a buffer `ring` chunks later: the socket must have taken it by then.
      while (flushing.length >= ring - 1) await Promise.race([flushing.shift(), gone]);
    }
    await Promise.race([Promise.all(flushing), gone]);
    if (!closed) res.end();
  } catch (err) {
    res.destroy();
    throw err;
  } finally {
    res.off("close", onClose);
  }
}
