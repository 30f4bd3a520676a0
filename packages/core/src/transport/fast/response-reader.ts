// One HTTP/1.1 response on a fast connection: the head, then the body handed out as lent
// chunks (lent-chunk.ts). The connection feeds it the byte ranges its socket read into pooled
// blocks; the reader frames them (Content-Length, chunked or until close) and passes body bytes
// on without copying. When the consumer is not ready (no read() yet, or its callback returned a
// promise) the rest of the range is kept, its block retained, and the socket paused.
import { bodyFraming, keepsAlive, type BodyFraming } from "./body-framing.js";
import { ChunkedDecoder } from "./chunked-decoder.js";
import type { ChunkHandler, PooledBody } from "./lent-chunk.js";
import type { ReadBlock } from "./read-blocks.js";
import { HeadCollector } from "./head-collector.js";
import type { ResponseHead } from "./response-head.js";

/** What the reader tells its connection. */
export interface ReaderHooks {
  /** The head has arrived (stop the headers timer, start the body one). */
  head(): void;
  /** The consumer can take bytes again: resume the socket if nothing else holds it. */
  resume(): void;
  /** The body ended; `reusable` says whether the connection can carry another request. */
  finished(reusable: boolean): void;
  /** The consumer gave up on the body (or its callback threw): close the connection. */
  abandon(err: Error): void;
}

/**
 * Parses one response from the byte ranges a fast connection reads.
 *
 * @example
 * ```ts
 * const reader = new ResponseReader("GET", hooks);
 * const head = await reader.head; // then: await reader.read((chunk) => …)
 * ```
 */
export class ResponseReader implements PooledBody {
  readonly head: Promise<ResponseHead>;
  /** True while the consumer cannot take bytes: the connection pauses its socket. */
  paused = false;
  /** True once any byte of the response arrived (a reused connection that fails before cannot have sent it). */
  received = false;
  /** Called once when the body has ended or failed. */
  onSettled: (() => void) | undefined;
  /** What the consumer's callback threw, if it did (passed on as it is, not as a transport error). */
  consumerError: Error | undefined;
  readonly #method: string;
  readonly #hooks: ReaderHooks;
  #resolveHead!: (head: ResponseHead) => void;
  #rejectHead!: (err: Error) => void;
  readonly #headCollector = new HeadCollector();
  #parsed: ResponseHead | undefined;
  #framing: BodyFraming | undefined;
  #remaining = 0;
  #chunked: ChunkedDecoder | undefined;
  #onChunk: ChunkHandler | undefined;
  #kept: { block: ReadBlock; pos: number; end: number } | undefined;
  #done = false;
  #error: Error | undefined;
  #settle: { resolve: () => void; reject: (err: Error) => void } | undefined;

  constructor(method: string, hooks: ReaderHooks) {
    this.#method = method;
    this.#hooks = hooks;
    this.head = new Promise((resolve, reject) => {
      this.#resolveHead = resolve;
      this.#rejectHead = reject;
    });
    // A failure before anyone awaits the head must not be an unhandled rejection.
    this.head.catch(() => {});
  }

  /** True once the body has ended or failed. */
  get settled(): boolean {
    return this.#done || this.#error !== undefined;
  }

