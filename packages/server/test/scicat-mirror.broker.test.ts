// The SciCat mirror end to end on the real ActiveMQ, with the ICAT and SciCat sandboxes: a
// registered dataset appears in both catalogues; with SciCat down the ICAT write is still
// acknowledged while the mirror record is retried, then dead-lettered with the reason (and
// replayed from there once SciCat is back); redelivery creates nothing twice; /health reports
// SciCat; the SciCat password and tokens never reach the logs.
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IcatClient, Query, eq } from "@catkit/icat";
import { datasetXml, investigationXml } from "@catkit/icat-plus";
import { startIcatSandbox, type IcatSandbox } from "@catkit/icat/testing";
import { startScicatSandbox, type ScicatSandbox } from "@catkit/scicat/testing";
import type stompit from "stompit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createLogger } from "../src/app/logger.ts";
import { loadServerConfig } from "../src/config/load-server-config.ts";
import { createIngestPart } from "../src/ingest/ingest-part.ts";
import { startServer, type RunningServer } from "../src/server.ts";
import { connect, counted, queueEnv, readQueue, sendAll, tagQueues, until, type Queues } from "./broker-helpers.ts";

const { host, stompPort } = inject("activemq");
const ADMIN_PASSWORD = "2jf70TPNZsS";
let icatSandbox: IcatSandbox;
let scicat: ScicatSandbox;
let icat: IcatClient;
let server: RunningServer;
let sender: stompit.Client;
let queues: Queues;
let mirrorQueue: string;
let dir: string;
const logLines: string[] = [];
const start = "2024-03-01T10:00:00+01:00";
const xml = (name: string) =>
  datasetXml({ beamline: "id00", proposal: "hg123", dataset: name, path: join(dir, name), metadata: { Sample_name: "s1", startDate: start, endDate: start, InstrumentBeam_incident_energy: "7.1" } }, { machine: "lid00ctrl", software: "test" });
const mirrored = (outcome?: string) => counted(server.metrics.mirrorResults, outcome ? { outcome } : {});
const icatId = async (name: string) => (await icat.search(new Query("Dataset", { attributes: "id", conditions: { name: eq(name) } })))[0] as number | undefined;
const blocksOf = (pid: string) => [...scicat.state.origdatablocks.values()].filter((b) => b.datasetId === pid);

async function withFiles(name: string, files: Record<string, string>): Promise<void> {
  await mkdir(join(dir, name), { recursive: true });
  for (const [f, text] of Object.entries(files)) await writeFile(join(dir, name, f), text);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "catkit-mirror-broker-"));
  icatSandbox = await startIcatSandbox();
  scicat = await startScicatSandbox();
  icat = new IcatClient({ url: icatSandbox.url, credential: icatSandbox.login() });
  queues = tagQueues();
  mirrorQueue = `catkit.scicatMirror.${queues.metadata.slice("icatIngest.".length)}`;
  const config = loadServerConfig({
    env: {
      CATKIT_SERVER__SERVER__PORT: "0", CATKIT_SERVER__SERVER__HOST: "127.0.0.1",
      CATKIT_SERVER__ICAT__URL: icatSandbox.url,
      CATKIT_SERVER__ICAT__INGESTER: JSON.stringify({ plugin: "db", username: "root", password: "secret" }),
      CATKIT_SERVER__INGEST__BACKOFF_MS: "50",
      CATKIT_SERVER__SCICAT: JSON.stringify({
        url: scicat.url, username: "admin", password: ADMIN_PASSWORD, contactEmail: "data@example.org", checksumAlgorithm: "md5",
        queue: mirrorQueue, maxAttempts: 3, backoffMs: 50,
      }),
      ...queueEnv(queues, `${host}:${stompPort}`),
    },
  });
  server = await startServer({
    config, parts: ["ingest"], logger: createLogger("debug", { write: (l: string) => void logLines.push(l) }),
    ingest: (c, m, l) => createIngestPart(c, m, l),
  });
  sender = await connect(host, stompPort);
  await sendAll(sender, queues.metadata, [investigationXml({ beamline: "id00", proposal: "hg123", startDate: "2024-03-01T08:00:00+01:00", endDate: "2024-03-03T08:00:00+01:00" })]);
  await until("investigation", async () => (await counted(server.metrics.ingestApplied)) === 1);
});
afterAll(async () => {
  sender.disconnect();
  await server.stop();
  await icat.close();
  await icatSandbox.close();
  await scicat.close();
  await rm(dir, { recursive: true, force: true });
});

