// Work keyed by dataset, run `concurrency` at a time: items with the same key go to the same lane
// and run one after the other in arrival order (a dataset's messages are applied in order, even
// while one is being retried); different keys run in parallel.
import { createHash } from "node:crypto";

/**
 * Keyed lanes.
 *
 * @example
 * ```ts
 * const lanes = new OrderedLanes(4);
 * lanes.push("/data/ds1", async () => apply(message));
 * await lanes.drain();
 * ```
 */
export class OrderedLanes {
  readonly #lanes: (() => Promise<void>)[][];
  readonly #running: boolean[];
  #pending = 0;
  #active = 0;
  #idle: (() => void)[] = [];
  #closed = false;

  constructor(concurrency: number) {
    this.#lanes = Array.from({ length: concurrency }, () => []);
    this.#running = Array.from({ length: concurrency }, () => false);
  }

  /** Items queued or running. */
  get size(): number {
    return this.#pending;
  }

  /** Queues `task` on the lane of `key`. Ignored after {@link OrderedLanes.close}. */
  push(key: string, task: () => Promise<void>): boolean {
    if (this.#closed) return false;
    const n = createHash("sha1").update(key).digest().readUInt32BE(0) % this.#lanes.length;
    this.#lanes[n]?.push(task);
    this.#pending++;
    void this.#run(n);
    return true;
  }

  /**
   * Stops starting queued items (they are dropped, unacknowledged, for the broker to redeliver)
   * and resolves once the running ones finished. Returns how many were dropped.
   */
  async close(): Promise<number> {
    this.#closed = true;
    let dropped = 0;
    for (const lane of this.#lanes) dropped += lane.splice(0).length;
    this.#pending -= dropped;
    if (this.#active > 0) await new Promise<void>((resolve) => this.#idle.push(resolve));
    return dropped;
  }

  /** Resolves once nothing is queued or running. */
  async drain(): Promise<void> {
    if (this.#pending > 0) await new Promise<void>((resolve) => this.#idle.push(resolve));
  }

  async #run(n: number): Promise<void> {
    if (this.#running[n]) return;
    this.#running[n] = true;
    this.#active++;
    const lane = this.#lanes[n] ?? [];
    try {
      for (let task = lane.shift(); task; task = lane.shift()) {
        try {
          await task();
        } finally {
          this.#pending--;
        }
      }
    } finally {
      this.#running[n] = false;
      this.#active--;
      if (this.#active === 0 && (this.#pending === 0 || this.#closed)) for (const resolve of this.#idle.splice(0)) resolve();
    }
  }
}
