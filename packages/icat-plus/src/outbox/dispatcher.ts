// Delivery with nothing lost: a message goes out directly when the outbox is empty; when its
// lane fails (no broker, no receipt in time, an ICAT+ network error or 5xx) it is written to the
// outbox in the very bytes it would have sent, and the outbox is flushed in order — on
// reconnect, in the background with backoff, or by flush(). While anything waits in the outbox,
// new messages queue behind it, so that an add-files message never overtakes the dataset it
// refers to.
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { Delivery, FlushResult } from "./delivery.js";
import { flushPass, type PassResult } from "./flush-pass.js";
import type { Lane } from "./lane.js";
import type { OutboxStatus, OutboxStore } from "./outbox-store.js";

/**
 * Options of the {@link Dispatcher}.
 *
 * @example
 * ```ts
 * const o: DispatcherOptions = { outbox: new OutboxStore(dir), lane: () => lane, window: 256 };
 * ```
 */
export interface DispatcherOptions {
  outbox: OutboxStore | undefined;
  lane(name: string): Lane;
  /** Messages in flight during a flush (default 256). */
  window?: number;
  /** Background retry delays (default 1 s doubling to 30 s). */
  backoff?: { initialMs: number; maxMs: number };
}

/**
 * Sends messages through their lanes with the outbox as a safety net. Emits "outbox"
 * ({@link OutboxStatus}) whenever the depth changes and "flush-error" (Error) when a background
 * flush fails.
 *
 * @example
 * ```ts
 * const d = new Dispatcher({ outbox: new OutboxStore(dir), lane: () => stompLane });
 * await d.deliver("icatIngest", xml, "xml");
 * ```
 */
export class Dispatcher extends EventEmitter {
  readonly #options: DispatcherOptions;
  #depth = 0;
  #oldestAt: number | undefined;
  #loaded: Promise<void> | undefined;
  #running: Promise<FlushResult> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #delay: number;
  #closed = false;

  constructor(options: DispatcherOptions) {
    super();
    this.#options = options;
    this.#delay = options.backoff?.initialMs ?? 1_000;
  }

  #load(): Promise<void> {
    this.#loaded ??= (async () => {
      const status = await this.#options.outbox?.status();
      this.#depth += status?.depth ?? 0;
      this.#oldestAt = status?.oldestAt?.getTime() ?? this.#oldestAt;
      if (this.#depth > 0) this.#kick(0);
    })();
    return this.#loaded;
  }

  /** Depth and age of the outbox, as this process tracks it (read from disk the first time). */
  async status(): Promise<OutboxStatus> {
    await this.#load();
    return this.snapshot();
  }

  /** The depth and age tracked in memory, without reading the directory. */
  snapshot(): OutboxStatus {
    return { depth: this.#depth, oldestAt: this.#oldestAt === undefined ? undefined : new Date(this.#oldestAt), dir: this.#options.outbox?.dir ?? "" };
  }

  #changed(): void {
    this.emit("outbox", this.snapshot());
  }

  /**
   * Delivers one message, or keeps it in the outbox when its lane fails transiently.
   *
   * @throws whatever the lane throws for a non-transient failure, or OutboxError.
   */
  async deliver(laneName: string, body: string, ext: "xml" | "json", target?: string): Promise<Delivery> {
    const lane = this.#options.lane(laneName);
    const messageId = randomUUID();
    const outbox = this.#options.outbox;
    if (!outbox) {
      await lane.send(body, messageId, target);
      return { messageId, lane: laneName, outcome: "sent" };
    }
    await this.#load();
    let reason = "messages are waiting in the outbox";
    if (this.#depth === 0 && this.#running === undefined) {
      try {
        await lane.send(body, messageId, target);
        return { messageId, lane: laneName, outcome: "sent" };
      } catch (err) {
        if (!lane.keep(err)) throw err;
        reason = err instanceof Error ? err.message : String(err);
      }
    }
    const entry = await outbox.put({ lane: laneName, messageId, body, ext, ...(target === undefined ? {} : { target }) });
    this.#depth++;
    this.#oldestAt ??= entry.createdAt;
    this.#changed();
    this.#kick(this.#running ? 0 : this.#delay);
    return { messageId, lane: laneName, outcome: "outboxed", outboxFile: entry.name, reason };
  }

  /** Flushes now until the outbox is empty or a delivery fails. */
  async flush(): Promise<FlushResult> {
    await this.#load();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    return this.#run();
  }

  /** Starts a background flush (e.g. on reconnect). */
  poke(): void {
    if (this.#depth > 0) this.#kick(0);
  }

  #kick(delayMs: number): void {
    if (this.#closed || this.#running || (this.#timer && delayMs > 0)) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#run().then((r) => {
        if (r.error) {
          this.emit("flush-error", r.error);
          this.#delay = Math.min(this.#delay * 2, this.#options.backoff?.maxMs ?? 30_000);
          this.#kick(this.#delay);
        } else this.#delay = this.#options.backoff?.initialMs ?? 1_000;
      });
    }, delayMs);
    this.#timer.unref();
  }

  #run(): Promise<FlushResult> {
    this.#running ??= (async () => {
      const total: FlushResult = { delivered: 0, remaining: 0 };
      try {
        for (;;) {
          const pass = await this.#pass();
          total.delivered += pass.delivered;
          if (pass.error) return { ...total, remaining: this.#depth, error: pass.error };
          // Nothing listed: the directory is the truth (another process may have flushed it).
          if (pass.seen === 0) this.#depth = 0;
          if (pass.seen === 0 || this.#depth === 0) {
            this.#oldestAt = undefined;
            this.#changed();
            return { ...total, remaining: this.#depth };
          }
        }
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  #pass(): Promise<PassResult> {
    const outbox = this.#options.outbox;
    if (!outbox) return Promise.resolve({ delivered: 0, seen: 0 });
    return flushPass(outbox, {
      lane: (name) => this.#options.lane(name),
      window: this.#options.window ?? 256,
      closed: () => this.#closed,
      delivered: (next) => {
        this.#depth = Math.max(0, this.#depth - 1);
        this.#oldestAt = this.#depth === 0 ? undefined : (next?.createdAt ?? this.#oldestAt);
        this.#changed();
      },
    });
  }

  /** Stops background flushing (the outbox stays on disk). */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }
}
