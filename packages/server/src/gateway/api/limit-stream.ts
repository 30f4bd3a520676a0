// Passes on the first `limit` bytes of a stream and then ends, destroying the source (so IDS
// stops sending the rest). Chunks are sliced, never copied whole.
import { Transform, type Readable } from "node:stream";

/**
 * Cuts `source` after `limit` bytes.
 *
 * @example
 * ```ts
 * reply.send(limitStream(data.body, 1024));
 * ```
 */
export function limitStream(source: Readable, limit: number): Readable {
  let left = limit;
  const cut = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (left <= 0) return done();
      const part = chunk.length <= left ? chunk : chunk.subarray(0, left);
      left -= part.length;
      this.push(part);
      if (left <= 0) {
        this.push(null);
        source.unpipe(cut);
        source.destroy();
      }
      done();
    },
  });
  source.on("error", (err) => cut.destroy(err));
  cut.on("close", () => source.destroy());
  return source.pipe(cut);
}
