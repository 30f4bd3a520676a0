// `npm run bench icat-plus` (or `pnpm nx run @catkit/tools:bench:icat-plus`): registering
// datasets into a real ActiveMQ, every message confirmed by a broker RECEIPT.
//   - catkit: `client.storeDataset(…)` N times, all in flight (XML built per call, outbox ready);
//   - raw: a stompit loop sending the same XML bytes with the same headers (destination,
//     persistent, ack, catkit-message-id) and a receipt each, all in flight;
// alternating rounds, median, side by side. Then the outbox: N messages kept while no broker
// answers, and the rate at which flushOutbox() delivers them once one does.
// Goal: catkit ≥ 0.9× raw and ≥ 3,000 messages/s.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import stompit from "stompit";
import { startBroker } from "../../activemq/start.ts";
import { markdownTable, median } from "../shared/table.ts";

// @catkit/icat-plus is loaded from its build by a computed path: a static import would make
// @catkit/tools depend on it in Nx's project graph, and since icat-plus's own tests use tools,
// that closes a build-task cycle (icat-plus → icat → tools → icat-plus). The nx target builds it.
interface IcatPlusApi {
  datasetXml: (fields: Record<string, unknown>, defaults: Record<string, unknown>) => string;
  sendHeaders: (queue: string, messageId: string) => Record<string, string>;
  IcatPlusClient: new (options: Record<string, unknown>) => {
    storeDataset(fields: Record<string, unknown>): Promise<{ outcome: string }>;
    flushOutbox(): Promise<{ delivered: number; remaining: number }>;
    close(): Promise<void>;
  };
}
const entry = join(import.meta.dirname, "..", "..", "..", "packages", "icat-plus", "dist", "index.js");
const { datasetXml, IcatPlusClient, sendHeaders } = (await import(pathToFileURL(entry).href)) as IcatPlusApi;

const N = Number(process.env.BENCH_MESSAGES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Journal fsyncs off: with a receipt per SEND the broker would otherwise wait for the disk on
// every message, one at a time, and both sides would measure the disk (see BrokerLayout).
const broker = await startBroker({ journalDiskSyncs: false });
const url = `127.0.0.1:${broker.stompPort}`;
const queue = `bench.icatIngest.${process.pid}`;
const dir = await mkdtemp(join(tmpdir(), "bench-icat-plus-"));
const defaults = { machine: "bench.example.org", software: "bench", now: () => new Date("2024-03-01T09:00:00Z") };
const fields = (i: number) => ({
  beamline: "id00", proposal: "hg123", dataset: `sample_${i}`, path: `/data/visitor/hg123/id00/20240301/RAW_DATA/sample/sample_${i}`,
  metadata: { Sample_name: "sample", InstrumentBeam_incident_energy: 7.1, scanNumber: i, startDate: "2024-03-01T10:00:00+01:00", endDate: "2024-03-01T10:05:00+01:00" },
});

const connect = () =>
  new Promise<stompit.Client>((resolve, reject) =>
    stompit.connect({ host: "127.0.0.1", port: broker.stompPort, connectHeaders: { host: "/", "accept-version": "1.1", "heart-beat": "0,0" } }, (e, c) => (e ? reject(e) : resolve(c))),
  );

// A consumer drains the queue so that neither side meets producer flow control.
const drain = await connect();
drain.subscribe({ destination: `/queue/${queue}`, ack: "auto" }, (err, m) => {
  if (!err) m.readString("utf-8", () => undefined);
});

async function raw(): Promise<number> {
  const bodies = Array.from({ length: N }, (_, i) => datasetXml(fields(i), defaults));
  const client = await connect();
  const t0 = performance.now();
  await Promise.all(
    bodies.map(
      (body) =>
        new Promise<void>((resolve) => {
          const frame = client.send(sendHeaders(queue, randomUUID()), { onReceipt: resolve } as stompit.Client.SendOptions);
          frame.end(body);
        }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  await new Promise<void>((r) => client.disconnect(() => r()));
  return seconds;
}

async function catkit(): Promise<number> {
  const client = new IcatPlusClient({ metadataUrls: [url], metadataQueue: queue, outboxDir: join(dir, "outbox"), ...defaults });
  await client.storeDataset({ ...fields(-1) }); // connect outside the timing, as raw does
  const t0 = performance.now();
  const results = await Promise.all(Array.from({ length: N }, (_, i) => client.storeDataset(fields(i))));
  const seconds = (performance.now() - t0) / 1000;
  if (results.some((r) => r.outcome !== "sent")) throw new Error("catkit: a message was not confirmed");
  await client.close();
  return seconds;
}

const times = { raw: [] as number[], catkit: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  times.raw.push(await raw());
  times.catkit.push(await catkit());
}

// The outbox: every message kept while the only broker is down, then flushed to a live one.
const outboxDir = join(dir, "outage");
const down = new IcatPlusClient({ metadataUrls: ["127.0.0.1:9"], metadataQueue: queue, outboxDir, reconnect: { attempts: 0, initialDelayMs: 0, maxDelayMs: 0 }, ...defaults });
const k0 = performance.now();
await Promise.all(Array.from({ length: N }, (_, i) => down.storeDataset(fields(i))));
const keepSeconds = (performance.now() - k0) / 1000;
await down.close();
const up = new IcatPlusClient({ metadataUrls: [url], metadataQueue: queue, outboxDir, ...defaults });
const f0 = performance.now();
const flushed = await up.flushOutbox();
const flushSeconds = (performance.now() - f0) / 1000;
if (flushed.delivered !== N || flushed.remaining !== 0) throw new Error(`flush delivered ${flushed.delivered}, ${flushed.remaining} left`);
await up.close();

const rawS = median(times.raw);
const catkitS = median(times.catkit);
const rate = (s: number) => Math.round(N / s);
console.log(`\n${N.toLocaleString("en-US")} dataset messages, ${ROUNDS} alternating rounds (median), ActiveMQ on loopback (journal fsync off), every message with a RECEIPT\n`);
console.log(
  markdownTable(
    [
      { case: "raw stompit loop (same bytes, headers, receipts)", "msg/s": rate(rawS), seconds: rawS, "× raw": 1 },
      { case: "catkit storeDataset", "msg/s": rate(catkitS), seconds: catkitS, "× raw": rawS / catkitS },
      { case: "outbox: keep while the broker is down", "msg/s": rate(keepSeconds), seconds: keepSeconds, "× raw": "" },
      { case: "outbox: flushOutbox() once a broker answers", "msg/s": rate(flushSeconds), seconds: flushSeconds, "× raw": "" },
    ],
    ["case", "msg/s", "seconds", "× raw"],
  ),
);
await new Promise<void>((r) => drain.disconnect(() => r()));
await broker.stop();
await rm(dir, { recursive: true, force: true });