  /** Bytes `block.bytes[start, end)` arrived. */
  feed(block: ReadBlock, start: number, end: number): void {
    this.received = true;
    if (this.settled) {
      // Bytes after the end of the response: the connection is not in a state to reuse.
      if (this.#done) this.#hooks.abandon(new Error("unexpected bytes after the response"));
      return;
    }
    let pos = start;
    if (this.#framing === undefined) {
      try {
        const found = this.#headCollector.take(block.bytes, start, end);
        if (found === undefined) return;
        pos = this.#startBody(found.head, found.next);
      } catch (err) {
        return this.#protocolFailed(err);
      }
    }
    this.#drain(block, pos, end);
  }

  /** The server closed its side. */
  end(): void {
    if (this.settled) return;
    if (this.#framing?.kind === "close" && this.#kept === undefined) return this.#finish(false);
    if (this.#framing?.kind === "close") {
      // Deliver what is kept first; #drain finishes once it has.
      this.#closeAtEnd = true;
      return;
    }
    const err = Object.assign(new Error(this.#parsed ? "the server closed the connection before the body ended" : "the server closed the connection without answering"), {
      code: "ECONNRESET",
    });
    this.fail(err);
  }

  #closeAtEnd = false;

  /** True when the body ends with the connection and the server has closed it. */
  get endsAtClose(): boolean {
    return this.#closeAtEnd;
  }

  /** The connection failed (socket error, timeout, abort). */
  fail(err: Error): void {
    if (this.settled) return;
    this.#error = err;
    this.#rejectHead(err);
    this.#releaseKept();
    this.#settle?.reject(err);
    this.onSettled?.();
  }

  read(onChunk: ChunkHandler): Promise<void> {
    if (this.#onChunk) return Promise.reject(new Error("this body is already being read"));
    this.#onChunk = onChunk;
    return new Promise<void>((resolve, reject) => {
      if (this.#error) return reject(this.#error);
      if (this.#done) return resolve();
      this.#settle = { resolve, reject };
      this.#continue();
    });
  }

  // The consumer can take bytes again: deliver what was kept, then let the socket read on.
  #continue(): void {
    this.paused = false;
    const kept = this.#kept;
    this.#kept = undefined;
    if (kept) {
      this.#drain(kept.block, kept.pos, kept.end);
      kept.block.release();
    }
    if (!this.paused && !this.settled) this.#hooks.resume();
  }

  cancel(): void {
    if (this.settled) return;
    const err = Object.assign(new Error("the body was cancelled"), { name: "AbortError", code: "ABORT_ERR" });
    this.fail(err);
    this.#hooks.abandon(err);
  }

  #startBody(head: ResponseHead, pos: number): number {
    const framing = bodyFraming(this.#method, head);
    this.#parsed = head;
    this.#framing = framing;
    if (framing.kind === "length") this.#remaining = framing.length;
    if (framing.kind === "chunked") this.#chunked = new ChunkedDecoder();
    this.paused = this.#onChunk === undefined;
    this.#hooks.head();
    this.#resolveHead(head);
    if (framing.kind === "none" || (framing.kind === "length" && framing.length === 0)) this.#finish(keepsAlive(head, framing));
    return pos;
  }

  #drain(block: ReadBlock, pos: number, end: number): void {
    try {
      this.#drainOrThrow(block, pos, end);
    } catch (err) {
      this.#protocolFailed(err);
    }
  }

  #drainOrThrow(block: ReadBlock, pos: number, end: number): void {
    const bytes = block.bytes;
    while (!this.settled) {
      if (this.paused || this.#onChunk === undefined) {
        // Keep the block (the chunk just lent lies in it, and maybe more bytes) until resumed.
        block.retain();
        this.#kept = { block, pos, end };
        this.paused = true;
        return;
      }
      let from = pos;
      let to: number;
      const framing = this.#framing;
      if (framing?.kind === "chunked" && this.#chunked) {
        pos = this.#chunked.feed(bytes, pos, end);
        from = this.#chunked.dataStart;
        to = this.#chunked.dataEnd;
      } else if (framing?.kind === "length") {
        to = pos + Math.min(this.#remaining, end - pos);
        this.#remaining -= to - pos;
        pos = to;
      } else pos = to = end;
      if (to > from) this.#deliver(bytes.subarray(from, to), block);
      const complete = framing?.kind === "chunked" ? this.#chunked?.done === true : framing?.kind === "length" && this.#remaining === 0;
      if (complete) {
        if (this.#parsed && framing) this.#finish(pos === end && keepsAlive(this.#parsed, framing));
        return;
      }
      if (pos >= end && !this.paused) {
        if (this.#closeAtEnd) this.#finish(false);
        return;
      }
    }
  }

  #deliver(chunk: Buffer, block: ReadBlock): void {
    let pending: void | PromiseLike<void>;
    try {
      pending = this.#onChunk?.(chunk, block);
    } catch (err) {
      return this.#consumerFailed(err);
    }
    if (pending === undefined || typeof pending.then !== "function") return;
    this.paused = true;
    pending.then(
      () => this.#continue(),
      (err: unknown) => this.#consumerFailed(err),
    );
  }

  /** The consumer's callback threw or its promise rejected. */
  #consumerFailed(err: unknown): void {
    const error = err instanceof Error ? err : new Error(String(err));
    this.consumerError = error;
    this.#protocolFailed(error);
  }

  /** The bytes broke the protocol (or the consumer failed): give up the connection. */
  #protocolFailed(err: unknown): void {
    const error = err instanceof Error ? err : new Error(String(err));
    this.fail(error);
    this.#hooks.abandon(error);
  }

  #finish(reusable: boolean): void {
    if (this.settled) return;
    this.#done = true;
    this.#releaseKept();
    this.#hooks.finished(reusable);
    this.#settle?.resolve();
    this.onSettled?.();
  }

  #releaseKept(): void {
    const kept = this.#kept;
    this.#kept = undefined;
    kept?.block.release();
  }
}
