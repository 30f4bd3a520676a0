// `npm run bench ids` (or `pnpm nx run @catkit/tools:bench:ids`): @catkit/ids against the IDS
// sandbox over loopback, the sandbox in its own process, side by side in one run with:
//   - curl -o / curl -T, the reference for raw transfer speed;
//   - python-icat's getData + shutil.copyfileobj (python-icat.ts says what it needs);
//   - a raw undici.request loop with CRC32 and writeSync (Node's floor before issue 11);
//   - the floor of any Node client here (floor-download.mjs: node:net + onread + positioned
//     writes on the thread pool, no CRC32, no checks; floor-put.mjs: positioned reads on the
//     thread pool + CRC32 + node:net): the ceiling catkit is measured against.
// Goals (issue 11): 1 GiB download with CRC32 ≥ 1.0× curl -o and ≥ 1.2× python-icat, peak RSS
// ≤ 64 MiB, worst event-loop lag ≤ 20 ms; the same for getData read as a pooled body by user
// code; downloadMany 1,000 × 1 MiB with 10 ms ICAT latency ≥ 3× a sequential loop; 1 GiB put
// ≥ 0.95× curl -T with RSS ≤ 64 MiB.
// Every run is its own process, measured with /usr/bin/time -v after `sync` once the machine is
// idle (at most BENCH_QUIET_WAIT_MS, default 60 s); clients alternate within a round; medians of
// BENCH_ROUNDS (default 5) and BENCH_MANY_ROUNDS (default 3). Files go to BENCH_DIR, by default
// /dev/shm (tmpfs): the disk is not what is measured. About 5 GiB are used there at most.
// BENCH_ONLY picks cases, comma-separated: download, put, many (e.g. BENCH_ONLY=put).
import { createWriteStream, existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { IdsClient } from "@catkit/ids";
import { processCpuSeconds } from "../shared/process-cpu.ts";
import { markdownTable, type Row } from "../shared/table.ts";
import { generatedBytes } from "./generated-bytes.ts";
import { measure, type Measured } from "./measure.ts";
import { cells, goalRow, manyFilesRows, putRow, reference, type Sample } from "./sample-cells.ts";

const { mibps } = cells;
import { findPythonIcat } from "./python-icat.ts";
import { startSandboxChild } from "./sandbox-child.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const MANY_ROUNDS = Number(process.env.BENCH_MANY_ROUNDS ?? 3);
const LATENCY_MS = 10;
const CASES = new Set((process.env.BENCH_ONLY ?? "download,put,many").split(",").map((c) => c.trim()));
for (const c of CASES) if (!["download", "put", "many"].includes(c)) throw new Error(`BENCH_ONLY: unknown case ${c} (download, put, many)`);
const GiB = 1024 ** 3;
const here = (name: string) => new URL(`./${name}`, import.meta.url).pathname;
const log = (text: string) => process.stderr.write(`bench ids: ${text}\n`);

const work = await mkdtemp(join(process.env.BENCH_DIR ?? (existsSync("/dev/shm") ? "/dev/shm" : tmpdir()), "catkit-bench-ids-"));
const infoPath = join(work, "info.json");
log("starting the sandbox and generating 2 GiB of data…");
const sandbox = await startSandboxChild(infoPath, join(work, "sandbox"));
const info = JSON.parse(await readFile(infoPath, "utf8")) as {
  url: string;
  sessionId: string;
  uploadDatasetId: number;
  datafileFormatId: number;
  big: { id: number; checksum: string };
};
const source = join(work, "upload.bin");
await pipeline(Readable.from(generatedBytes(GiB, 7)), createWriteStream(source));
const ids = new IdsClient({ url: info.url, credential: info.sessionId });
const node = process.execPath;
const python = findPythonIcat();

interface Output {
  seconds: number;
  id?: number;
  checksum?: string;
  crc32?: number;
  lagMs?: number;
}
// Runs a client, with the sandbox's CPU time over the run (what serving it cost the machine).
const run = (command: string, args: string[], env?: NodeJS.ProcessEnv): Measured & { server: number } => {
  const before = processCpuSeconds(sandbox.pid);
  const m = measure(command, args, env);
  return { ...m, server: processCpuSeconds(sandbox.pid) - before };
};
const last = (stdout: string) => JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Output;
const nodeRun = (script: string, args: string[]): Sample & { out: Output } => {
  const m = run(node, [here(script), ...args]);
  const out = last(m.stdout);
  if (out.checksum !== undefined && script !== "catkit-put.mjs" && out.checksum !== info.big.checksum) throw new Error(`${script} wrote CRC32 ${out.checksum}, expected ${info.big.checksum}`);
  return { seconds: out.seconds, rss: m.maxRssMiB, ...(out.lagMs === undefined ? {} : { lag: out.lagMs }), idle: m.idleBefore, cpu: m.cpuSeconds, server: m.server, out };
};
// Every client starts without its destination file: on this kind of VM a fresh GiB of tmpfs
// pages costs the same to all, a rewritten one less (catkit renames a temporary file into place).
const fresh = async (name: string) => {
  await rm(join(work, name), { force: true });
  return join(work, name);
};

// The baselines do not check what they wrote: at least the size has to be right.
const complete = async (client: string) => {
  const { size } = await stat(join(work, "dl.bin"));
  if (size !== GiB) throw new Error(`${client} wrote ${size} bytes, not 1 GiB`);
};

// 1. one 1 GiB datafile
const dataUrl = await ids.getDataUrl({ datafileIds: [info.big.id] });
const dl: Record<"curl" | "python" | "raw" | "floor" | "floorCrc" | "download" | "getData", Sample[]> = { curl: [], python: [], raw: [], floor: [], floorCrc: [], download: [], getData: [] };
const bigArgs = [info.url, info.sessionId, String(info.big.id)];
for (let round = 0; round < (CASES.has("download") ? ROUNDS : 0); round++) {
  log(`1 GiB download, round ${round + 1}/${ROUNDS}`);
  const c = run("curl", ["-sS", "-o", await fresh("dl.bin"), "-w", "%{time_total}", dataUrl]);
  dl.curl.push({ seconds: Number(c.stdout), rss: c.maxRssMiB, idle: c.idleBefore, cpu: c.cpuSeconds, server: c.server });
  await complete("curl");
  dl.download.push(nodeRun("catkit-download.mjs", [...bigArgs, await fresh("dl.bin"), info.big.checksum]));
  dl.getData.push(nodeRun("catkit-getdata.mjs", [...bigArgs, await fresh("dl.bin")]));
  dl.raw.push(nodeRun("raw-undici-download.mjs", [dataUrl, await fresh("dl.bin")]));
  dl.floor.push(nodeRun("floor-download.mjs", [dataUrl, await fresh("dl.bin")]));
  await complete("the floor client");
  const f = nodeRun("floor-download.mjs", [dataUrl, await fresh("dl.bin"), "crc"]);
  if (f.out.crc32 !== Number.parseInt(info.big.checksum, 16)) throw new Error(`the floor client computed CRC32 ${f.out.crc32}, expected ${info.big.checksum}`);
  dl.floorCrc.push(f);
  if (python.ok) {
    const p = run(python.python, [here("python-icat-download.py"), ...bigArgs, await fresh("dl.bin")], python.env);
    dl.python.push({ seconds: last(p.stdout).seconds, rss: p.maxRssMiB, idle: p.idleBefore, cpu: p.cpuSeconds, server: p.server });
    await complete("python-icat");
  }
}
await rm(join(work, "dl.bin"), { force: true });

// 2. upload (each upload is deleted again, so the sandbox does not fill the disk)
const up: Record<"curl" | "floor" | "put", Sample[]> = { curl: [], floor: [], put: [] };
for (let round = 0; round < (CASES.has("put") ? ROUNDS : 0); round++) {
  log(`1 GiB upload, round ${round + 1}/${ROUNDS}`);
  const k = nodeRun("catkit-put.mjs", [info.url, info.sessionId, String(info.uploadDatasetId), String(info.datafileFormatId), source, `catkit-${round}.bin`]);
  up.put.push(k);
  await ids.delete({ datafileIds: [k.out.id ?? 0] });
  const putUrl = `${info.url}/put?sessionId=${info.sessionId}&name=curl-${round}.bin&datasetId=${info.uploadDatasetId}&datafileFormatId=${info.datafileFormatId}`;
  const c = run("curl", ["-sS", "-T", source, "-w", "\n%{time_total}", putUrl]);
  const [answer, total] = c.stdout.trim().split("\n");
  up.curl.push({ seconds: Number(total), rss: c.maxRssMiB, idle: c.idleBefore, cpu: c.cpuSeconds, server: c.server });
  await ids.delete({ datafileIds: [(JSON.parse(answer ?? "{}") as { id: number }).id] });
  const f = nodeRun("floor-put.mjs", [putUrl.replace(`curl-${round}`, `floor-${round}`), source, String(256 * 1024), "crc"]);
  up.floor.push(f);
  await ids.delete({ datafileIds: [f.out.id ?? 0] });
}

// 3. 1,000 files of 1 MiB with 10 ms of ICAT latency per IDS call (a real ids.server asks ICAT first)
await sandbox.setLatency(LATENCY_MS);
const many: Record<"parallel" | "sequential", Sample[]> = { parallel: [], sequential: [] };
for (let round = 0; round < (CASES.has("many") ? MANY_ROUNDS : 0); round++) {
  log(`1,000 × 1 MiB with ${LATENCY_MS} ms catalogue latency, round ${round + 1}/${MANY_ROUNDS}`);
  for (const mode of ["many", "sequential"] as const) {
    const out = join(work, `many-${mode}`);
    many[mode === "many" ? "parallel" : "sequential"].push(nodeRun("catkit-many.mjs", [infoPath, mode, out]));
    await rm(out, { recursive: true, force: true });
  }
}
await sandbox.setLatency(0);

const curl = mibps(dl.curl);
const py = python.ok ? mibps(dl.python) : undefined;
const downloadRow = (client: string, samples: Sample[]) => goalRow(client, samples, curl, py);
const curlPut = mibps(up.curl);
const downloadRows: Row[] = [
  reference("1 GiB download", "curl -o", dl.curl, curl),
  ...(python.ok ? [reference("1 GiB download", "python-icat getData + copyfileobj", dl.python, curl)] : []),
  reference("1 GiB download", "raw undici.request + CRC32 + writeSync", dl.raw, curl),
  reference("1 GiB download", "floor: node:net + onread + positioned writes, no CRC32", dl.floor, curl),
  reference("1 GiB download", "floor + CRC32 of each read as it lands", dl.floorCrc, curl),
  downloadRow("catkit download (CRC32 verified)", dl.download),
  downloadRow("catkit getData, pooled read + CRC32 into a file", dl.getData),
];
const putRows: Row[] = [
  reference("1 GiB upload", "curl -T", up.curl, curlPut),
  reference("1 GiB upload", "floor: thread-pool reads + CRC32 + node:net, no checks", up.floor, curlPut),
  putRow("catkit put (CRC32 checked)", up.put, curlPut),
];
const manyRows = manyFilesRows(`1,000 × 1 MiB, ${LATENCY_MS} ms ICAT latency`, many.sequential, many.parallel);
const rows = [...(CASES.has("download") ? downloadRows : []), ...(CASES.has("put") ? putRows : []), ...(CASES.has("many") ? manyRows : [])];
const all = [...Object.values(dl), ...Object.values(up), ...Object.values(many)].flat();
const idle = Math.min(...all.map((s) => s.idle));
console.log(
  `\n@catkit/ids on the IDS sandbox (loopback, sandbox in its own process) — Node ${process.versions.node}, ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(2)}, least idle share before a run ${(idle * 100).toFixed(0)} %, files in ${work.replace(/\/[^/]*$/, "")}, medians of ${ROUNDS} (transfers) and ${MANY_ROUNDS} (many files) alternating rounds\n`,
);
console.log(markdownTable(rows, ["case", "client", "speed", "vs reference", "peak RSS", "worst lag", "CPU s client / sandbox", "goal"]));
if (!python.ok && CASES.has("download")) console.log(`\npython-icat column left out: ${python.why}.`);
console.log(`\nraw samples (s, MiB, ms, idle): ${JSON.stringify({ dl, up, many }, (key, value: unknown) => (key === "out" ? undefined : value))}`);

await ids.close();
await sandbox.stop();
await rm(work, { recursive: true, force: true });
