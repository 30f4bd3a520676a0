// Ingest rate: dataset messages applied into the ICAT sandbox by 1 and 2 `catkit-server ingest`
// processes, vs the broker's raw consume rate for the same messages (client-individual ack only,
// same prefetch), on a throw-away ActiveMQ (tools/activemq, journal fsyncs off). Then one
// instance with the SciCat mirror on (the SciCat sandbox in a process of its own): datasets
// mirrored per second, and its ICAT apply rate, vs the ICAT-only rate of the same run.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { IcatClient } from "@catkit/icat";
import { datasetXml, investigationXml, sendHeaders } from "@catkit/icat-plus";
import { startIcatSandbox } from "@catkit/icat/testing";
import { ScicatClient } from "@catkit/scicat";
import stompit from "stompit";
import { startBroker } from "../../activemq/start.ts";
import { startChildServer } from "../shared/child-server.ts";
import type { Row } from "../shared/table.ts";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5000);
const PREFETCH = 20;
const fromSource = process.execArgv.some((a) => a.includes("@catkit/source"));
const serverDir = dirname(fileURLToPath(import.meta.resolve("@catkit/server/package.json")));
const bin = fromSource ? join(serverDir, "src/bin/catkit-server.ts") : join(serverDir, "dist/bin/catkit-server.js");

function connect(port: number): Promise<stompit.Client> {
  return new Promise((resolve, reject) => {
    const c = stompit.connect({ host: "127.0.0.1", port, connectHeaders: { host: "/", "accept-version": "1.1", "heart-beat": "0,0" } }, (err) => (err ? reject(err) : resolve(c)));
  });
}

async function send(c: stompit.Client, queue: string, bodies: readonly string[]): Promise<void> {
  for (const [i, body] of bodies.entries()) {
    await new Promise<void>((resolve, reject) => {
      const last = i === bodies.length - 1;
      c.send(sendHeaders(queue, randomUUID()), last ? { onReceipt: () => resolve(), onError: reject } : undefined).end(body);
      if (!last) resolve();
    });
  }
}

/** Messages/s of a bare consumer acknowledging each message. */
function rawConsume(c: stompit.Client, queue: string, count: number): Promise<number> {
  return new Promise((resolve) => {
    let seen = 0;
    let start = 0;
    const sub = c.subscribe({ destination: `/queue/${queue}`, ack: "client-individual", "activemq.prefetchSize": String(PREFETCH) }, (err, message) => {
      if (err) return;
      message.readString("utf-8", () => {
        const h = (message as unknown as { headers: Record<string, string> }).headers;
        c.sendFrame("ACK", { subscription: h.subscription ?? "", "message-id": h["message-id"] ?? "" }).end();
        if (seen++ === 0) start = performance.now();
        if (seen === count) {
          sub.unsubscribe();
          resolve((count - 1) / ((performance.now() - start) / 1000));
        }
      });
    });
  });
}

/**
 * Runs the ingest benchmark and returns its table rows.
 *
 * @example
 * ```ts
 * const rows = await runIngestBench((line) => console.error(line));
 * ```
 */
