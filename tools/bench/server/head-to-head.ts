// Two builds of the gateway head to head, to measure what a change to it costs or saves:
//   node bench/server/head-to-head.ts <dist A> <dist B>     (e.g. a copy of packages/server/dist
//   made before the change, and packages/server/dist after it; each must sit where its imports
//   resolve, i.e. inside packages/server)
// Both gateways run on the one server CPU (CPU 1) over one sandbox process, and two autocannons
// (10 connections each) load them at once from this process on CPU 0, for BENCH_ROUNDS (5)
// rounds of BENCH_SECONDS (4). Sharing a CPU, the two gateways see the same moments of this VM's
// drifting speed, so the ratio of their answers is steadier than that of alternating runs. The
// run is made twice with the order of starting swapped, which cancels the bias of the order:
// B/A = sqrt(r1 / r2), where r1 is B/A with A started first and r2 is A/B with B started first.
// An A/A pair of identical builds reads 0.98–1.00.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { startChildServer, type ChildServer } from "../shared/child-server.ts";
import { pinLoadGenerator } from "../shared/cpu-pinning.ts";
import { markdownTable, median } from "../shared/table.ts";
import { BENCH_API_KEY, LOOKUP_PATH } from "./lookup-request.ts";

const [A, B] = process.argv.slice(2);
if (!A || !B) throw new Error("usage: node bench/server/head-to-head.ts <dist A> <dist B>");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const here = (name: string) => new URL(`./${name}`, import.meta.url).pathname;
const log = (text: string) => process.stderr.write(`head-to-head: ${text}\n`);

/** Answers of each of the two builds, started in this order, loaded at once: the median ratio second/first. */
async function race(first: string, second: string, info: string, cpu: number | undefined): Promise<number> {
  const gateways: ChildServer[] = [];
  try {
    for (const build of [first, second]) gateways.push(await startChildServer(here("gateway-child.ts"), [info, BENCH_API_KEY, build], { cpu }));
    const load = (seconds: number) => Promise.all(gateways.map((g) => autocannon({ url: `${g.origin}${LOOKUP_PATH}`, connections: 10, duration: seconds })));
    await load(2); // warm the caches and the JIT
    const ratios: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const [a, b] = await load(SECONDS);
      if (!a || !b || a.non2xx + b.non2xx + a.errors + b.errors > 0) throw new Error("a gateway answered with errors");
      ratios.push(b.requests.total / a.requests.total);
      log(`${second} / ${first}, round ${r + 1}/${ROUNDS}: ${ratios.at(-1)?.toFixed(3)}`);
    }
    return median(ratios);
  } finally {
    for (const g of gateways) await g.stop();
  }
}

const work = await mkdtemp(join(tmpdir(), "catkit-bench-h2h-"));
process.env.BENCH_DOWNLOAD = "0";
const pinning = pinLoadGenerator();
const info = join(work, "info.json");
const sandbox = await startChildServer(here("sandbox-child.ts"), [info], { cpu: pinning.servers });
try {
  const r1 = await race(A, B, info, pinning.servers);
  const r2 = await race(B, A, info, pinning.servers);
  console.log(`\n@catkit/server head to head — ${pinning.note}; ${ROUNDS} × ${SECONDS} s per order\n`);
  console.log(markdownTable([{ "B / A": `${Math.sqrt(r1 / r2).toFixed(3)}×`, "A started first: B/A": r1.toFixed(3), "B started first: A/B": r2.toFixed(3), "order bias": Math.sqrt(r1 * r2).toFixed(3), A, B }], ["B / A", "A started first: B/A", "B started first: A/B", "order bias", "A", "B"]));
} finally {
  await sandbox.stop();
  pinning.release();
  await rm(work, { recursive: true, force: true });
}
