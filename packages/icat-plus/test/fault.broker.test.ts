// Failover to a second broker, and the fault test: the broker stops in the middle of 10,000
// storeDataset calls and comes back; after a flush the ICAT sandbox holds exactly 10,000
// distinct datasets — none lost, none duplicated.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Query, eq } from "@catkit/icat";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startBroker, type RunningBroker } from "../../../tools/activemq/start.ts";
import { IcatPlusClient } from "../src/index.js";
import { startStack, type Stack } from "./support/stack.js";
import { tapQueue } from "./support/stomp-tap.js";

const TOTAL = Number(process.env.CATKIT_FAULT_TOTAL ?? 10_000);
const { host, stompPort } = inject("activemq");
let brokerDir: string;
let broker: RunningBroker;
let port: number;

beforeAll(async () => {
  brokerDir = await mkdtemp(join(tmpdir(), "icatplus-broker-"));
  broker = await startBroker({ dir: brokerDir });
  port = broker.stompPort;
});
afterAll(async () => {
  await broker.stop();
  await rm(brokerDir, { recursive: true, force: true });
});

describe("brokers going away", () => {
  it("fails over to the second broker of the list when the first stops", async () => {
    const queue = `failover.${process.pid}`;
    const tapA = await tapQueue(host, port, queue);
    const tapB = await tapQueue(host, stompPort, queue);
    const dir = await mkdtemp(join(tmpdir(), "icatplus-failover-"));
    const client = new IcatPlusClient({ metadataUrls: [`127.0.0.1:${port}`, `${host}:${stompPort}`], metadataQueue: queue, beamline: "id00", proposal: "hg123", outboxDir: join(dir, "outbox") });
    const fields = (name: string) => ({ dataset: name, path: `/data/${name}`, metadata: { Sample_name: "s" } });
    expect((await client.storeDataset(fields("one"))).outcome).toBe("sent");
    expect((await tapA.waitFor(1)).map((f) => f.body)).toEqual([expect.stringContaining("<tns:name>one</tns:name>")]);
    await tapA.close().catch(() => undefined);
    await broker.stop();
    expect((await client.storeDataset(fields("two"))).outcome).toBe("sent");
    expect((await tapB.waitFor(1)).map((f) => f.body)).toEqual([expect.stringContaining("<tns:name>two</tns:name>")]);
    await client.close();
    await tapB.close();
    await rm(dir, { recursive: true, force: true });
    broker = await startBroker({ dir: brokerDir, stompPort: port });
  }, 180_000);

  it(`loses and duplicates nothing when the broker stops in the middle of ${TOTAL} storeDataset calls`, async () => {
    const stack: Stack = await startStack([`127.0.0.1:${port}`], { receiptTimeout: 5 });
    try {
      await stack.client.startInvestigation({ beamline: "id00", proposal: "hg123", startDate: "2024-03-01T08:00:00+01:00", endDate: "2024-03-03T08:00:00+01:00" });
      const outcomes = { sent: 0, outboxed: 0 };
      const send = async (i: number) => {
        const d = await stack.client.storeDataset({ dataset: `ds_${String(i).padStart(5, "0")}`, path: `/data/hg123/ds_${i}`, metadata: { Sample_name: "s", startDate: "2024-03-01T10:00:00+01:00" } });
        if (d.outcome === "sent" || d.outcome === "outboxed") outcomes[d.outcome]++;
      };
      const stopAt = Math.floor(TOTAL * 0.3);
      let stopped: Promise<void> | undefined;
      for (let i = 0; i < TOTAL; i += 500) {
        const batch = Array.from({ length: Math.min(500, TOTAL - i) }, (_, k) => send(i + k));
        if (stopped === undefined && i + 500 > stopAt) stopped = broker.stop();
        await Promise.all(batch);
      }
      await stopped;
      expect(outcomes.sent + outcomes.outboxed).toBe(TOTAL);
      expect(outcomes.outboxed).toBeGreaterThan(0);
      expect((await stack.client.outboxStatus()).depth).toBeGreaterThan(0);

      broker = await startBroker({ dir: brokerDir, stompPort: port });
      for (let round = 0; round < 60; round++) {
        const r = await stack.client.flushOutbox();
        if (r.error) console.log("flush", round, r.delivered, r.remaining, r.error.message);
        if (r.remaining === 0 && !r.error) break;
        await new Promise((res) => setTimeout(res, 1000));
      }
      expect((await stack.client.outboxStatus()).depth).toBe(0);
      const count = async () => (await stack.icat.search(new Query("Dataset", { aggregate: "COUNT", conditions: { "investigation.name": eq("hg123") } })))[0];
      for (let wait = 0; wait < 600 && (await count()) !== TOTAL; wait++) await new Promise((res) => setTimeout(res, 1000));
      await stack.ingester.idle(2_000);
      expect(await count()).toBe(TOTAL);
      const names = (await stack.icat.search(new Query("Dataset", { attributes: "name", aggregate: "DISTINCT", conditions: { "investigation.name": eq("hg123") } }))) as string[];
      expect(new Set(names).size).toBe(TOTAL);
      expect(stack.ingester.deadLetters).toEqual([]);
    } finally {
      await stack.close();
    }
  }, 900_000);
});
