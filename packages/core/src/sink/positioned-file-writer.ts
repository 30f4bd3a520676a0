// Writes a body into a file without blocking the event loop, at the speed of the file system:
// chunks lent by a pooled body (lent-chunk.ts) are retained rather than copied, contiguous ones
// are written together, and every write is an asynchronous positioned write on the thread pool.
// At most `maxInFlight` writes are pending; past that `write` returns a promise, which pauses the
// body. So a slow disk slows the download down instead of filling memory or stalling the loop,
// and a fast one is kept busy by several writes at once. Bytes and CRC32 (zlib.crc32) are counted
// as chunks are accepted; after `flush()` they are exactly what the file holds.
import { write as fsWrite } from "node:fs";
import { crc32 } from "node:zlib";
import { UNPOOLED, type BufferLease } from "../transport/fast/lent-chunk.js";

/** Writes smaller than this wait for more contiguous bytes before going out. */
const COALESCE = 256 * 1024;

/** The file system call; replaceable to simulate a slow disk. */
export type PositionedWrite = (fd: number, bytes: Buffer, position: number, done: (err: Error | null, written: number) => void) => void;

const nodeWrite: PositionedWrite = (fd, bytes, position, done) => fsWrite(fd, bytes, 0, bytes.length, position, (err, written) => done(err, written));

/** Options of {@link PositionedFileWriter}. */
export interface PositionedFileWriterOptions {
  /** Where the first byte goes, with the CRC32 of the bytes before it (to continue a file). */
  position?: number;
  crc?: number;
  /** Writes pending at once before `write` asks the body to wait (default 4). */
  maxInFlight?: number;
  /** The positioned write to use (default fs.write); tests slow it down. */
  writeAt?: PositionedWrite;
  /** Called after each completed write with the bytes the file system has taken so far (progress). */
  onWritten?: (written: number) => void;
}

interface Pending {
  buffer: ArrayBufferLike;
  start: number;
  end: number;
  position: number;
  lease: BufferLease;
}

/**
 * A file being written from a pooled body.
 *
 * @example
 * ```ts
 * const writer = new PositionedFileWriter(fd);
 * await pooledBody(response).read((chunk, lease) => writer.write(chunk, lease));
 * await writer.flush();
 * console.log(writer.bytes, writer.crc);
 * ```
 */
export class PositionedFileWriter {
  readonly #fd: number;
  readonly #maxInFlight: number;
  readonly #writeAt: PositionedWrite;
  readonly #onWritten: ((written: number) => void) | undefined;
  #bytes: number;
  #written: number;
  #crc: number;
  #pending: Pending | undefined;
  #inFlight = 0;
  #error: Error | undefined;
  #waiters: Array<() => void> = [];

  constructor(fd: number, options: PositionedFileWriterOptions = {}) {
    this.#fd = fd;
    this.#bytes = options.position ?? 0;
    this.#written = this.#bytes;
    this.#onWritten = options.onWritten;
    this.#crc = options.crc ?? 0;
    this.#maxInFlight = options.maxInFlight ?? 4;
    this.#writeAt = options.writeAt ?? nodeWrite;
  }

  /** Bytes accepted (all written once `flush()` has resolved). */
  get bytes(): number {
    return this.#bytes;
  }

  /** Bytes the file system has taken (writes completed). */
  get written(): number {
    return this.#written;
  }

  /** CRC32 of the accepted bytes. */
  get crc(): number {
    return this.#crc;
  }

  /**
   * Accepts a chunk (retaining it through `lease`, so pass the lease a pooled body lent it with).
   * Returns a promise when the caller should wait before the next chunk.
   */
  write(chunk: Buffer, lease: BufferLease = UNPOOLED): void | Promise<void> {
    if (this.#error) throw this.#error;
    if (chunk.length === 0) return;
    this.#crc = crc32(chunk, this.#crc);
    const pending = this.#pending;
    if (pending && pending.buffer === chunk.buffer && pending.end === chunk.byteOffset) pending.end += chunk.length;
    else {
      if (pending) this.#submit();
      lease.retain();
      this.#pending = { buffer: chunk.buffer, start: chunk.byteOffset, end: chunk.byteOffset + chunk.length, position: this.#bytes, lease };
    }
    this.#bytes += chunk.length;
    if ((this.#pending?.end ?? 0) - (this.#pending?.start ?? 0) >= COALESCE) this.#submit();
    if (this.#inFlight >= this.#maxInFlight) return this.#room();
  }

  /** Writes what is pending and waits for every write; throws the first write error. */
  async flush(): Promise<void> {
    if (this.#pending) this.#submit();
    while (this.#inFlight > 0) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    if (this.#error) throw this.#error;
  }

  #room(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        if (this.#error) reject(this.#error);
        else if (this.#inFlight < this.#maxInFlight) resolve();
        else this.#waiters.push(check);
      };
      check();
    });
  }

  #submit(): void {
    const p = this.#pending;
    if (!p) return;
    this.#pending = undefined;
    this.#inFlight++;
    this.#writeSlice(p, p.start, p.position);
  }

  #writeSlice(p: Pending, start: number, position: number): void {
    const bytes = Buffer.from(p.buffer, start, p.end - start);
    this.#writeAt(this.#fd, bytes, position, (err, written) => {
      if (!err && written < bytes.length) return this.#writeSlice(p, start + written, position + written);
      this.#error ??= err ?? undefined;
      p.lease.release();
      this.#inFlight--;
      if (!err) {
        this.#written += p.end - p.start;
        this.#onWritten?.(this.#written);
      }
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }
}
