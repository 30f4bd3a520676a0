// Where downloaded bytes go: one temporary file, written across several attempts (a resumed
// download continues at `bytes`). The writing itself is core's PositionedFileWriter: the pooled
// body's chunks are retained, not copied, and written with asynchronous positioned writes, a few
// at a time; when the disk is slower than the network the body waits, so neither memory nor the
// event loop suffers (issue 11; the earlier synchronous writes held the loop on a slow disk).
// After a failed attempt the sink flushes, so `bytes` and the CRC32 are exactly what the file
// holds, and the next attempt continues from there without reading the file back. A plain file
// descriptor is used rather than a FileHandle: downloadMany opens thousands of files, and
// FileHandle objects are costly to create and to collect.
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { PositionedFileWriter, UNPOOLED, type ChunkHandler, type PositionedWrite } from "@catkit/core";
import { closeFd, crc32Function, openFd, pooledFromReadable, syncFd, truncateFd } from "@catkit/core/internal";

/** Options of a sink. */
export interface FileSinkOptions {
  /** The positioned write to use (tests slow it down to play a slow disk). */
  writeAt?: PositionedWrite;
}

/** A pooled body a sink can consume: IdsData, or anything with core's pooled `read`. */
export interface ReadableBody {
  read(onChunk: ChunkHandler): Promise<void>;
}

/**
 * A file being written by a download, with its byte count and running CRC32.
 *
 * @example
 * ```ts
 * const sink = await FileSink.create(tmpPath);
 * await sink.consume(data);
 * console.log(sink.bytes, sink.crc);
 * await sink.close();
 * ```
 */
export class FileSink {
  readonly #fd: number;
  readonly #options: FileSinkOptions;
  #writer: PositionedFileWriter;
  #closed = false;
  #onWrite: ((bytes: number) => void) | undefined;

  private constructor(fd: number, options: FileSinkOptions, position = 0, crc = 0) {
    this.#fd = fd;
    this.#options = options;
    this.#writer = this.#newWriter(position, crc);
  }

  #newWriter(position: number, crc: number): PositionedFileWriter {
    return new PositionedFileWriter(this.#fd, {
      position,
      crc,
      onWritten: (written) => this.#onWrite?.(written),
      ...(this.#options.writeAt ? { writeAt: this.#options.writeAt } : {}),
    });
  }

  /**
   * Creates (or truncates) the file.
   *
   * @example
   * ```ts
   * const sink = await FileSink.create("/data/.x.part");
   * ```
   */
  static async create(path: string, options: FileSinkOptions = {}): Promise<FileSink> {
    return new FileSink(await openFd(path, "w"), options);
  }

  /**
   * Opens a partial file left by an earlier download to continue it: `bytes` and the CRC32 start
   * from what it holds (read once, streamed). A missing file is created empty.
   *
   * @example
   * ```ts
   * const sink = await FileSink.resume("/data/.x.nxs.3f2a9c01b7de.part");
   * console.log(sink.bytes); // where the Range request starts
   * ```
   */
  static async resume(path: string, options: FileSinkOptions = {}): Promise<FileSink> {
    let fd: number;
    try {
      fd = await openFd(path, "r+");
    } catch (err) {
      if ((err as { code?: unknown }).code === "ENOENT") return FileSink.create(path, options);
      throw err;
    }
    const crc32 = crc32Function();
    let crc = 0;
    let bytes = 0;
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      crc = crc32(chunk, crc);
      bytes += chunk.length;
    }
    return new FileSink(fd, options, bytes, crc);
  }

  /** Bytes written (after a failed consume, exactly what the file holds). */
  get bytes(): number {
    return this.#writer.bytes;
  }

  /** CRC32 of those bytes. */
  get crc(): number {
    return this.#writer.crc;
  }

  /**
   * Writes the whole body; `onWrite` gets the bytes on disk after each completed write. When the body fails,
   * what arrived before is written out first, then the error is thrown.
   *
   * @example
   * ```ts
   * await sink.consume(data, (bytes) => report(bytes));
   * ```
   */
  async consume(body: ReadableBody | AsyncIterable<Uint8Array | string>, onWrite?: (bytes: number) => void): Promise<void> {
    const writer = this.#writer;
    const onChunk: ChunkHandler = (chunk, lease) => writer.write(chunk, lease);
    this.#onWrite = onWrite;
    try {
      // A Readable (the sandbox storing an upload) is read by its 'data' events, without a
      // promise per chunk; its chunks are fresh buffers, which the writer gathers into large writes.
      if (body instanceof Readable) await pooledFromReadable(body).read(onChunk);
      else if (Symbol.asyncIterator in body) {
        // Any other stream of fresh buffers.
        for await (const piece of body) await onChunk(typeof piece === "string" ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength), UNPOOLED);
      } else await body.read(onChunk);
    } finally {
      await writer.flush();
      this.#onWrite = undefined;
    }
  }

  /** Empties the file to start over (a zip whose bytes may differ, a Range the server ignored). */
  async truncate(): Promise<void> {
    await this.#writer.flush();
    await truncateFd(this.#fd, 0);
    this.#writer = this.#newWriter(0, 0);
  }

  /** Flushes to disk (fsync). */
  async sync(): Promise<void> {
    await this.#writer.flush();
    await syncFd(this.#fd);
  }

  /** Closes the file; safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#writer.flush().catch(() => {});
    await closeFd(this.#fd);
  }
}
