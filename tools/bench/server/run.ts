// `npm run bench server` (or `pnpm nx run @catkit/tools:bench:server`): catkit-server side by
// side with a reference, in one run, each server in its own process:
//   1. cached ICAT+ investigation look-up through the gateway vs a bare fastify hello route
//      (autocannon, 10 connections, BENCH_SECONDS (3) each, BENCH_ROUNDS (10) alternating) — goal ≥ 0.7×
//   2. a 1 GiB datafile through the gateway (GET /api/v1/datafiles/{id}/content) vs straight from
//      the IDS sandbox (getData), BENCH_ROUNDS (3) alternating — goal ≥ 0.8× throughput
//   3. ingest: BENCH_MESSAGES dataset messages applied into the ICAT sandbox by 1 and by 2
//      `catkit-server ingest` processes vs the broker's raw consume rate (ack only)
// The gateway logs at "warn" (BENCH_LOG_LEVEL) so the figure is the gateway, not its stdout.
// BENCH_ONLY picks cases, comma-separated: lookup, download, ingest (e.g. BENCH_ONLY=lookup,download).
// The ICAT and IDS sandboxes run in a process of their own, the gateway in another, the load
// generator in this one; CPU seconds per process are printed for each case (Linux /proc), and
// what the rest of the machine spent meanwhile ("others"). For the gateway cases the load
// generator runs on CPU 0 and every server process on CPU 1 (../shared/cpu-pinning.ts;
// BENCH_PIN=0 turns it off): the header says what was pinned. BENCH_PROFILE=<dir> writes a CPU
// profile of the gateway and of the hello app for each measured look-up round (profile-window.ts).
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { markdownTable, median, type Row } from "../shared/table.ts";
import { startChildServer, type ChildServer } from "../shared/child-server.ts";
import { pinLoadGenerator } from "../shared/cpu-pinning.ts";
import { profiledWindow } from "../shared/profile-window.ts";
import { withCpu } from "../shared/process-cpu.ts";
import { runIngestBench } from "./ingest-bench.ts";
import { BENCH_API_KEY, LOOKUP_PATH } from "./lookup-request.ts";

// Look-ups: many short alternating rounds, so that each catkit round has a reference round next to
// it (this VM's speed drifts by ±10 % over seconds; a ratio of neighbours drifts far less).
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const LOOKUP_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CASES = new Set((process.env.BENCH_ONLY ?? "lookup,download,ingest").split(",").map((c) => c.trim()));
for (const c of CASES) if (!["lookup", "download", "ingest"].includes(c)) throw new Error(`BENCH_ONLY: unknown case ${c} (lookup, download, ingest)`);
const here = (name: string) => new URL(`./${name}`, import.meta.url).pathname;
const log = (text: string) => process.stderr.write(`bench server: ${text}\n`);
const rows: Row[] = [];
const notes: string[] = [];
const pidOf = (c: ChildServer) => c.child.pid ?? 0;
/** Median CPU seconds per process over rounds, as "name 1.23 s". */
const cpuText = (runs: Record<string, number>[]) =>
  Object.keys(runs[0] ?? {}).map((name) => `${name} ${median(runs.map((r) => r[name] ?? Number.NaN)).toFixed(2)} s`).join(", ");

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

type Measured = { value: number; cpu: Record<string, number> };

/**
 * Alternating rounds of catkit and its reference: a table row of medians, the median of the
 * per-round ratios (each catkit round against the reference round right after it), and CPU per process.
 */
async function compare(o: { label: string; case: string; reference: string; goal: string; rounds: number; catkit: () => Promise<Measured>; baseline: () => Promise<Measured> }): Promise<Row> {
  const runs = { catkit: [] as Measured[], reference: [] as Measured[] };
  for (let r = 0; r < o.rounds; r++) {
    log(`${o.label} round ${r + 1}/${o.rounds}`);
    runs.catkit.push(await o.catkit());
    runs.reference.push(await o.baseline());
  }
  const c = median(runs.catkit.map((m) => m.value));
  const ref = median(runs.reference.map((m) => m.value));
  const paired = median(runs.catkit.map((m, i) => m.value / (runs.reference[i]?.value ?? Number.NaN)));
  const cpu = `${cpuText(runs.catkit.map((m) => m.cpu))}; ${cpuText(runs.reference.map((m) => m.cpu))}`;
  return { case: o.case, catkit: Math.round(c), reference: Math.round(ref), "reference is": o.reference, ratio: `${paired.toFixed(2)}×`, goal: o.goal, "CPU per round (catkit; reference)": cpu };
}