export async function runIngestBench(log: (line: string) => void): Promise<Row[]> {
  const broker = await startBroker({ journalDiskSyncs: false });
  let icatSandbox = await startIcatSandbox();
  let icat = new IcatClient({ url: icatSandbox.url, credential: icatSandbox.login() });
  const client = await connect(broker.stompPort);
  const children: ChildProcess[] = [];
  const scicatSandbox = await startChildServer(fileURLToPath(new URL("../scicat/sandbox-child.ts", import.meta.url)), ["0"]);
  const scicat = await ScicatClient.fromCredentials({ url: `${scicatSandbox.origin}/api`, username: "admin", password: "2jf70TPNZsS" });
  const instance = (queue: string, env: Record<string, string> = {}) => {
    const child = spawn(process.execPath, [...process.execArgv, bin, "ingest"], {
      env: {
        PATH: process.env.PATH ?? "", CATKIT_SERVER__SERVER__PORT: "0", CATKIT_SERVER__SERVER__HOST: "127.0.0.1", CATKIT_SERVER__LOG__LEVEL: "warn",
        CATKIT_SERVER__ICAT__URL: icatSandbox.url, CATKIT_SERVER__ICAT__INGESTER: JSON.stringify({ plugin: "db", username: "root", password: "secret" }),
        CATKIT_SERVER__INGEST__BROKERS: JSON.stringify([`127.0.0.1:${broker.stompPort}`]), CATKIT_SERVER__INGEST__PREFETCH: String(PREFETCH),
        CATKIT_SERVER__INGEST__QUEUES: JSON.stringify({ metadata: queue }),
        ...env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(child);
    return child;
  };
  const count = async (prefix: string) => (await icat.search(`SELECT COUNT(d) FROM Dataset d WHERE d.name LIKE '${prefix}-%'`))[0] as number;
  const messages = (prefix: string) => Array.from({ length: MESSAGES }, (_, i) =>
    datasetXml({ beamline: "id00", proposal: "hg123", dataset: `${prefix}-${i}`, path: `/data/visitor/hg123/id00/${prefix}-${i}`, metadata: { Sample_name: `s${i % 50}`, startDate: "2024-03-02T10:00:00+01:00" } }, { machine: "m", software: "bench" }));
  /** Items/s from the first to the MESSAGES-th, polling `n` (the first observation starts the clock). */
  const rateOf = async (n: () => Promise<number>) => {
    let first = 0;
    for (;;) {
      const seen = await n();
      if (seen > 0 && first === 0) first = performance.now();
      if (seen >= MESSAGES) return (MESSAGES - 1) / ((performance.now() - first) / 1000);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  /** ICAT datasets/s (and, with `env` turning the mirror on, SciCat datasets/s) of `instances` processes. */
  const applyRate = async (prefix: string, instances: number, env: Record<string, string> = {}, mirrored?: () => Promise<number>) => {
    const queue = `bench.${prefix}.${randomUUID().slice(0, 8)}`;
    await send(client, queue, messages(prefix));
    const started = Array.from({ length: instances }, () => instance(queue, env));
    const [icatRate, mirrorRate] = await Promise.all([rateOf(() => count(prefix)), mirrored ? rateOf(mirrored) : 0]);
    for (const c of started) c.kill("SIGTERM");
    await Promise.all(started.map((c) => new Promise((r) => (c.exitCode === null ? c.once("exit", r) : r(null)))));
    return { icatRate, mirrorRate };
  };
  try {
    // The investigation exists before timing, so instances do not race to create it.
    const warmUp = async () => {
      const warm = `bench.warm.${randomUUID().slice(0, 8)}`;
      await send(client, warm, [investigationXml({ beamline: "id00", proposal: "hg123", startDate: "2024-03-01T08:00:00+01:00", endDate: "2024-03-30T08:00:00+01:00" }), ...messages("warm").slice(0, 1)]);
      const w = instance(warm);
      while ((await count("warm")) < 1) await new Promise((r) => setTimeout(r, 50));
      w.kill("SIGTERM");
    };
    await warmUp();
    log(`raw consume of ${MESSAGES} messages…`);
    const rawQueue = `bench.raw.${randomUUID().slice(0, 8)}`;
    await send(client, rawQueue, messages("raw"));
    const raw = await rawConsume(client, rawQueue, MESSAGES);
    log(`ingest with 1 instance…`);
    const { icatRate: one } = await applyRate("one", 1);
    log(`ingest with 2 instances…`);
    const { icatRate: two } = await applyRate("two", 2);
    log(`ingest with the SciCat mirror, 1 instance…`);
    // On a fresh ICAT sandbox, as the 1-instance run had: the sandbox slows as its tables grow.
    await icat.close();
    await icatSandbox.close();
    icatSandbox = await startIcatSandbox();
    icat = new IcatClient({ url: icatSandbox.url, credential: icatSandbox.login() });
    await warmUp();
    const mirrorEnv = {
      CATKIT_SERVER__SCICAT: JSON.stringify({ url: `${scicatSandbox.origin}/api`, username: "admin", password: "2jf70TPNZsS", contactEmail: "bench@example.org", queue: `bench.mirror.${randomUUID().slice(0, 8)}` }),
    };
    const withMirror = await applyRate("mirror", 1, mirrorEnv, async () => (await scicat.scicat.datasets.count()).count);
    return [
      { case: `ingest, 1 instance (messages/s, ${MESSAGES} datasets)`, catkit: Math.round(one), reference: Math.round(raw), "reference is": "raw STOMP consume + ack", ratio: `${(one / raw).toFixed(2)}×`, goal: "report" },
      { case: `ingest, 2 instances (messages/s, ${MESSAGES} datasets)`, catkit: Math.round(two), reference: Math.round(raw), "reference is": "raw STOMP consume + ack", ratio: `${(two / raw).toFixed(2)}×`, goal: "report" },
      { case: `SciCat mirror, 1 instance (datasets mirrored/s, ${MESSAGES})`, catkit: Math.round(withMirror.mirrorRate), reference: Math.round(one), "reference is": "ICAT-only apply, 1 instance", ratio: `${(withMirror.mirrorRate / one).toFixed(2)}×`, goal: "report" },
      { case: `ingest with the mirror on, 1 instance (ICAT messages/s, ${MESSAGES})`, catkit: Math.round(withMirror.icatRate), reference: Math.round(one), "reference is": "ICAT-only apply, 1 instance", ratio: `${(withMirror.icatRate / one).toFixed(2)}×`, goal: "report" },
    ];
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    client.on("error", () => undefined); // the broker may close first
    await new Promise<void>((resolve) => client.disconnect(() => resolve()));
    await icat.close();
    await scicat.close();
    await scicatSandbox.stop();
    await icatSandbox.close();
    await broker.stop();
  }
}
