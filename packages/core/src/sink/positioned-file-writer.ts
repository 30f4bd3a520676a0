// Writes a body into a file without blocking the event loop, at the speed of the file system:
// chunks lent by a pooled body (lent-chunk.ts) are retained rather than copied, contiguous ones
// (and fresh buffers, gathered: write-segment.ts) are written together, and every write is an
// asynchronous positioned write on the thread pool. At most `maxInFlight` writes are pending;
// past that `write` returns a promise, which pauses the body. So a slow disk slows the download
// down instead of filling memory or stalling the loop, and a fast one is kept busy by a queued
// write. Bytes are counted as chunks are accepted. The CRC32 of each chunk is computed as it is
// accepted (checksum/crc32-sequence.ts: inline by default, on a worker thread past
// `crcThreadAfter`): a chunk is one socket read, still in this core's cache, where the 1 MiB
// write it joins no longer is (512 KiB of L2 per core on the bench VM). Checksumming each write
// as it was submitted cost a 1 GiB download 13 % of its speed against checksumming each read
// (`npm run bench ids`, the floor columns; issue 11). A segment's leases are released once its
// write and the CRC32 of its chunks are done. After `flush()` bytes and CRC32 are exactly what the
// file holds.
import { Crc32Sequence } from "../checksum/crc32-sequence.js";
import { UNPOOLED, type BufferLease } from "../transport/fast/lent-chunk.js";
import { WriteSegment, type PositionedWrite } from "./write-segment.js";

export type { PositionedWrite } from "./write-segment.js";

/**
 * Writes smaller than this wait for more contiguous bytes before going out: with the fast path's
 * 1 MiB read blocks, one write per block. Fewer, larger writes cost less CPU per GiB (issue 11).
 */
const COALESCE = 1024 * 1024;

/** Options of {@link PositionedFileWriter}. */
export interface PositionedFileWriterOptions {
  /** Where the first byte goes, with the CRC32 of the bytes before it (to continue a file). */
  position?: number;
  crc?: number;
  /**
   * Writes pending at once before `write` asks the body to wait (default 2). Writes to one file
   * take the file's lock in turn, so more of them only spin on it: with 4, the thread pool spent
   * a visible share of a 1 GiB download in `rwsem_spin_on_owner` (perf, issue 11); 2 keep one
   * write queued while the other runs.
   */
  maxInFlight?: number;
  /** The positioned write to use (default fs.write); tests slow it down. */
  writeAt?: PositionedWrite;
  /** Called after each completed write with the bytes the file system has taken so far (progress). */
  onWritten?: (written: number) => void;
  /**
   * Bytes after which the CRC32 of shared-memory chunks moves to a worker thread (default
   * `Infinity`: on the calling thread, which measured faster and 16 MiB leaner on a quiet 2-core
   * machine; e.g. `16 * 1024 * 1024` where spare cores make the thread pay).
   */
  crcThreadAfter?: number;
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
  readonly #writeAt: PositionedWrite | undefined;
  readonly #onWritten: ((written: number) => void) | undefined;
  #bytes: number;
  #written: number;
  readonly #crc: Crc32Sequence;
  #pending: WriteSegment | undefined;
  /** CRC32s on the worker thread of the pending segment's chunks. */
  #checksumming: Array<Promise<void>> = [];
  #inFlight = 0;
  #error: Error | undefined;
  #waiters: Array<() => void> = [];

  constructor(fd: number, options: PositionedFileWriterOptions = {}) {
    this.#fd = fd;
    this.#bytes = options.position ?? 0;
    this.#written = this.#bytes;
    this.#onWritten = options.onWritten;
    this.#crc = new Crc32Sequence({ initial: options.crc ?? 0, ...(options.crcThreadAfter === undefined ? {} : { threadAfter: options.crcThreadAfter }) });
    this.#maxInFlight = options.maxInFlight ?? 2;
    this.#writeAt = options.writeAt;
  }

  /** Bytes accepted (all written once `flush()` has resolved). */
  get bytes(): number {
    return this.#bytes;
  }

  /** Bytes the file system has taken (writes completed). */
  get written(): number {
    return this.#written;
  }

  /** CRC32 of the accepted bytes, once `flush()` has resolved (before, of a prefix of them). */
  get crc(): number {
    return this.#crc.value;
  }

  /**
   * Accepts a chunk (retaining it through `lease`, so pass the lease a pooled body lent it with).
   * Returns a promise when the caller should wait before the next chunk.
   */
  write(chunk: Buffer, lease: BufferLease = UNPOOLED): void | Promise<void> {
    if (this.#error) throw this.#error;
    if (chunk.length === 0) return;
    let pending = this.#pending;
    if (!pending?.add(chunk, lease)) {
      this.#submit();
      pending = this.#pending = new WriteSegment(this.#bytes, chunk, lease);
    }
    this.#bytes += chunk.length;
    try {
      const checksummed = this.#crc.add(chunk);
      if (checksummed) this.#checksumming.push(checksummed);
    } catch (err) {
      this.#error ??= err instanceof Error ? err : new Error(String(err));
    }
    if (pending.bytes >= COALESCE) this.#submit();
    if (this.#inFlight >= this.#maxInFlight) return this.#room();
  }

  /** Writes what is pending and waits for every write and CRC32; throws the first error. */
  async flush(): Promise<void> {
    if (this.#pending) this.#submit();
    while (this.#inFlight > 0) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    if (this.#error) throw this.#error;
    try {
      await this.#crc.settled();
    } catch (err) {
      throw (this.#error ??= err instanceof Error ? err : new Error(String(err)));
    }
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

  // A write and the CRC32s of its chunks run side by side; the segment is in flight until both are done.
  #submit(): void {
    const p = this.#pending;
    if (!p) return;
    this.#pending = undefined;
    const checksummed = this.#checksumming;
    this.#checksumming = [];
    this.#inFlight++;
    let open = 2;
    const done = () => {
      if (--open > 0) return;
      p.release();
      this.#inFlight--;
      for (const wake of this.#waiters.splice(0)) wake();
    };
    if (checksummed.length > 0) void Promise.all(checksummed).then(done);
    else done();
    p.write(this.#fd, this.#writeAt, (err) => {
      this.#error ??= err ?? undefined;
      if (!err) {
        this.#written += p.bytes;
        this.#onWritten?.(this.#written);
      }
      done();
    });
  }
}
