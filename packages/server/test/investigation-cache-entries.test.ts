// The investigation cache on its own clock: entries expire after the TTL, the one closest to expiry
// makes room when the cache is full, concurrent misses share one load, a failed load is not kept,
// and a load under way when the cache is cleared is answered but not kept.
import { describe, expect, it } from "vitest";
import { createMetrics } from "../src/app/metrics.ts";
import { InvestigationCache } from "../src/icat-plus/investigation-cache.ts";
import { counted } from "./broker-helpers.ts";

function cacheOn(ttlMs: number, maxEntries?: number) {
  const clock = { now: 1_000 };
  const metrics = createMetrics();
  const cache = new InvestigationCache(ttlMs, metrics, { ...(maxEntries === undefined ? {} : { maxEntries }), now: () => clock.now });
  const lookups = async () => ({ hit: await counted(metrics.cacheLookups, { result: "hit" }), miss: await counted(metrics.cacheLookups, { result: "miss" }) });
  return { clock, cache, lookups };
}

describe("InvestigationCache", () => {
  it("answers from the cache until the TTL has passed, counting hits and misses", async () => {
    const { clock, cache, lookups } = cacheOn(5_000);
    expect(cache.peek("a")).toBeUndefined();
    expect(await cache.load("a", () => Promise.resolve([{ id: 1 }]))).toBe('[{"id":1}]');
    clock.now += 4_999;
    expect(cache.peek("a")).toBe('[{"id":1}]');
    clock.now += 1;
    expect(cache.peek("a")).toBeUndefined();
    expect(await lookups()).toEqual({ hit: 1, miss: 1 });
  });

  it("makes room by dropping the entry closest to expiry, and expired ones first", async () => {
    const { clock, cache } = cacheOn(5_000, 2);
    await cache.load("a", () => Promise.resolve("A"));
    clock.now += 10;
    await cache.load("b", () => Promise.resolve("B"));
    await cache.load("c", () => Promise.resolve("C"));
    expect([cache.peek("a"), cache.peek("b"), cache.peek("c")]).toEqual([undefined, '"B"', '"C"']);
    // Loaded again, "b" is now the newest: "c" goes next.
    await cache.load("b", () => Promise.resolve("B2"));
    await cache.load("d", () => Promise.resolve("D"));
    expect([cache.peek("b"), cache.peek("c"), cache.peek("d")]).toEqual(['"B2"', undefined, '"D"']);
    clock.now += 5_000;
    await cache.load("e", () => Promise.resolve("E"));
    expect([cache.peek("b"), cache.peek("d"), cache.peek("e")]).toEqual([undefined, undefined, '"E"']);
  });

  it("shares one load between concurrent misses of a key, and keeps nothing of a failed one", async () => {
    const { cache, lookups } = cacheOn(5_000);
    let calls = 0;
    let release: (v: unknown) => void = () => undefined;
    const slow = () => {
      calls++;
      return new Promise((resolve) => (release = resolve));
    };
    const both = Promise.all([cache.load("a", slow), cache.load("a", slow)]);
    release([{ id: 7 }]);
    expect(await both).toEqual(['[{"id":7}]', '[{"id":7}]']);
    expect(calls).toBe(1);
    expect((await lookups()).miss).toBe(2);

    await expect(cache.load("b", () => Promise.reject(new Error("ICAT is down")))).rejects.toThrow("ICAT is down");
    expect(cache.peek("b")).toBeUndefined();
    expect(await cache.load("b", () => Promise.resolve("up"))).toBe('"up"');
  });

  it("answers a load under way when the cache is cleared, without keeping it", async () => {
    const { cache } = cacheOn(5_000);
    let release: (v: unknown) => void = () => undefined;
    const before = cache.load("a", () => new Promise((resolve) => (release = resolve)));
    cache.clear();
    const after = cache.load("a", () => Promise.resolve("new"));
    release("old");
    expect(await before).toBe('"old"');
    expect(await after).toBe('"new"');
    expect(cache.peek("a")).toBe('"new"');
  });

  it("keeps nothing with a TTL of 0", async () => {
    const { cache } = cacheOn(0);
    expect(await cache.load("a", () => Promise.resolve(1))).toBe("1");
    expect(cache.peek("a")).toBeUndefined();
  });
});
