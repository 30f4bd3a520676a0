// Ordered lanes: one key's tasks run one after the other in arrival order (also when one is
// slow), different keys run side by side, and close() drops what has not started while waiting
// for what has.
import { describe, expect, it } from "vitest";
import { OrderedLanes } from "../src/ingest/ordered-lanes.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("OrderedLanes", () => {
  it("keeps one key's order and runs keys in parallel", async () => {
    const lanes = new OrderedLanes(8);
    const log: string[] = [];
    let running = 0;
    let peak = 0;
    const task = (key: string, i: number, ms: number) => lanes.push(key, async () => {
      running++;
      peak = Math.max(peak, running);
      await sleep(ms);
      log.push(`${key}${i}`);
      running--;
    });
    for (let i = 0; i < 5; i++) task("a", i, i === 0 ? 60 : 1);
    for (let i = 0; i < 5; i++) task("b", i, 1);
    await sleep(150);
    expect(log.filter((x) => x.startsWith("a"))).toEqual(["a0", "a1", "a2", "a3", "a4"]);
    expect(log.filter((x) => x.startsWith("b"))).toEqual(["b0", "b1", "b2", "b3", "b4"]);
    // b did not wait for the slow a0 (unless both hash to one lane, which these two keys do not).
    expect(log.indexOf("b4")).toBeLessThan(log.indexOf("a0"));
    expect(peak).toBe(2);
  });

  it("close() finishes running tasks, drops queued ones, refuses new ones", async () => {
    const lanes = new OrderedLanes(1);
    const done: number[] = [];
    for (let i = 0; i < 4; i++) lanes.push("k", async () => { await sleep(20); done.push(i); });
    await sleep(5);
    expect(await lanes.close()).toBe(3);
    expect(done).toEqual([0]);
    expect(lanes.push("k", async () => { done.push(9); })).toBe(false);
    await sleep(30);
    expect(done).toEqual([0]);
  });

  it("a throwing task does not stall its lane", async () => {
    const lanes = new OrderedLanes(1);
    const done: string[] = [];
    lanes.push("k", () => Promise.reject(new Error("boom")));
    lanes.push("k", async () => { done.push("after"); });
    await sleep(10);
    expect(done).toEqual(["after"]);
  });
});
