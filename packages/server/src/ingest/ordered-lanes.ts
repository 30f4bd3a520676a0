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
 * await lanes.close(); // on shutdown: drop what has not started, finish what has
 * ```
 */
export class OrderedLanes {
  readonly #lanes: (() => Promise<void>)[][];
  readonly #running: boolean[];
  #active = 0;
  #idle: (() => void)[] = [];
  #closed = false;

  constructor(concurrency: number) {
    this.#lanes = Array.from({ length: concurrency }, () => []);
    this.#running = Array.from({ length: concurrency }, () => false);
  }

  /** Queues `task` on the lane of `key`. Ignored after {@link OrderedLanes.close}. */
  push(key: string, task: () => Promise<void>): boolean {
    if (this.#closed) return false;
    const n = createHash("sha1").update(key).digest().readUInt32BE(0) % this.#lanes.length;
    this.#lanes[n]?.push(task);
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
    if (this.#active > 0) await new Promise<void>((resolve) => this.#idle.push(resolve));
    return dropped;
  }

  async #run(n: number): Promise<void> {
    if (this.#running[n]) return;
    this.#running[n] = true;
    this.#active++;
    const lane = this.#lanes[n] ?? [];
    try {
      for (let task = lane.shift(); task; task = lane.shift()) {
        // A task reports its own failures; one that throws must not stall its lane.
        await task().catch(() => undefined);
      }
    } finally {
      this.#running[n] = false;
      this.#active--;
      if (this.#active === 0 && this.#closed) for (const resolve of this.#idle.splice(0)) resolve();
    }
  }
}
