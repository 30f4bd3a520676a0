// `npm run bench server` (or `pnpm nx run @catkit/tools:bench:server`): catkit-server side by
// side with a reference, in one run, each server in its own process:
//   1. cached ICAT+ investigation look-up through the gateway vs a bare fastify hello route
//      (autocannon, 10 connections, BENCH_SECONDS each, BENCH_ROUNDS alternating) — goal ≥ 0.7×
//   2. a 1 GiB datafile through the gateway (GET /api/v1/datafiles/{id}/content) vs straight from
//      the IDS sandbox (getData), BENCH_ROUNDS alternating — goal ≥ 0.8× throughput
//   3. ingest: BENCH_MESSAGES dataset messages applied into the ICAT sandbox by 1 and by 2
//      `catkit-server ingest` processes vs the broker's raw consume rate (ack only)
// The gateway logs at "warn" (BENCH_LOG_LEVEL) so the figure is the gateway, not its stdout.
// BENCH_ONLY=lookup runs case 1 alone, BENCH_ONLY=ingest case 3 alone.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { markdownTable, median, type Row } from "../shared/table.ts";
import { startChildServer } from "../shared/child-server.ts";
import { runIngestBench } from "./ingest-bench.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** "lookup" runs case 1 only (for iterating on the gateway's request path), "ingest" case 3 only. */
const ONLY = process.env.BENCH_ONLY;
const here = (name: string) => new URL(`./${name}`, import.meta.url).pathname;
const log = (text: string) => process.stderr.write(`bench server: ${text}\n`);
const rows: Row[] = [];
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

async function rps(url: string): Promise<number> {
  const result = await autocannon({ url, connections: 10, duration: SECONDS });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
}

/** MiB/s of one 1 GiB download, counted and dropped as it arrives. */
async function mibPerSecond(url: string, headers: Record<string, string> = {}): Promise<number> {
  const start = performance.now();
  const res = await fetch(url, { headers });
  if (!res.ok || !res.body) throw new Error(`${url.split("?")[0]}: HTTP ${res.status}`);
  let bytes = 0;
  for await (const chunk of res.body) bytes += (chunk as Uint8Array).length;
  if (bytes !== 1024 ** 3) throw new Error(`${url.split("?")[0]}: ${bytes} bytes`);
  return 1024 / ((performance.now() - start) / 1000);
}

async function gatewayBench(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "catkit-bench-server-"));
  log("starting the sandboxes and the gateway (1 GiB datafile), and a bare fastify app…");
  const gateway = await startChildServer(here("gateway-child.ts"), [join(work, "info.json")]);
  const hello = await startChildServer(here("hello-child.ts"));
  try {
    const info = JSON.parse(await readFile(join(work, "info.json"), "utf8")) as { lookup: string; fileId: number; sessionId: string; idsUrl: string };
    const lookup = { gateway: [] as number[], hello: [] as number[] };
    await rps(`${gateway.origin}${info.lookup}`); // warm the cache and the JIT
    await rps(`${hello.origin}/hello`);
    for (let r = 0; r < ROUNDS; r++) {
      log(`look-up round ${r + 1}/${ROUNDS}`);
      lookup.gateway.push(await rps(`${gateway.origin}${info.lookup}`));
      lookup.hello.push(await rps(`${hello.origin}/hello`));
    }
    const g = median(lookup.gateway);
    const h = median(lookup.hello);
    rows.push({ case: "cached investigation look-up (req/s)", catkit: Math.round(g), reference: Math.round(h), "reference is": "bare fastify hello route", ratio: ratio(g, h), goal: "≥ 0.7×" });

    const download = { gateway: [] as number[], ids: [] as number[] };
    for (let r = 0; r < (ONLY === "lookup" ? 0 : ROUNDS); r++) {
      log(`download round ${r + 1}/${ROUNDS}`);
      download.gateway.push(await mibPerSecond(`${gateway.origin}/api/v1/datafiles/${info.fileId}/content`, { authorization: `Bearer ${info.sessionId}` }));
      download.ids.push(await mibPerSecond(`${info.idsUrl}/getData?sessionId=${info.sessionId}&datafileIds=${info.fileId}`));
    }
    const dg = median(download.gateway);
    const di = median(download.ids);
    if (ONLY !== "lookup") rows.push({ case: "1 GiB download (MiB/s)", catkit: Math.round(dg), reference: Math.round(di), "reference is": "IDS sandbox getData directly", ratio: ratio(dg, di), goal: "≥ 0.8×" });
  } finally {
    await gateway.stop();
    await hello.stop();
    await rm(work, { recursive: true, force: true });
  }
}

if (ONLY !== "ingest") await gatewayBench();

if (ONLY !== "lookup") rows.push(...(await runIngestBench(log)));
console.log(markdownTable(rows, ["case", "catkit", "reference", "reference is", "ratio", "goal"]));
