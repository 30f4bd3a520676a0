// Scale-out and graceful stop: two `catkit-server ingest` processes, with the SciCat mirror on,
// compete for one queue and its mirror queue; one gets SIGTERM in the middle of the run. It
// finishes and acknowledges what it had started and exits 0; what it had prefetched goes back to
// the broker and to the other instance. ICAT ends with exactly one dataset per message sent, and
// SciCat with exactly one mirrored dataset per ICAT dataset: none lost, none duplicated.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { IcatClient } from "@catkit/icat";
import { datasetXml, investigationXml } from "@catkit/icat-plus";
import { startIcatSandbox, type IcatSandbox } from "@catkit/icat/testing";
import { startScicatSandbox, type ScicatSandbox } from "@catkit/scicat/testing";
import type stompit from "stompit";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { connect, queueEnv, readQueue, sendAll, tagQueues, until, type Queues } from "./broker-helpers.ts";

// The issue asks for 10,000; MESSAGES scales it for a loaded CI machine (see the README figures).
const MESSAGES = Number(process.env.CATKIT_SIGTERM_MESSAGES ?? 10_000);
const { host, stompPort } = inject("activemq");
const root = join(import.meta.dirname, "../../..");
let icatSandbox: IcatSandbox;
let scicat: ScicatSandbox;
let icat: IcatClient;
let queues: Queues;
let mirrorQueue: string;
let sender: stompit.Client;
const children: ChildProcess[] = [];

function startInstance(name: string): ChildProcess & { output: string[] } {
  const child = spawn(process.execPath, [
    "--conditions=@catkit/source", "--import", join(root, "tools/vitest/source-hooks.ts"), join(import.meta.dirname, "../src/bin/catkit-server.ts"), "ingest",
  ], {
    env: {
      PATH: process.env.PATH ?? "",
      CATKIT_SERVER__SERVER__PORT: "0", CATKIT_SERVER__SERVER__HOST: "127.0.0.1",
      CATKIT_SERVER__ICAT__URL: icatSandbox.url,
      CATKIT_SERVER__ICAT__INGESTER: JSON.stringify({ plugin: "db", username: "root", password: "secret" }),
      CATKIT_SERVER__INGEST__BACKOFF_MS: "100", CATKIT_SERVER__INGEST__MAX_ATTEMPTS: "5",
      // No files under the locations: each mirror write is a dataset without orig datablocks.
      CATKIT_SERVER__SCICAT: JSON.stringify({ url: scicat.url, username: "admin", password: "2jf70TPNZsS", contactEmail: "data@example.org", queue: mirrorQueue, backoffMs: 100 }),
      ...queueEnv(queues, `${host}:${stompPort}`),
    },
    stdio: ["ignore", "pipe", "pipe"],
  }) as ChildProcess & { output: string[] };
  child.output = [];
  child.stdout?.on("data", (d: Buffer) => child.output.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => child.output.push(`${name} stderr: ${d.toString()}`));
  children.push(child);
  return child;
}

const datasetCount = async () => (await icat.search("SELECT COUNT(d) FROM Dataset d"))[0] as number;
const mirroredCount = () => [...scicat.state.datasets.keys()].filter((pid) => pid.startsWith("catkit/icat-")).length;

beforeAll(async () => {
  icatSandbox = await startIcatSandbox();
  scicat = await startScicatSandbox();
  icat = new IcatClient({ url: icatSandbox.url, credential: icatSandbox.login() });
  queues = tagQueues();
  mirrorQueue = `catkit.scicatMirror.${queues.metadata.slice("icatIngest.".length)}`;
  sender = await connect(host, stompPort);
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  sender.disconnect();
  await icat.close();
  await icatSandbox.close();
  await scicat.close();
});

it(`SIGTERM to one of two instances during ${MESSAGES} messages: exactly ${MESSAGES} datasets in ICAT and in SciCat`, async () => {
  // The investigation first, so the two instances do not race to create it.
  await sendAll(sender, queues.metadata, [investigationXml({ beamline: "id00", proposal: "hg123", startDate: "2024-03-01T08:00:00+01:00", endDate: "2024-03-30T08:00:00+01:00" })]);
  const a = startInstance("a");
  const b = startInstance("b");
  await until("the investigation", async () => (await icat.search("SELECT COUNT(i) FROM Investigation i"))[0] === 1, 60_000);
  const bodies = Array.from({ length: MESSAGES }, (_, i) =>
    datasetXml({ beamline: "id00", proposal: "hg123", dataset: `ds${i}`, path: `/data/visitor/hg123/id00/ds${i}`, metadata: { Sample_name: `s${i % 50}`, startDate: "2024-03-02T10:00:00+01:00", endDate: "2024-03-02T10:05:00+01:00" } }, { machine: "m", software: "t" }));
  await sendAll(sender, queues.metadata, bodies);
  await until("a quarter applied", async () => (await datasetCount()) >= MESSAGES / 4, 600_000, 250);
  a.kill("SIGTERM");
  const code = await new Promise<number | null>((resolve) => a.once("exit", resolve));
  expect(code, a.output.join("")).toBe(0);
  const stoppedAt = await datasetCount();
  expect(stoppedAt).toBeLessThan(MESSAGES);
  await until(`${MESSAGES} datasets`, async () => (await datasetCount()) >= MESSAGES, 900_000, 250);
  // Let anything redelivered settle, then count exactly.
  await new Promise((r) => setTimeout(r, 2_000));
  expect(await datasetCount()).toBe(MESSAGES);
  const names = await icat.search("SELECT COUNT(DISTINCT d.name) FROM Dataset d");
  expect(names[0]).toBe(MESSAGES);
  // SciCat: one dataset per ICAT dataset, under the pid derived from its ICAT id.
  await until(`${MESSAGES} mirrored datasets`, () => mirroredCount() >= MESSAGES, 900_000, 250);
  // Nothing dead-lettered on the way: 2 s reads of both dead-letter queues find them empty (and
  // give a late redelivery time to show).
  await Promise.all([queues.metadata, mirrorQueue].map((q) => expect(readQueue(sender, `DLQ.${q}`, 1, 2_000)).rejects.toThrow(/^0 of 1/)));
  const pids = new Set<string>();
  for await (const id of icat.paginate("SELECT d.id FROM Dataset d")) pids.add(`catkit/icat-${id as number}`);
  const inScicat = [...scicat.state.datasets.keys()];
  expect({ missing: [...pids].filter((p) => !scicat.state.datasets.has(p)), extra: inScicat.filter((p) => !pids.has(p)) }).toEqual({ missing: [], extra: [] });
  expect(inScicat).toHaveLength(MESSAGES);
  expect(new Set([...scicat.state.datasets.values()].map((d) => d.datasetName)).size).toBe(MESSAGES);
  const log = a.output.join("");
  expect(log).toMatch(/"msg":"in-flight messages done; disconnecting"/);
  expect(log).toMatch(/"msg":"stopped"/);
  b.kill("SIGTERM");
  expect(await new Promise<number | null>((resolve) => b.once("exit", resolve))).toBe(0);
}, 1_200_000);
