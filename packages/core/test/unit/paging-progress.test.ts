import { describe, expect, it } from "vitest";
import { collect, pages, throttleProgress, type ProgressEvent } from "../../src/index.ts";

function numbers(total: number) {
  const fetched: number[] = [];
  const iterable = pages<number, number>({
    first: 0,
    async fetchPage(offset, { maxPageSize = 10 }) {
      fetched.push(offset);
      const items = Array.from({ length: Math.max(0, Math.min(maxPageSize, total - offset)) }, (_, i) => offset + i);
      return { items, next: items.length < maxPageSize ? undefined : offset + items.length };
    },
  });
  return { iterable, fetched };
}

describe("pages", () => {
  it("yields items in order across pages and stops on a short page", async () => {
    const { iterable, fetched } = numbers(25);
    expect(await collect(iterable)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(fetched).toEqual([0, 10, 20]);
  });

  it("byPage yields whole pages and honours maxPageSize", async () => {
    const { iterable } = numbers(7);
    const sizes: number[] = [];
    for await (const page of iterable.byPage({ maxPageSize: 3 })) sizes.push(page.length);
    expect(sizes).toEqual([3, 3, 1]);
  });

  it("skips empty final pages", async () => {
    const { iterable } = numbers(20);
    const all: number[][] = [];
    for await (const page of iterable.byPage()) all.push(page);
    expect(all.map((p) => p.length)).toEqual([10, 10]);
  });

  it("collect({ max }) stops fetching once it has enough", async () => {
    const { iterable, fetched } = numbers(1000);
    expect(await collect(iterable, { max: 15 })).toHaveLength(15);
    expect(fetched).toEqual([0, 10]);
    expect(await collect(iterable, { max: 0 })).toEqual([]);
  });

  it("byPage stops when the signal aborts", async () => {
    const { iterable } = numbers(100);
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const page of iterable.byPage({ signal: controller.signal })) {
          seen.push(page.length);
          controller.abort();
        }
      })(),
    ).rejects.toThrow();
    expect(seen).toEqual([10]);
  });
});

describe("throttleProgress", () => {
  it("passes one event per interval and always the final one", () => {
    let t = 0;
    const got: number[] = [];
    const listener = throttleProgress((e) => got.push(e.bytesDone), 100, () => t);
    const ev = (bytesDone: number, done = false): ProgressEvent => ({ operation: "test", bytesDone, done });
    listener(ev(1));
    t = 50;
    listener(ev(2));
    t = 120;
    listener(ev(3));
    t = 130;
    listener(ev(4, true));
    expect(got).toEqual([1, 3, 4]);
  });
});

describe("pages iteration", () => {
  it("stops fetching when a for-await loop breaks early", async () => {
    const { iterable, fetched } = numbers(1000);
    const seen: number[] = [];
    for await (const n of iterable) {
      seen.push(n);
      if (n === 12) break;
    }
    expect(seen).toHaveLength(13);
    expect(fetched).toEqual([0, 10]);
  });

  it("propagates a page fetch failure to the item loop", async () => {
    const failing = pages<number, number>({
      first: 0,
      fetchPage: async (n) => {
        if (n > 0) throw new Error("page 2 failed");
        return { items: [1, 2], next: 1 };
      },
    });
    const seen: number[] = [];
    await expect((async () => { for await (const x of failing) seen.push(x); })()).rejects.toThrow("page 2 failed");
    expect(seen).toEqual([1, 2]);
  });
});
