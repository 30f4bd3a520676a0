// What put() can read from: a file path (size, name and times come from the file, as
// python-icat's putData fstat()s its file), a Node stream, or any async iterable of bytes.
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Readable } from "node:stream";
import { InvalidArgumentError } from "@catkit/core";
import { fileChunks } from "@catkit/core/internal";

/**
 * Bytes to upload: a file path, a Node Readable or an async iterable of chunks.
 *
 * @example
 * ```ts
 * const a: PutSource = "/data/scan-001.nxs";
 * const b: PutSource = Readable.from([Buffer.from("Hello John!\n")]);
 * ```
 */
export type PutSource = string | Readable | AsyncIterable<Uint8Array | string>;

/** A source ready to send. */
export interface OpenedSource {
  chunks: AsyncIterable<Uint8Array | string>;
  size: number | undefined;
  name: string | undefined;
  createTime: number | undefined;
  modTime: number | undefined;
}

/**
 * Checks a source and, for a path, reads its size, name and times (nothing is read yet).
 *
 * @example
 * ```ts
 * const { chunks, size, modTime } = await openSource("/data/scan-001.nxs");
 * ```
 */
export async function openSource(source: PutSource): Promise<OpenedSource> {
  if (typeof source === "string") {
    const info = await stat(source).catch((err: unknown) => {
      throw new InvalidArgumentError(`cannot read ${source}: ${err instanceof Error ? err.message : String(err)}`, { argument: "source", cause: err });
    });
    if (!info.isFile()) throw new InvalidArgumentError(`${source} is not a regular file`, { argument: "source" });
    const modTime = Math.trunc(info.mtimeMs);
    return {
      // Opened on first read, into a few reused buffers (core's fileChunks: lent chunks, which the
      // fast path writes without a copy and anything else copies).
      chunks: fileChunks(source),
      size: info.size,
      name: basename(source),
      // birthtime is 0 where the file system does not keep it; python-icat uses the mtime then.
      createTime: info.birthtimeMs > 0 ? Math.trunc(info.birthtimeMs) : modTime,
      modTime,
    };
  }
  if (source !== null && typeof source === "object" && typeof (source as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") {
    return { chunks: source, size: undefined, name: undefined, createTime: undefined, modTime: undefined };
  }
  throw new InvalidArgumentError("source must be a file path, a Readable or an async iterable of bytes", { argument: "source" });
}
