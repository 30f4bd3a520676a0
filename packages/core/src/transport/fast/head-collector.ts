// Collects a response head across reads: usually it arrives whole in the first read, but it may
// be split anywhere, and informational answers (100 Continue, 103 Early Hints) may come first and
// are skipped. A head larger than 64 KiB is left to undici, as is 101 Switching Protocols.
import { headEnd, parseResponseHead, type ResponseHead } from "./response-head.js";
import { UnusualResponse } from "./unusual-response.js";

/** Largest response head accepted (undici's default maxHeaderSize is 16 KiB; this is more lenient). */
const MAX_HEAD = 64 * 1024;

/**
 * Finds the final response head in the bytes of successive reads.
 *
 * @example
 * ```ts
 * const found = collector.take(block, start, end); // undefined until the head is complete
 * if (found) startBody(found.head, found.next);
 * ```
 */
export class HeadCollector {
  #partial: Buffer | undefined;

  /** Takes `bytes[start, end)`; returns the head and where the body starts once it is complete. */
  take(bytes: Buffer, start: number, end: number): { head: ResponseHead; next: number } | undefined {
    let pos = start;
    for (;;) {
      const view = bytes.subarray(pos, end);
      const previous = this.#partial;
      const combined = previous ? Buffer.concat([previous, view]) : view;
      const at = headEnd(combined, previous?.length ?? 0);
      if (at < 0) {
        if (combined.length > MAX_HEAD) throw new UnusualResponse("a response head larger than 64 KiB");
        this.#partial = Buffer.from(combined);
        return undefined;
      }
      this.#partial = undefined;
      pos += at - (previous?.length ?? 0);
      const head = parseResponseHead(combined.toString("latin1", 0, at - 4));
      if (head.status === 101) throw new UnusualResponse("101 Switching Protocols");
      if (head.status >= 200) return { head, next: pos };
      if (pos >= end) return undefined;
    }
  }
}
