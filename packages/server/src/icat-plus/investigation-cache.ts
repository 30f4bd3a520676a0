// A short-lived cache of ICAT+ investigation look-ups (dataacquisition/{apiKey}/investigation),
// the call beamline control systems make for every scan. Entries live `ttlMs`; the ingest service
// clears it when it registers something in the same process, so a new investigation shows at once.
import { LRUCache } from "lru-cache";
import type { ServerMetrics } from "../app/metrics.js";

/**
 * The cache.
 *
 * @example
 * ```ts
 * const cache = new InvestigationCache(5_000, metrics);
 * const list = await cache.get("id00/hg123", () => investigations(icat, q));
 * ```
 */
export class InvestigationCache {
  readonly #cache: LRUCache<string, Record<string, unknown>[]> | undefined;
  readonly #metrics: ServerMetrics;

  constructor(ttlMs: number, metrics: ServerMetrics) {
    this.#cache = ttlMs > 0 ? new LRUCache({ max: 10_000, ttl: ttlMs }) : undefined;
    this.#metrics = metrics;
  }

  async get(key: string, load: () => Promise<Record<string, unknown>[]>): Promise<Record<string, unknown>[]> {
    const hit = this.#cache?.get(key);
    if (hit) {
      this.#metrics.cacheLookups.inc({ result: "hit" });
      return hit;
    }
    this.#metrics.cacheLookups.inc({ result: "miss" });
    const value = await load();
    this.#cache?.set(key, value);
    return value;
  }

  clear(): void {
    this.#cache?.clear();
  }
}
