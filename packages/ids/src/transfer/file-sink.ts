// Where downloaded bytes go: one temporary file, written across several attempts (a resumed
// download continues at `bytes`). Bytes and CRC32 are counted only once the file system has
// accepted them, so after a broken connection `bytes` is exactly what the file holds and the
// CRC32 continues from there without reading the file back.
//
// Writes are synchronous while the file system keeps up, like curl's: on a small machine the
// thread-pool round trip of every asynchronous write costs a third of the throughput (measured
// with tools/bench/ids). A write into the page cache takes microseconds. When writes are slow
// (a network file system, a struggling disk: SLOW_STREAK writes in a row over `slowWriteMs`, or
// one over STALL_MS) the sink switches to asynchronous writes for the rest of the file, so the
// event loop is not held up. One slow write alone does not count: on a busy machine the process
// is sometimes descheduled in the middle of a fast write. A plain file
// descriptor is used rather than a FileHandle: downloadMany opens thousands of files, and
// FileHandle objects are costly to create and to collect.
import { close, createReadStream, fsync, ftruncate, open, write, writeSync } from "node:fs";
import { promisify } from "node:util";
import { crc32 } from "node:zlib";

const openFile = promisify(open);
const closeFile = promisify(close);
const writeFile = promisify(write);
const truncateFile = promisify(ftruncate);
const syncFile = promisify(fsync);

/** A synchronous write slower than this counts as slow. */
const SLOW_WRITE_MS = 10;
/** Slow writes in a row that switch the sink to asynchronous writes. */
const SLOW_STREAK = 3;
/** A single write this slow switches at once. */
const STALL_MS = 200;

/**
 * A file being written by a download, with its byte count and running CRC32.
 *
 * @example
 * ```ts
 * const sink = await FileSink.create(tmpPath);
 * await sink.consume(response.body);
 * console.log(sink.bytes, sink.crc);
 * await sink.close();
 * ```
 */
export class FileSink {
  readonly #fd: number;
  readonly #slowWriteMs: number;
  #bytes = 0;
  #crc = 0;
  #sync = true;
  #slowStreak = 0;
  #closed = false;

  private constructor(fd: number, slowWriteMs: number) {
    this.#fd = fd;
    this.#slowWriteMs = slowWriteMs;
  }

  /**
   * Creates (or truncates) the file.
   *
   * @example
   * ```ts
   * const sink = await FileSink.create("/data/.x.part");
   * ```
   */
  static async create(path: string, options: { slowWriteMs?: number } = {}): Promise<FileSink> {
    return new FileSink(await openFile(path, "w"), options.slowWriteMs ?? SLOW_WRITE_MS);
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
  static async resume(path: string, options: { slowWriteMs?: number } = {}): Promise<FileSink> {
    let fd: number;
    try {
      fd = await openFile(path, "r+");
    } catch (err) {
      if ((err as { code?: unknown }).code === "ENOENT") return FileSink.create(path, options);
      throw err;
    }
    const sink = new FileSink(fd, options.slowWriteMs ?? SLOW_WRITE_MS);
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      sink.#crc = crc32(chunk, sink.#crc);
      sink.#bytes += chunk.length;
    }
    return sink;
  }

  /** Bytes durably handed to the file system. */
  get bytes(): number {
    return this.#bytes;
  }

  /** CRC32 of those bytes. */
  get crc(): number {
    return this.#crc;
  }

  /** True while writes are synchronous (the file system has kept up so far). */
  get synchronous(): boolean {
    return this.#sync;
  }

  #writeSync(chunk: Uint8Array): void {
    const started = performance.now();
    for (let done = 0; done < chunk.length; ) done += writeSync(this.#fd, chunk, done, chunk.length - done, this.#bytes + done);
    const took = performance.now() - started;
    this.#slowStreak = took > this.#slowWriteMs ? this.#slowStreak + 1 : 0;
    if (this.#slowStreak >= SLOW_STREAK || took > STALL_MS) this.#sync = false;
  }

  async #writeAsync(chunk: Uint8Array): Promise<void> {
    for (let done = 0; done < chunk.length; ) done += (await writeFile(this.#fd, chunk, done, chunk.length - done, this.#bytes + done)).bytesWritten;
  }

  /**
   * Appends one chunk, counting it once it is written.
   *
   * @example
   * ```ts
   * await sink.write(Buffer.from("Hello John!\n"));
   * ```
   */
  async write(chunk: Uint8Array): Promise<void> {
    if (this.#sync) this.#writeSync(chunk);
    else await this.#writeAsync(chunk);
    this.#crc = crc32(chunk, this.#crc);
    this.#bytes += chunk.length;
  }

  /**
   * Writes everything `source` yields; `onWrite` gets the byte count after each chunk. An error
   * of the source is thrown after the chunks before it are counted.
   *
   * @example
   * ```ts
   * await sink.consume(response.body, (bytes) => report(bytes));
   * ```
   */
  async consume(source: AsyncIterable<Uint8Array | string>, onWrite?: (bytes: number) => void): Promise<void> {
    for await (const piece of source) {
      const chunk = typeof piece === "string" ? Buffer.from(piece) : piece;
      if (this.#sync) {
        this.#writeSync(chunk);
        this.#crc = crc32(chunk, this.#crc);
        this.#bytes += chunk.length;
      } else await this.write(chunk);
      onWrite?.(this.#bytes);
    }
  }

  /** Empties the file to start over (a zip whose bytes may differ, a Range the server ignored). */
  async truncate(): Promise<void> {
    await truncateFile(this.#fd, 0);
    this.#bytes = 0;
    this.#crc = 0;
  }

  /** Flushes to disk (fsync). */
  async sync(): Promise<void> {
    await syncFile(this.#fd);
  }

  /** Closes the file; safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await closeFile(this.#fd);
  }
}
