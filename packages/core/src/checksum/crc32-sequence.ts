// The running CRC32 of a byte stream whose parts may be checksummed out of order: each part's
// CRC32 is computed on its own (on the worker thread when the part is large and in shared memory,
// inline otherwise) and folded into the total in stream order with crc32Combine. A stream starts
// inline and moves its parts to the thread only once it is long enough to pay for the thread
// (a small file should not start an 18 MiB worker).
import { crc32Combine } from "./crc32-combine.js";
import { crc32Function, type Crc32Function } from "./crc32-function.js";
import { crc32InThread, isShared } from "./crc32-thread.js";

/** Options of {@link Crc32Sequence}. */
export interface Crc32SequenceOptions {
  /** The CRC32 of the bytes before the first part (to continue a file); default 0. */
  initial?: number;
  /**
   * Parts go to the worker thread once this many bytes were added (default Infinity: never; on a
   * quiet 2-core machine the thread lost to inline CRC32, packages/ids/README.md "Benchmark").
   */
  threadAfter?: number;
  /** Smallest part worth a trip to the thread (default 128 KiB). */
  minThreadPart?: number;
}

interface Part {
  length: number;
  crc: number | undefined;
}

/**
 * A CRC32 built from parts added in stream order.
 *
 * @example
 * ```ts
 * const seq = new Crc32Sequence();
 * const done = seq.add(block.subarray(0, n)); // a promise when computed on the thread
 * await done; // now `block` may be reused
 * console.log(await seq.settled());
 * ```
 */
export class Crc32Sequence {
  readonly #threadAfter: number;
  readonly #minThreadPart: number;
  readonly #parts: Part[] = [];
  #head = 0;
  #value: number;
  #added = 0;
  #error: Error | undefined;
  #waiters: Array<() => void> = [];
  readonly #crc32: Crc32Function = crc32Function();

  constructor(options: Crc32SequenceOptions = {}) {
    this.#value = (options.initial ?? 0) >>> 0;
    this.#threadAfter = options.threadAfter ?? Infinity;
    this.#minThreadPart = options.minThreadPart ?? 128 * 1024;
  }

  /** CRC32 of the parts folded so far (of every part once {@link settled} resolved). */
  get value(): number {
    return this.#value;
  }

  /** Whether every part added has been folded in. */
  get idle(): boolean {
    return this.#head === this.#parts.length;
  }

  /**
   * Adds the next part. Returns undefined when it was checksummed at once, otherwise a promise
   * that settles once the thread is done with `bytes` (keep them unchanged until then).
   */
  add(bytes: Uint8Array): Promise<void> | undefined {
    if (this.#error) throw this.#error;
    const length = bytes.byteLength;
    if (length === 0) return undefined;
    const offload = this.#added >= this.#threadAfter && length >= this.#minThreadPart && isShared(bytes);
    this.#added += length;
    if (!offload && this.idle) {
      this.#value = this.#crc32(bytes, this.#value) >>> 0;
      return undefined;
    }
    const part: Part = { length, crc: undefined };
    this.#parts.push(part);
    if (!offload) {
      part.crc = this.#crc32(bytes) >>> 0;
      return undefined;
    }
    return crc32InThread(bytes).then(
      (crc) => {
        part.crc = crc >>> 0;
        this.#fold();
      },
      (err: unknown) => {
        this.#error ??= err instanceof Error ? err : new Error(String(err));
        this.#wake();
      },
    );
  }

  /** Resolves with the CRC32 of everything added once every part is in; rejects if the thread failed. */
  async settled(): Promise<number> {
    while (!this.idle && !this.#error) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    if (this.#error) throw this.#error;
    return this.#value;
  }

  #fold(): void {
    for (let part = this.#parts[this.#head]; part?.crc !== undefined; part = this.#parts[this.#head]) {
      this.#value = crc32Combine(this.#value, part.crc, part.length);
      this.#head++;
    }
    if (this.idle) {
      this.#parts.length = 0;
      this.#head = 0;
      this.#wake();
    }
  }

  #wake(): void {
    for (const wake of this.#waiters.splice(0)) wake();
  }
}
