// Upload bodies read from a file into a few reused buffers, the upload twin of read-blocks.ts:
// a 1 GiB put through fs.createReadStream allocates a fresh buffer per chunk (1 GiB of new
// memory pages and garbage), which is most of what separated catkit from `curl -T` (issue 11).
// The chunks are lent: a buffer is refilled `ring` chunks later, so a consumer has to be done
// with a chunk (written to the socket, not just queued) before pulling that many more. The fast
// path's sendBody knows this (`lentRing`); anything else that reads the source gets copies
// (`copiedChunks`), so the undici fallback stays correct. The buffers are shared memory, so the
// CRC32 of a chunk can be computed on a worker thread while the socket sends it (ids put).
// 256 KiB chunks: reading 1 GiB from the page cache (ext4 or tmpfs) with positioned reads on the
// thread pool costs 0.17–0.19 s of system time in 256 KiB reads, 0.45–0.65 s in 512 KiB or 1 MiB
// reads, and 0.24–0.33 s in 64–128 KiB reads (more trips to the pool), on the 2-core bench VM
// (512 KiB of L2 per core: a larger read no longer fits beside its source pages). issue 11's put.
import { closeFd, openFd, readFd } from "../../sink/fd-calls.js";
import type { ByteSource } from "../request.js";

const LENT_RING = Symbol.for("catkit.lentRing");

/** An async iterable whose chunks are reused after `ring` more have been pulled. */
export type LentChunks = AsyncIterable<Buffer> & { readonly [LENT_RING]: number };

/**
 * The chunks of a file from byte `start` (default 0) on, read into `ring` reused buffers of
 * `chunkSize` bytes.
 *
 * @example
 * ```ts
 * const body = streamBody(() => fileChunks("/data/scan.nxs"), { length: size });
 * ```
 */
export function fileChunks(path: string, options: { chunkSize?: number; ring?: number; start?: number } = {}): LentChunks {
  const chunkSize = options.chunkSize ?? 256 * 1024;
  const ring = Math.max(2, options.ring ?? 4);
  return markLent(
    (async function* () {
      const buffers = Array.from({ length: ring }, () => Buffer.from(new SharedArrayBuffer(chunkSize)));
      const fd = await openFd(path, "r");
      try {
        for (let i = 0, position = options.start ?? 0; ; i++) {
          const buffer = buffers[i % ring] as Buffer;
          const bytesRead = await readFd(fd, buffer, chunkSize, position);
          if (bytesRead === 0) return;
          position += bytesRead;
          yield buffer.subarray(0, bytesRead);
        }
      } finally {
        await closeFd(fd);
      }
    })(),
    ring,
  );
}

/**
 * Marks `chunks` as lent with the given ring size (e.g. after wrapping a lent source).
 *
 * @example
 * ```ts
 * const counted = markLent(withCrc32(fileChunks(path)), 4);
 * ```
 */
export function markLent(chunks: AsyncIterable<Buffer>, ring: number): LentChunks {
  return Object.assign(chunks, { [LENT_RING]: ring }) as LentChunks;
}

/**
 * The ring size of a lent source, or undefined for an ordinary one.
 *
 * @example
 * ```ts
 * const ring = lentRing(source); // 4 for fileChunks(path)
 * ```
 */
export function lentRing(source: unknown): number | undefined {
  const ring = typeof source === "object" && source !== null ? (source as Record<symbol, unknown>)[LENT_RING] : undefined;
  return typeof ring === "number" ? ring : undefined;
}

/**
 * `source` with every chunk of a lent source copied: for readers that keep chunks (undici).
 *
 * @example
 * ```ts
 * const body = copiedChunks(encoded.body);
 * ```
 */
export function copiedChunks(source: ByteSource): ByteSource {
  if (lentRing(source) === undefined) return source;
  return (async function* () {
    for await (const chunk of source as AsyncIterable<Uint8Array>) yield Buffer.from(chunk);
  })();
}
