// The ingest service on the real ActiveMQ: every queue end to end into the ICAT sandbox with
// @catkit/icat-plus's mapping, poison messages dead-lettered with the reason, a redelivered
// message applied once, and an ICAT outage (503s, then the sandbox killed and restarted on its
// port) retried without dead-lettering, everything arriving once.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IcatClient, Query, eq } from "@catkit/icat";
import { addFilesJson, archiveStatusJson, datasetXml, investigationXml, updateMetadataJson } from "@catkit/icat-plus";
import { startIcatSandbox, type IcatSandbox } from "@catkit/icat/testing";
import type stompit from "stompit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createLogger } from "../src/app/logger.ts";
import { loadServerConfig } from "../src/config/load-server-config.ts";
import { createIngestPart } from "../src/ingest/ingest-part.ts";
import { startServer, type RunningServer } from "../src/server.ts";
import { connect, counted, queueEnv, readQueue, sendAll, tagQueues, until, type Queues } from "./broker-helpers.ts";

const { host, stompPort } = inject("activemq");
let icatSandbox: IcatSandbox;
let icat: IcatClient;
let server: RunningServer;
let sender: stompit.Client;
let queues: Queues;
let dir: string;
const logLines: string[] = [];
const defaults = { machine: "lid00ctrl", software: "test" };
const start = "2024-03-01T10:00:00+01:00";
const applied = () => counted(server.metrics.ingestApplied);
const xml = (name: string, proposal = "hg123", extra: Record<string, string> = {}) =>
  datasetXml({ beamline: "id00", proposal, dataset: name, path: join(dir, name), metadata: { Sample_name: "s1", startDate: start, endDate: start, ...extra } }, defaults);

async function datasets(): Promise<{ name?: string; id?: number }[]> {
  return icat.search(new Query("Dataset", { includes: ["parameters.type"], order: ["id"] }));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "catkit-ingest-"));
  icatSandbox = await startIcatSandbox();
  icat = new IcatClient({ url: icatSandbox.url, credential: icatSandbox.login() });
  queues = tagQueues();
  const config = loadServerConfig({
    env: {
      CATKIT_SERVER__SERVER__PORT: "0", CATKIT_SERVER__SERVER__HOST: "127.0.0.1",
      CATKIT_SERVER__ICAT__URL: icatSandbox.url,
      CATKIT_SERVER__ICAT__INGESTER: JSON.stringify({ plugin: "db", username: "root", password: "secret" }),
      CATKIT_SERVER__INGEST__BACKOFF_MS: "50", CATKIT_SERVER__INGEST__MAX_ATTEMPTS: "2",
      ...queueEnv(queues, `${host}:${stompPort}`),
    },
  });
  server = await startServer({
    config, parts: ["ingest"], logger: createLogger("info", { write: (l: string) => void logLines.push(l) }),
    ingest: (c, m, l) => createIngestPart(c, m, l),
  });
  sender = await connect(host, stompPort);
});
afterAll(async () => {
  sender.disconnect();
  await server.stop();
  await icat.close();
  await icatSandbox.close();
  await rm(dir, { recursive: true, force: true });
});

