// `npm run bench ids` (or `pnpm nx run @catkit/tools:bench:ids`): @catkit/ids against the IDS
// sandbox over loopback, the sandbox in its own process, side by side with curl in one run.
//   1. 1 GiB single-file download: catkit `download` vs `curl -o`  — goal ≥ 0.9×, catkit peak RSS ≤ 150 MiB
//   2. 1 GiB upload with CRC32: catkit `put` vs `curl -T`           — goal ≥ 0.85×
//   3. 1,000 × 1 MiB: `downloadMany` (concurrency 8) vs a sequential loop of `download` — goal ≥ 3×,
//      with the sandbox answering at once, and with 10 ms of ICAT latency per IDS call as a real
//      ids.server has (it asks ICAT before serving each request).
// Every run is its own process, measured with /usr/bin/time -v after `sync` once the machine is
// idle; cases alternate catkit and baseline; medians of BENCH_ROUNDS (default 5) and
// BENCH_MANY_ROUNDS (default 3). Files are written under BENCH_DIR, by default /dev/shm (tmpfs)
// where it exists: on the VM these numbers come from, ext4 with online discard made writing a
// new 1 GiB file (catkit's temporary file) randomly twice as slow as rewriting one (curl -o),
// which measures the disk, not the clients. About 5 GiB of memory are used there at most.
import { createWriteStream, existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { IdsClient } from "@catkit/ids";
import { markdownTable, median, type Row } from "../shared/table.ts";
import { generatedBytes } from "./generated-bytes.ts";
import { measure } from "./measure.ts";
import { startSandboxChild } from "./sandbox-child.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const MANY_ROUNDS = Number(process.env.BENCH_MANY_ROUNDS ?? 3);
const LATENCY_MS = 10;
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

interface Sample {
  seconds: number;
  rss: number;
}
const last = (stdout: string) => JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as { seconds: number; id?: number };
const seconds = (samples: Sample[]) => median(samples.map((s) => s.seconds));
const peak = (samples: Sample[]) => Math.round(Math.max(...samples.map((s) => s.rss)));

// 1. download
const download = { catkit: [] as Sample[], curl: [] as Sample[], lean: [] as Sample[], raw: [] as Sample[] };
const dataUrl = await ids.getDataUrl({ datafileIds: [info.big.id] });
const catkitDownload = (flags: string[]) => {
  const m = measure(node, [...flags, here("catkit-download.ts"), info.url, info.sessionId, String(info.big.id), join(work, "dl-catkit.bin"), info.big.checksum]);
  return { seconds: last(m.stdout).seconds, rss: m.maxRssMiB };
};
// Every client starts without its destination file: catkit writes a temporary file and renames
// it over the destination (atomic), curl -o and the raw loop truncate in place. With the old file
// still there, catkit alone would need a second GiB of fresh memory pages, which on this VM costs
// up to half its speed — a property of the VM, not of the clients.
const fresh = async (name: string) => {
  await rm(join(work, name), { force: true });
  return join(work, name);
};
for (let round = 0; round < ROUNDS; round++) {
  log(`1 GiB download, round ${round + 1}/${ROUNDS}`);
  await fresh("dl-catkit.bin");
  download.catkit.push(catkitDownload([]));
  const c = measure("curl", ["-sS", "-o", await fresh("dl-curl.bin"), "-w", "%{time_total}", dataUrl]);
  download.curl.push({ seconds: Number(c.stdout), rss: c.maxRssMiB });
  // The same download with a smaller V8 young generation: garbage chunks are freed sooner.
  await fresh("dl-catkit.bin");
  download.lean.push(catkitDownload(["--max-semi-space-size=1"]));
  // Node's floor: undici.request into a file with CRC32, nothing else.
  const r = measure(node, [here("raw-undici-download.ts"), dataUrl, await fresh("dl-raw.bin")]);
  download.raw.push({ seconds: last(r.stdout).seconds, rss: r.maxRssMiB });
}
await rm(join(work, "dl-catkit.bin"), { force: true });
await rm(join(work, "dl-curl.bin"), { force: true });
await rm(join(work, "dl-raw.bin"), { force: true });

// 2. upload (each upload is deleted again, so the sandbox does not fill the disk)
const upload = { catkit: [] as Sample[], curl: [] as Sample[] };
for (let round = 0; round < ROUNDS; round++) {
  log(`1 GiB upload, round ${round + 1}/${ROUNDS}`);
  const k = measure(node, [here("catkit-put.ts"), info.url, info.sessionId, String(info.uploadDatasetId), String(info.datafileFormatId), source, `catkit-${round}.bin`]);
  upload.catkit.push({ seconds: last(k.stdout).seconds, rss: k.maxRssMiB });
  await ids.delete({ datafileIds: [last(k.stdout).id ?? 0] });
  const putUrl = `${info.url}/put?sessionId=${info.sessionId}&name=curl-${round}.bin&datasetId=${info.uploadDatasetId}&datafileFormatId=${info.datafileFormatId}`;
  const c = measure("curl", ["-sS", "-T", source, "-w", "\n%{time_total}", putUrl]);
  const [answer, total] = c.stdout.trim().split("\n");
  upload.curl.push({ seconds: Number(total), rss: c.maxRssMiB });
  await ids.delete({ datafileIds: [(JSON.parse(answer ?? "{}") as { id: number }).id] });
}

// 3. many small files, without and with ICAT latency
const many = async (latency: number) => {
  await sandbox.setLatency(latency);
  const result = { parallel: [] as Sample[], sequential: [] as Sample[] };
  for (let round = 0; round < MANY_ROUNDS; round++) {
    log(`1,000 × 1 MiB with ${latency} ms catalogue latency, round ${round + 1}/${MANY_ROUNDS}`);
    for (const mode of ["many", "sequential"] as const) {
      const out = join(work, `many-${mode}`);
      const m = measure(node, [here("catkit-many.ts"), infoPath, mode, out]);
      result[mode === "many" ? "parallel" : "sequential"].push({ seconds: last(m.stdout).seconds, rss: m.maxRssMiB });
      await rm(out, { recursive: true, force: true });
    }
  }
  return result;
};
const manyFast = await many(0);
const manySlow = await many(LATENCY_MS);
await sandbox.setLatency(0);

const mibps = (samples: Sample[]) => 1024 / seconds(samples);
const filesps = (samples: Sample[]) => 1000 / seconds(samples);
const rows: Row[] = [
  {
    case: "1 GiB download, CRC32 verified",
    unit: "MiB/s",
    catkit: Math.round(mibps(download.catkit)),
    baseline: `${Math.round(mibps(download.curl))} (curl -o)`,
    ratio: mibps(download.catkit) / mibps(download.curl),
    goal: "≥ 0.90",
    "catkit peak RSS": `${peak(download.catkit)} MiB (goal ≤ 150); ${peak(download.lean)} MiB with --max-semi-space-size=1 (${Math.round(mibps(download.lean))} MiB/s)`,
  },
  {
    case: `1 GiB download vs Node's floor: undici.request into a file with CRC32 (itself ${(mibps(download.raw) / mibps(download.curl)).toFixed(2)}× curl)`,
    unit: "MiB/s",
    catkit: Math.round(mibps(download.catkit)),
    baseline: `${Math.round(mibps(download.raw))} (raw undici)`,
    ratio: mibps(download.catkit) / mibps(download.raw),
    goal: "",
    "catkit peak RSS": `raw undici: ${peak(download.raw)} MiB`,
  },
  {
    case: "1 GiB upload, CRC32 checked",
    unit: "MiB/s",
    catkit: Math.round(mibps(upload.catkit)),
    baseline: `${Math.round(mibps(upload.curl))} (curl -T)`,
    ratio: mibps(upload.catkit) / mibps(upload.curl),
    goal: "≥ 0.85",
    "catkit peak RSS": `${peak(upload.catkit)} MiB`,
  },
  ...[
    [manyFast, "sandbox answering at once"],
    [manySlow, `${LATENCY_MS} ms ICAT latency per IDS call`],
  ].map(([m, label]) => {
    const r = m as typeof manyFast;
    return {
      case: `1,000 × 1 MiB, ${label as string}`,
      unit: "files/s",
      catkit: Math.round(filesps(r.parallel)),
      baseline: `${Math.round(filesps(r.sequential))} (sequential download)`,
      ratio: filesps(r.parallel) / filesps(r.sequential),
      goal: "≥ 3",
      "catkit peak RSS": `${peak(r.parallel)} MiB`,
    };
  }),
];
console.log(
  `\n@catkit/ids vs curl on the IDS sandbox (loopback, sandbox in its own process) — Node ${process.versions.node}, ${cpus().length} CPUs, files in ${work.replace(/\/[^/]*$/, "")}, medians of ${ROUNDS} (transfers) and ${MANY_ROUNDS} (many files) alternating rounds\n`,
);
console.log(markdownTable(rows, ["case", "unit", "catkit", "baseline", "ratio", "goal", "catkit peak RSS"]));
console.log(`\nraw samples (s, MiB): ${JSON.stringify({ download, upload, manyFast, manySlow })}`);

await ids.close();
await sandbox.stop();
await rm(work, { recursive: true, force: true });