async function gatewayBench(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "catkit-bench-server-"));
  const withDownload = CASES.has("download");
  log(`starting the sandboxes${withDownload ? " (1 GiB datafile)" : ""}, the gateway and a bare fastify app…`);
  process.env.BENCH_DOWNLOAD = withDownload ? "1" : "0";
  const pinning = pinLoadGenerator();
  notes.push(`look-up and download: ${pinning.note}`);
  const cpu = pinning.servers;
  const sandbox = await startChildServer(here("sandbox-child.ts"), [join(work, "info.json")], { cpu });
  const gateway = await startChildServer(here("gateway-child.ts"), [join(work, "info.json"), BENCH_API_KEY], { cpu });
  // The reference needs no catkit source: it never runs with the source launch's module hooks,
  // which make every request of a fastify app dearer (README, "Benchmark").
  const hello = await startChildServer(here("hello-child.ts"), [], { cpu, nodeArgs: [] });
  try {
    const info = JSON.parse(await readFile(join(work, "info.json"), "utf8")) as { fileId: number; sessionId: string; idsUrl: string };
    if (CASES.has("lookup")) {
      const url = `${gateway.origin}${LOOKUP_PATH}`;
      await rps(url); // warm the cache and the JIT
      await rps(`${hello.origin}/hello`);
      rows.push(await compare({
        label: "look-up", case: "cached investigation look-up (req/s)", reference: "bare fastify hello route", goal: "≥ 0.7×", rounds: LOOKUP_ROUNDS,
        catkit: () => withCpu({ client: process.pid, gateway: pidOf(gateway) }, () => profiledWindow(pidOf(gateway), () => rps(url))),
        baseline: () => withCpu({ client: process.pid, hello: pidOf(hello) }, () => profiledWindow(pidOf(hello), () => rps(`${hello.origin}/hello`))),
      }));
    }
    if (withDownload) {
      rows.push(await compare({
        label: "download", case: "1 GiB download (MiB/s)", reference: "IDS sandbox getData directly", goal: "≥ 0.8×", rounds: ROUNDS,
        catkit: () => withCpu({ client: process.pid, gateway: pidOf(gateway), sandbox: pidOf(sandbox) }, () =>
          mibPerSecond(`${gateway.origin}/api/v1/datafiles/${info.fileId}/content`, { authorization: `Bearer ${info.sessionId}` })),
        baseline: () => withCpu({ client: process.pid, sandbox: pidOf(sandbox) }, () => mibPerSecond(`${info.idsUrl}/getData?sessionId=${info.sessionId}&datafileIds=${info.fileId}`)),
      }));
    }
  } finally {
    await gateway.stop();
    await hello.stop();
    await sandbox.stop();
    pinning.release();
    await rm(work, { recursive: true, force: true });
  }
}

const loadBefore = loadavg()[0] ?? 0;
// Compiled packages (dist, `npm run bench server`: the README's figures) or their sources
// (--conditions=@catkit/source): from source, the gateway runs under the module hooks that map
// ".js" specifiers to ".ts" files, which make every request of a fastify app dearer.
const launch = import.meta.resolve("@catkit/server").endsWith(".ts")
  ? "catkit from source (under module hooks the gateway pays more per request; the reference never runs under them)"
  : "catkit compiled (dist)";
if (CASES.has("lookup") || CASES.has("download")) await gatewayBench();
if (CASES.has("ingest")) rows.push(...(await runIngestBench(log)));
console.log(`\n@catkit/server — Node ${process.versions.node}, ${cpus().length} CPUs, load average ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after; look-up ${SECONDS} s × ${LOOKUP_ROUNDS} and download 1 GiB × ${ROUNDS} alternating rounds, medians (ratio: median of the per-round ratios); ${launch}${notes.map((n) => `\n${n}`).join("")}\n`);
console.log(markdownTable(rows, ["case", "catkit", "reference", "reference is", "ratio", "goal", "CPU per round (catkit; reference)"]));