describe("ingest service", () => {
  it("applies every queue: investigation, dataset (parameters, sample, __fileCount), add files, metadata update, archive status", async () => {
    await sendAll(sender, queues.metadata, [investigationXml({ beamline: "id00", proposal: "hg123", startDate: "2024-03-01T08:00:00+01:00", endDate: "2024-03-03T08:00:00+01:00" })]);
    await until("investigation", async () => (await applied()) === 1);
    await mkdir(join(dir, "ds1"));
    await writeFile(join(dir, "ds1", "a.h5"), "a");
    await sendAll(sender, queues.metadata, [xml("ds1", "hg123", { InstrumentBeam_incident_energy: "7.1" })]);
    await until("dataset", async () => (await applied()) === 2);
    const [ds] = await icat.search(new Query("Dataset", { conditions: { name: eq("ds1") }, includes: ["parameters.type", "sample", "investigation"] }));
    expect(ds?.investigation?.name).toBe("hg123");
    expect(ds?.sample?.name).toBe("s1");
    const param = (name: string) => ds?.parameters?.find((p) => p.type?.name === name);
    expect(param("InstrumentBeam_incident_energy")?.stringValue).toBe("7.1");
    expect(param("__fileCount")?.numericValue).toBe(1);

    await writeFile(join(dir, "ds1", "b.h5"), "b");
    await sendAll(sender, queues.addFiles, [addFilesJson(ds?.id ?? 0)]);
    await sendAll(sender, queues.updateMetadata, [updateMetadataJson({ proposal: "hg123", beamline: "id00", datasetPaths: [join(dir, "ds1")], metadataName: "Sample_name", metadataValue: "renamed" })]);
    await sendAll(sender, queues.archive, [archiveStatusJson(ds?.id ?? 0, "archiving", "info", "on tape")]);
    await sendAll(sender, queues.reschedule, [investigationXml({ investigationId: String(ds?.investigation?.id), beamline: "", proposal: "" })]);
    await until("four more", async () => (await applied()) === 6);
    const [again] = await icat.search(new Query("Dataset", { conditions: { name: eq("ds1") }, includes: ["parameters.type"] }));
    const now = (name: string) => again?.parameters?.find((p) => p.type?.name === name);
    expect(now("__fileCount")?.numericValue).toBe(2);
    expect(now("Sample_name")?.stringValue).toBe("renamed");
    expect(now("__archivingStatus")?.stringValue).toBe("info: on tape");
    expect(await counted(server.metrics.ingestDeadLettered)).toBe(0);
    const metrics = await server.metrics.registry.metrics();
    expect(metrics).toMatch(/catkit_ingest_latency_seconds_count\{queue="icatIngest\.[^"]+"\} 2/);
    expect(metrics).toMatch(/catkit_ingest_lag_seconds\{queue=/);
  });

  it("dead-letters poison messages with the reason in a header, and acknowledges them", async () => {
    const dlq = readQueue(sender, `DLQ.${queues.metadata}`, 2);
    const dlqFiles = readQueue(sender, `DLQ.${queues.addFiles}`, 1);
    const before = await applied();
    await sendAll(sender, queues.metadata, ["<tns:dataset xmlns:tns='http://www.esrf.fr/icat'><oops", xml("refused", "hg666")]);
    await sendAll(sender, queues.addFiles, ['{"datasetId": 999999}']);
    const letters = await dlq;
    expect(letters.map((l) => l.headers["catkit-dead-letter-reason"])).toEqual([
      expect.stringMatching(/not well-formed XML/), expect.stringMatching(/proposal hg666 is refused/),
    ]);
    expect(letters[1]?.headers["catkit-dead-letter-attempts"]).toBe("2");
    expect(letters[1]?.body).toContain("<tns:name>refused</tns:name>");
    expect((await dlqFiles)[0]?.headers["catkit-dead-letter-reason"]).toMatch(/no dataset has id 999999/);
    // The counter moves once the broker has confirmed the dead letter, which can be just after a
    // reader of the DLQ got it.
    await until("three counted as dead-lettered", async () => (await counted(server.metrics.ingestDeadLettered)) === 3);
    expect(await applied()).toBe(before);
    expect((await datasets()).map((d) => d.name)).toEqual(["ds1"]);
  });

  it("a re-sent dataset message creates nothing twice", async () => {
    const before = await applied();
    await sendAll(sender, queues.metadata, [xml("ds1"), xml("ds1")]);
    await until("two applied", async () => (await applied()) === before + 2);
    expect(await counted(server.metrics.ingestApplied, { outcome: "exists" })).toBe(2);
    expect((await datasets()).map((d) => d.name)).toEqual(["ds1"]);
  });

  it("retries through an ICAT outage (503s, then ICAT killed and restarted) without dead-lettering or losing a message", async () => {
    const before = await applied();
    const deadBefore = await counted(server.metrics.ingestDeadLettered);
    icatSandbox.faults.respondWith(503, { times: 20, body: '{"code":"INTERNAL","message":"down for maintenance"}' });
    await sendAll(sender, queues.metadata, Array.from({ length: 10 }, (_, i) => xml(`outage-a${i}`)));
    await until("retries", async () => (await counted(server.metrics.ingestRetried, { reason: "transient" })) > 0);
    // Kill ICAT and bring it back on the same port with the same data (sessions are lost).
    const { engine, port } = icatSandbox;
    await icatSandbox.close();
    await sendAll(sender, queues.metadata, Array.from({ length: 10 }, (_, i) => xml(`outage-b${i}`)));
    await new Promise((r) => setTimeout(r, 500));
    icatSandbox = await startIcatSandbox({ engine, port });
    await icat.close();
    icat = new IcatClient({ url: icatSandbox.url, credential: icatSandbox.login() });
    await until("20 applied", async () => (await applied()) === before + 20, 90_000);
    const names = (await datasets()).map((d) => d.name ?? "");
    expect(names.filter((n) => n.startsWith("outage-")).sort()).toEqual([...Array.from({ length: 10 }, (_, i) => `outage-a${i}`), ...Array.from({ length: 10 }, (_, i) => `outage-b${i}`)].sort());
    expect(await counted(server.metrics.ingestDeadLettered)).toBe(deadBefore);
  }, 120_000);

  it("reports the broker and ICAT on /health, and logs no secret", async () => {
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toMatchObject({ status: "ok", checks: { broker: { ok: true }, icat: { ok: true } } });
    const text = logLines.join("");
    expect(text).toContain("consuming");
    expect(text).not.toContain('"secret"');
    expect(text).not.toMatch(/password[^:]*:\s*"secret/);
  });
});
