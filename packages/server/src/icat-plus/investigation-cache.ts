// A short-lived cache of ICAT+ investigation look-ups (dataacquisition/{apiKey}/investigation),
// the call beamline control systems make for every scan. Entries live `ttlMs`; the ingest service
// clears it when it registers something in the same process, so a new investigation shows at once.
// It keeps the JSON body, serialized once: a hit is sent as it is, in the same tick, with no
// serialization or validation (serializing on every hit cost more than the look-up itself in
// tools/bench/server). Text, not bytes: node then writes the head and the body in one write(2),
// where a Buffer body costs a writev of two (measured slower in the same bench).
import { LRUCache } from "lru-cache";
import type { CountCell } from "../app/counted-metrics.js";
import type { ServerMetrics } from "../app/metrics.js";

/**
 * The cache.
 *
 * @example
 * ```ts
 * const cache = new InvestigationCache(5_000, metrics);
 * const json = cache.peek("id00/hg123") ?? (await cache.load("id00/hg123", () => investigations(icat, q)));
 * ```
 */
export class InvestigationCache {
  readonly #cache: LRUCache<string, string> | undefined;
  readonly #hits: CountCell;
  readonly #misses: CountCell;

  constructor(ttlMs: number, metrics: ServerMetrics) {
    this.#cache = ttlMs > 0 ? new LRUCache({ max: 10_000, ttl: ttlMs }) : undefined;
    this.#hits = metrics.cacheLookups.cell({ result: "hit" });
    this.#misses = metrics.cacheLookups.cell({ result: "miss" });
  }

  /** The cached JSON text, counted as a hit; undefined (a miss, not yet counted) otherwise. */
  peek(key: string): string | undefined {
    const hit = this.#cache?.get(key);
    if (hit !== undefined) this.#hits.count++;
    return hit;
  }

  /** Counts a miss, and caches and returns the JSON text of what `load` returns. */
  async load(key: string, load: () => Promise<unknown>): Promise<string> {
    this.#misses.count++;
    const value = JSON.stringify(await load());
    this.#cache?.set(key, value);
    return value;
  }

  clear(): void {
    this.#cache?.clear();
  }
}
