// One positioned write of a PositionedFileWriter: the bytes of consecutive chunks, to go to the
// file at `position` in one system call. Chunks contiguous in one buffer (the fast path's read
// blocks) are merged into one range; fresh buffers (UNPOOLED: undici's chunks, a request body
// read by a sandbox) are gathered side by side and written with writev. A 1 GiB upload stored
// from 64 KiB request chunks so makes ~1,000 writes instead of ~16,000 thread-pool round trips
// (issue 11). Lent chunks from different buffers are not gathered: holding a lent buffer back
// while waiting for more could hold the last free block of the body that lent it.
import { write, writev } from "node:fs";
import { UNPOOLED, type BufferLease } from "../transport/fast/lent-chunk.js";

/** A file system write of one buffer; replaceable to simulate a slow disk. */
export type PositionedWrite = (fd: number, bytes: Buffer, position: number, done: (err: Error | null, written: number) => void) => void;

/** Buffers one writev may take (Linux's IOV_MAX is 1024). */
const MAX_PARTS = 256;

/**
 * Bytes gathered for one write.
 *
 * @example
 * ```ts
 * const segment = new WriteSegment(0, chunk, lease);
 * if (!segment.add(next, nextLease)) { submit(segment); }
 * ```
 */
export class WriteSegment {
  readonly position: number;
  readonly parts: Buffer[];
  readonly #leases: BufferLease[];
  bytes: number;

  constructor(position: number, chunk: Buffer, lease: BufferLease) {
    lease.retain();
    this.position = position;
    this.parts = [chunk];
    this.#leases = [lease];
    this.bytes = chunk.length;
  }

  /** Takes `chunk` into this write, if it can be; false when it has to start a new one. */
  add(chunk: Buffer, lease: BufferLease): boolean {
    const last = this.parts[this.parts.length - 1] as Buffer;
    if (last.buffer === chunk.buffer && last.byteOffset + last.length === chunk.byteOffset) {
      this.parts[this.parts.length - 1] = Buffer.from(last.buffer, last.byteOffset, last.length + chunk.length);
    } else if (lease === UNPOOLED && this.#leases.every((l) => l === UNPOOLED) && this.parts.length < MAX_PARTS) {
      this.parts.push(chunk);
      this.#leases.push(lease);
    } else return false;
    this.bytes += chunk.length;
    return true;
  }

  /** Gives the chunks back to their bodies. */
  release(): void {
    for (const lease of this.#leases) lease.release();
  }

  /**
   * Writes every part at `position`, continuing after short writes: with `writeAt` one buffer
   * after another, otherwise with writev. `done` gets the first error, or null.
   */
  write(fd: number, writeAt: PositionedWrite | undefined, done: (err: Error | null) => void): void {
    writeParts(fd, this.parts, this.position, writeAt, done);
  }
}

function writeParts(fd: number, parts: readonly Buffer[], position: number, writeAt: PositionedWrite | undefined, done: (err: Error | null) => void): void {
  const first = parts[0];
  if (!first) return done(null);
  const next = (err: Error | null, written: number) => {
    if (err) return done(err);
    if (written <= 0) return done(new Error(`the file system took no bytes at position ${position}`));
    // Skip what was written: whole parts, then the start of a part.
    let rest = written;
    let i = 0;
    while (i < parts.length && rest >= (parts[i] as Buffer).length) rest -= (parts[i++] as Buffer).length;
    const left = parts.slice(i);
    if (left[0] && rest > 0) left[0] = left[0].subarray(rest);
    writeParts(fd, left, position + written, writeAt, done);
  };
  if (writeAt) writeAt(fd, first, position, next);
  else if (parts.length === 1) write(fd, first, 0, first.length, position, next);
  else writev(fd, parts, position, next);
}
