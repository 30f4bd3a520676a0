// `npm run bench core` (or `pnpm nx run @catkit/tools:bench:core`): catkit's transport and
// pipeline vs raw `undici.request`, same server, same run, alternating rounds. Prints a table.
//   1. small JSON GETs (requests/s, 16 in flight) — goal: catkit ≥ 0.9× raw
//   2. a 1 GiB streamed download (MiB/s)          — goal: catkit ≥ 0.95× raw
import { createClientContext, readJson } from "@catkit/core";
import { Agent, request } from "undici";
import { startChildServer } from "../shared/child-server.ts";
import { markdownTable, median } from "../shared/table.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const IN_FLIGHT = 16;
const GiB = 1024 ** 3;

const server = await startChildServer(new URL("./server.ts", import.meta.url).pathname);
const dispatcher = new Agent({ connections: IN_FLIGHT });
const ctx = createClientContext({ url: server.origin, transportOptions: { connections: IN_FLIGHT } }, { name: "bench", version: "0" });

async function parallel(n: number, work: () => Promise<void>): Promise<void> {
  let left = n;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (left-- > 0) await work();
  }));
}

const rawJson = async () => {
  const res = await request(`${server.origin}/json`, { dispatcher });
  await res.body.json();
};
const catkitJson = async () => {
  await readJson(await ctx.send({ method: "GET", url: ctx.url("json") }));
};
const drain = async (body: AsyncIterable<Uint8Array>) => {
  let n = 0;
  for await (const chunk of body) n += chunk.byteLength;
  if (n !== GiB) throw new Error(`short body: ${n}`);
};
const rawBlob = async () => drain((await request(`${server.origin}/blob?bytes=${GiB}`, { dispatcher })).body);
const catkitBlob = async () => drain((await ctx.send({ method: "GET", url: ctx.url("blob"), query: new URLSearchParams({ bytes: String(GiB) }) })).body);

async function time(work: () => Promise<void>): Promise<number> {
  const t = performance.now();
  await work();
  return (performance.now() - t) / 1000;
}

// Warm both paths (connections, JIT) before measuring.
await parallel(500, rawJson);
await parallel(500, catkitJson);

const results = { rawJson: [] as number[], catkitJson: [] as number[], rawBlob: [] as number[], catkitBlob: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  results.rawJson.push(REQUESTS / (await time(() => parallel(REQUESTS, rawJson))));
  results.catkitJson.push(REQUESTS / (await time(() => parallel(REQUESTS, catkitJson))));
  results.rawBlob.push(1024 / (await time(rawBlob)));
  results.catkitBlob.push(1024 / (await time(catkitBlob)));
}

const json = { raw: median(results.rawJson), catkit: median(results.catkitJson) };
const blob = { raw: median(results.rawBlob), catkit: median(results.catkitBlob) };
const rows = [
  { case: `small JSON GET (${IN_FLIGHT} in flight)`, unit: "req/s", "raw undici": Math.round(json.raw), catkit: Math.round(json.catkit), ratio: json.catkit / json.raw, goal: "≥ 0.90" },
  { case: "1 GiB streamed download", unit: "MiB/s", "raw undici": Math.round(blob.raw), catkit: Math.round(blob.catkit), ratio: blob.catkit / blob.raw, goal: "≥ 0.95" },
];
console.log(`\ncatkit core transport vs raw undici.request — Node ${process.versions.node}, median of ${ROUNDS} alternating rounds, server in its own process\n`);
console.log(markdownTable(rows, ["case", "unit", "raw undici", "catkit", "ratio", "goal"]));

await ctx.close();
await dispatcher.close();
await server.stop();