describe("SciCat mirror", () => {
  it("creates each registered dataset in SciCat too: raw dataset, mapped fields, orig datablock with checksums", async () => {
    await withFiles("ds1", { "a.h5": "aaa", "b.h5": "bb" });
    await sendAll(sender, queues.metadata, [xml("ds1")]);
    await until("mirrored", async () => (await mirrored("created")) === 1);
    const id = await icatId("ds1");
    const ds = scicat.state.datasets.get(`catkit/icat-${id}`);
    expect(ds).toMatchObject({
      type: "raw", datasetName: "ds1", sourceFolder: join(dir, "ds1"), proposalIds: ["hg123"], creationLocation: "id00", ownerGroup: "hg123",
      accessGroups: ["id00"], contactEmail: "data@example.org", numberOfFiles: 2, size: 5, scientificMetadata: { InstrumentBeam_incident_energy: { value: 7.1 } },
    });
    const files = blocksOf(`catkit/icat-${id}`).flatMap((b) => b.dataFileList as { path: string; chk: string }[]);
    expect(files.map((f) => [f.path, f.chk]).sort()).toEqual([["a.h5", createHash("md5").update("aaa").digest("hex")], ["b.h5", createHash("md5").update("bb").digest("hex")]]);
    expect(await counted(server.metrics.mirrorQueued)).toBe(1);
    expect(await server.metrics.registry.metrics()).toMatch(/catkit_scicat_mirror_latency_seconds_count 1/);
  });

  it("a redelivered dataset message, or mirror record, creates nothing twice", async () => {
    const datasetsBefore = scicat.state.datasets.size;
    const blocksBefore = scicat.state.origdatablocks.size;
    await sendAll(sender, queues.metadata, [xml("ds1")]);
    await until("exists", async () => (await mirrored("exists")) === 1);
    const id = await icatId("ds1");
    await sendAll(sender, mirrorQueue, [JSON.stringify({ datasetId: id, name: "ds1", location: join(dir, "ds1"), investigation: "hg123", instrument: "id00", parameters: [] })]);
    await until("exists again", async () => (await mirrored("exists")) === 2);
    expect(scicat.state.datasets.size).toBe(datasetsBefore);
    expect(scicat.state.origdatablocks.size).toBe(blocksBefore);
    expect(await counted(server.metrics.mirrorDeadLettered)).toBe(0);
  });

  it("with SciCat down, ICAT's write is acknowledged, the mirror retried, then dead-lettered with the reason; replaying it mirrors it", async () => {
    await withFiles("ds-down", { "x.h5": "x" });
    const applied = await counted(server.metrics.ingestApplied);
    const dlq = readQueue(sender, `DLQ.${mirrorQueue}`, 1);
    scicat.faults.respondWith(503, { times: 10_000, body: '{"statusCode":503,"message":"Service Unavailable"}' });
    try {
      await sendAll(sender, queues.metadata, [xml("ds-down")]);
      await until("ICAT applied", async () => (await counted(server.metrics.ingestApplied)) === applied + 1);
      expect(await icatId("ds-down")).toBeGreaterThan(0);
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: "degraded", checks: { scicat: { ok: false }, icat: { ok: true }, broker: { ok: true } } });
      const [letter] = await dlq;
      expect(letter?.headers["catkit-dead-letter-reason"]).toMatch(/503/);
      expect(letter?.headers["catkit-dead-letter-attempts"]).toBe("3");
      expect(letter?.headers["catkit-original-queue"]).toBe(mirrorQueue);
      // the letter can arrive before the broker's receipt reaches the server, which counts after it
      await until("dead letter counted", async () => (await counted(server.metrics.mirrorDeadLettered)) === 1);
      expect(await counted(server.metrics.mirrorRetried)).toBe(2);
      expect(await counted(server.metrics.ingestDeadLettered)).toBe(0);
      expect(scicat.state.datasets.has(`catkit/icat-${await icatId("ds-down")}`)).toBe(false);
      scicat.faults.clear();
      await sendAll(sender, mirrorQueue, [letter?.body ?? ""]);
    } finally {
      scicat.faults.clear();
    }
    await until("replayed", async () => (await mirrored("created")) === 2);
    expect(scicat.state.datasets.get(`catkit/icat-${await icatId("ds-down")}`)).toMatchObject({ datasetName: "ds-down", numberOfFiles: 1 });
  }, 60_000);

  it("reports SciCat on /health and logs neither the SciCat password nor a token", async () => {
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toMatchObject({ status: "ok", checks: { scicat: { ok: true } } });
    const text = logLines.join("");
    expect(text).toContain("mirrored into SciCat");
    expect(text).toContain("SciCat mirror failed; retrying");
    expect(text).not.toContain(ADMIN_PASSWORD);
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+/); // no JWT
  });
});
