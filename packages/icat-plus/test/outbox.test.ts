// The outbox on its own: durable files named in order, read back byte for byte, removed on
// delivery; the dispatcher keeps failed messages and flushes them in order.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BrokerError } from "../src/index.js";
import { Dispatcher } from "../src/outbox/dispatcher.js";
import type { Lane } from "../src/outbox/lane.js";
import { parseOutboxName } from "../src/outbox/outbox-entry.js";
import { OutboxStore } from "../src/outbox/outbox-store.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "icatplus-outbox-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function lane(up: { value: boolean }, sent: string[]): Lane {
  return {
    key: "test",
    send: async (body) => {
      if (!up.value) throw new BrokerError("down");
      sent.push(body);
    },
    keep: (err) => err instanceof BrokerError,
  };
}

describe("outbox", () => {
  it("names files in order with the queue (dots allowed) and the message id, and keeps the exact bytes", async () => {
    const store = new OutboxStore(dir);
    const a = await store.put({ lane: "icatIngest.beamline.id00", messageId: "0f8fad5b-d9cb-469f-a165-70867728950e", body: "<tns:dataset>é</tns:dataset>", ext: "xml" });
    const b = await store.put({ lane: "icatIngest.beamline.id00", messageId: "7c9e6679-7425-40de-944b-e07fc1f90ae7", body: "second", ext: "xml" });
    expect(parseOutboxName(a.name)).toEqual(a);
    expect((await store.list()).map((e) => e.name)).toEqual([a.name, b.name]);
    expect(await readFile(join(dir, a.name), "utf8")).toBe("<tns:dataset>é</tns:dataset>");
    expect((await readdir(dir)).some((f) => f.startsWith(".tmp-"))).toBe(false);
    expect(await store.status()).toMatchObject({ depth: 2, oldestAt: new Date(a.createdAt) });
    await store.remove(a);
    expect((await store.list()).map((e) => e.name)).toEqual([b.name]);
  });

  it("keeps what a lane cannot deliver, queues later messages behind it, and flushes in order", async () => {
    const up = { value: false };
    const sent: string[] = [];
    const events: number[] = [];
    const d = new Dispatcher({ outbox: new OutboxStore(dir), lane: () => lane(up, sent), backoff: { initialMs: 60_000, maxMs: 60_000 } });
    d.on("outbox", (s: { depth: number }) => events.push(s.depth));
    expect((await d.deliver("q", "1", "xml")).outcome).toBe("outboxed");
    up.value = true;
    expect((await d.deliver("q", "2", "xml")).outcome).toBe("outboxed");
    expect((await d.status()).depth).toBe(2);
    expect(await d.flush()).toEqual({ delivered: 2, remaining: 0 });
    expect(sent).toEqual(["1", "2"]);
    expect(await readdir(dir)).toEqual([]);
    expect((await d.deliver("q", "3", "xml")).outcome).toBe("sent");
    expect(events).toEqual([1, 2, 1, 0, 0]);
    d.close();
  });

  it("rethrows failures the lane does not keep, and fails without an outbox", async () => {
    const d = new Dispatcher({ outbox: undefined, lane: () => lane({ value: false }, []) });
    await expect(d.deliver("q", "x", "xml")).rejects.toBeInstanceOf(BrokerError);
    const strict = new Dispatcher({ outbox: new OutboxStore(dir), lane: () => ({ key: "k", send: () => Promise.reject(new Error("4xx")), keep: () => false }) });
    await expect(strict.deliver("q", "x", "json")).rejects.toThrow("4xx");
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });
});
