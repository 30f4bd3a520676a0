// A short-lived cache of ICAT+ investigation look-ups (dataacquisition/{apiKey}/investigation),
// the call beamline control systems make for every scan. Entries live `ttlMs`; the ingest service
// clears it when it registers something in the same process, so a new investigation shows at once.
// It keeps the JSON body, serialized once: a hit is sent as it is (serializing on every hit cost
// more than the look-up itself in tools/bench/server).
import { LRUCache } from "lru-cache";
import type { ServerMetrics } from "../app/metrics.js";

/**
 * The cache.
 *
 * @example
 * ```ts
 * const cache = new InvestigationCache(5_000, metrics);
 * const json = await cache.get("id00/hg123", () => investigations(icat, q));
 * ```
 */
export class InvestigationCache {
  readonly #cache: LRUCache<string, string> | undefined;
  readonly #metrics: ServerMetrics;

  constructor(ttlMs: number, metrics: ServerMetrics) {
    this.#cache = ttlMs > 0 ? new LRUCache({ max: 10_000, ttl: ttlMs }) : undefined;
    this.#metrics = metrics;
  }

  /** The JSON text of the cached value, else of what `load` returns (then cached). */
  async get(key: string, load: () => Promise<unknown>): Promise<string> {
    const hit = this.#cache?.get(key);
    if (hit !== undefined) {
      this.#metrics.cacheLookups.inc({ result: "hit" });
      return hit;
    }
    this.#metrics.cacheLookups.inc({ result: "miss" });
    const value = JSON.stringify(await load());
    this.#cache?.set(key, value);
    return value;
  }

  clear(): void {
    this.#cache?.clear();
  }
}
