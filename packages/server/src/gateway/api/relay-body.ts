// Relays an IDS body to the caller without a copy or a stream per chunk: the chunks IDS's body
// lends (core's pooled body, read off the fast path's reused buffers) are written straight to the
// reply's socket. A lent chunk is only valid until the read callback returns (core's lifetime
// rule, lent-chunk.ts), and a socket write may complete later, so each chunk is retained until
// its write has completed (the write's callback), or until the response is closed (a destroyed
// socket drops its pending writes). Backpressure: when the socket's buffer is full the read
// waits for 'drain' (the fast path then stops reading from IDS once its few blocks are held).
// Measured in tools/bench/server, the Readable + pipe relay it replaces cost a copy per chunk
// (the pooled body's Readable view copies) and the stream machinery on both sides.
import type { IdsData } from "@catkit/ids";
import type { FastifyReply } from "fastify";
import type { ServerMetrics } from "../../app/metrics.js";

/** Thrown from the read callback once `length` bytes are sent: the rest of IDS's body is not wanted. */
class Enough extends Error {}

/**
 * Sends the reply's status and headers, then `data`'s body (its first `length` bytes when
 * given), and resolves when the response has ended or was abandoned by the caller. The reply is
 * hijacked: fastify's onResponse hooks (metrics, the request log) still run when it finishes.
 *
 * @example
 * ```ts
 * void reply.code(206).header("content-range", `bytes 0-99/${size}`);
 * await relayBody(reply, await ids.getData(target, { offset: 0 }), metrics, 100);
 * ```
 */
export async function relayBody(reply: FastifyReply, data: IdsData, metrics: ServerMetrics, length?: number): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) res.setHeader(name, value);
  res.writeHead(reply.statusCode);
  if (reply.request.method === "HEAD") {
    data.cancel();
    res.end();
    return;
  }
  metrics.downloadsActive.inc();
  const held = new Set<() => void>();
  let reading = true;
  let wake: (() => void) | undefined;
  res.once("close", () => {
    // Ended, or the caller went away: a destroyed socket drops its pending writes, so free what
    // they held; stop pulling from IDS if the body is still coming.
    for (const release of [...held]) release();
    wake?.();
    if (reading) data.cancel();
  });
  let left = length ?? Number.POSITIVE_INFINITY;
  try {
    await data.read((chunk, lease) => {
      if (res.destroyed) throw new Enough();
      const part = chunk.length > left ? chunk.subarray(0, left) : chunk;
      left -= part.length;
      lease.retain();
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(release);
        lease.release();
      };
      held.add(release);
      const room = res.write(part, release);
      if (left <= 0) throw new Enough();
      if (room) return undefined;
      return new Promise<void>((resolve) => {
        const go = () => {
          res.off("drain", go);
          wake = undefined;
          resolve();
        };
        wake = go;
        res.on("drain", go);
      });
    });
    reading = false;
    res.end();
  } catch (err) {
    reading = false;
    if (err instanceof Enough) {
      if (!res.destroyed) res.end();
    } else if (!res.destroyed) {
      // IDS broke off mid-body: end the response abruptly, so the caller sees it incomplete.
      reply.log.warn({ err }, "the IDS body broke off mid-download");
      res.destroy();
    }
  } finally {
    metrics.downloadsActive.dec();
  }
}
