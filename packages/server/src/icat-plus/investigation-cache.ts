// A short-lived cache of ICAT+ investigation look-ups (dataacquisition/{apiKey}/investigation),
// the call beamline control systems make for every scan. Entries live `ttlMs`; the ingest service
// clears it when it registers something in the same process, so a new investigation shows at once.
// It keeps the JSON body, serialized once: a hit is sent as it is, in the same tick, with no
// serialization or validation (serializing on every hit cost more than the look-up itself in
// tools/bench/server). Text, not bytes: node then writes the head and the body in one write(2),
// where a Buffer body costs a writev of two (measured slower in the same bench).
//
// A Map, not lru-cache: every entry lives the same `ttlMs`, so the Map's insertion order is also
// the order of expiry, and the first entry is both the next to expire and the one to evict when
// the cache is full. lru-cache's get (options object, diagnostics channel, LRU reordering and a
// 1 ms timer for its clock) cost about 5 % of the gateway's cached look-ups per second in
// tools/bench/server; this hit is one Map look-up and a clock read.
import type { CountCell } from "../app/counted-metrics.js";
import type { ServerMetrics } from "../app/metrics.js";

/**
 * Options of {@link InvestigationCache} beyond its lifetime.
 *
 * @example
 * ```ts
 * const options: InvestigationCacheOptions = { maxEntries: 1_000 };
 * ```
 */
export interface InvestigationCacheOptions {
  /** Entries kept at most (default 10,000); the one closest to expiry makes room for a new one. */
  maxEntries?: number;
  /** The clock in ms (tests); Date.now by default. */
  now?: () => number;
}

interface Entry {
  readonly json: string;
  readonly expires: number;
}

/**
 * The cache. Concurrent misses for one key share one load, and a load that was under way when the
 * cache was cleared is returned to its callers but not kept (it may predate what cleared it).
 *
 * @example
 * ```ts
 * const cache = new InvestigationCache(5_000, metrics);
 * const json = cache.peek("id00/hg123") ?? (await cache.load("id00/hg123", () => investigations(icat, q)));
 * ```
 */
export class InvestigationCache {
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();
  readonly #loading = new Map<string, Promise<string>>();
  /** Bumped by clear(): a load started in an older generation is not kept. */
  #generation = 0;
  readonly #hits: CountCell;
  readonly #misses: CountCell;

  constructor(ttlMs: number, metrics: ServerMetrics, options: InvestigationCacheOptions = {}) {
    this.#ttlMs = ttlMs;
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#now = options.now ?? Date.now;
    this.#hits = metrics.cacheLookups.cell({ result: "hit" });
    this.#misses = metrics.cacheLookups.cell({ result: "miss" });
  }

  /** The cached JSON text, counted as a hit; undefined (a miss, not yet counted) otherwise. */
  peek(key: string): string | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    this.#hits.count++;
    return entry.json;
  }

  /** Counts a miss, and caches and returns the JSON text of what `load` returns (one load per key at a time). */
  load(key: string, load: () => Promise<unknown>): Promise<string> {
    this.#misses.count++;
    const under = this.#loading.get(key);
    if (under !== undefined) return under;
    const generation = this.#generation;
    const pending: Promise<string> = load()
      .then((value) => {
        const json = JSON.stringify(value);
        if (generation === this.#generation) this.#keep(key, json);
        return json;
      })
      .finally(() => {
        if (this.#loading.get(key) === pending) this.#loading.delete(key);
      });
    this.#loading.set(key, pending);
    return pending;
  }

  /** Forgets every entry, and every load under way (its result is not kept). */
  clear(): void {
    this.#entries.clear();
    this.#loading.clear();
    this.#generation++;
  }

  #keep(key: string, json: string): void {
    if (this.#ttlMs <= 0) return;
    // Re-inserted at the end, so that insertion order stays expiry order.
    this.#entries.delete(key);
    const now = this.#now();
    for (const [oldest, entry] of this.#entries) {
      if (entry.expires > now && this.#entries.size < this.#maxEntries) break;
      this.#entries.delete(oldest);
    }
    this.#entries.set(key, { json, expires: now + this.#ttlMs });
  }
}
