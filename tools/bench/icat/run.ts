// `npm run bench icat` (or `pnpm nx run @catkit/tools:bench:icat`): page through 100,000
// datasets of an ICAT sandbox (in its own process) with pageSize 1,000 — catkit's
// `icat.paginate(new Query("Dataset"))` (typed Dataset objects, dates parsed), taken page by page
// and item by item, against a raw undici loop sending the same requests and JSON.parse-ing the
// same answers. Alternating rounds, median; prints a Markdown table. Goal: catkit total time
// ≤ 1.15× raw.
import { IcatClient, Query, type Dataset } from "@catkit/icat";
import { Agent, request } from "undici";
import { startChildServer } from "../shared/child-server.ts";
import { markdownTable, median } from "../shared/table.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DATASETS = Number(process.env.BENCH_DATASETS ?? 100_000);
const PAGE = 1000;
const EXPECTED = DATASETS + 3; // the tutorial's three datasets too

// The child inherits BENCH_DATASETS from this environment.
const server = await startChildServer(new URL("./server.ts", import.meta.url).pathname);
const icatUrl = `${server.origin}/icat`;
const dispatcher = new Agent({ connections: 1 });

// One session for both sides.
const login = await request(`${icatUrl}/session`, {
  method: "POST",
  dispatcher,
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ json: JSON.stringify({ plugin: "db", credentials: [{ username: "root" }, { password: "secret" }] }) }).toString(),
});
const { sessionId } = (await login.body.json()) as { sessionId: string };
const icat = new IcatClient({ url: icatUrl, credential: sessionId, transportOptions: { connections: 1 } });

async function raw(): Promise<number> {
  let total = 0;
  for (let skip = 0; ; skip += PAGE) {
    const query = `SELECT o FROM Dataset o ORDER BY o.id LIMIT ${skip}, ${PAGE}`;
    const res = await request(`${icatUrl}/entityManager?${new URLSearchParams({ sessionId, query }).toString()}`, { dispatcher });
    if (res.statusCode !== 200) throw new Error(`raw: HTTP ${res.statusCode}`);
    const page = (await res.body.json()) as unknown[];
    total += page.length;
    if (page.length < PAGE) return total;
  }
}

function checkParsed(last: Dataset | undefined): void {
  if (!(last?.createTime instanceof Date)) throw new Error("catkit: datasets were not parsed");
}

async function catkitPages(): Promise<number> {
  let total = 0;
  let last: Dataset | undefined;
  for await (const page of icat.paginate(new Query("Dataset"), { pageSize: PAGE }).byPage()) {
    total += page.length;
    last = page.at(-1);
  }
  checkParsed(last);
  return total;
}

async function catkitItems(): Promise<number> {
  let total = 0;
  let last: Dataset | undefined;
  for await (const dataset of icat.paginate(new Query("Dataset"), { pageSize: PAGE })) {
    total++;
    last = dataset;
  }
  checkParsed(last);
  return total;
}

async function time(work: () => Promise<number>): Promise<number> {
  const t = performance.now();
  const n = await work();
  if (n !== EXPECTED) throw new Error(`expected ${EXPECTED} datasets, got ${n}`);
  return (performance.now() - t) / 1000;
}

// Warm every path (connections, JIT, the sandbox's page cache) before measuring.
await raw();
await catkitPages();
await catkitItems();

const results = { raw: [] as number[], pages: [] as number[], items: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  results.raw.push(await time(raw));
  results.pages.push(await time(catkitPages));
  results.items.push(await time(catkitItems));
}

const rawS = median(results.raw);
const what = `${DATASETS.toLocaleString("en-US")} datasets, pageSize ${PAGE.toLocaleString("en-US")}`;
const row = (how: string, seconds: number) => ({
  case: `paginate ${what}, ${how}`,
  "raw undici (s)": rawS,
  "catkit (s)": seconds,
  "catkit datasets/s": Math.round(EXPECTED / seconds),
  ratio: seconds / rawS,
  goal: "≤ 1.15",
});
const rows = [row("`.byPage()`", median(results.pages)), row("`for await` over items", median(results.items))];
console.log(`\ncatkit icat.paginate vs a raw undici loop — Node ${process.versions.node}, median of ${ROUNDS} alternating rounds, sandbox in its own process\n`);
console.log(markdownTable(rows, ["case", "raw undici (s)", "catkit (s)", "catkit datasets/s", "ratio", "goal"]));

await icat.close();
await dispatcher.close();
await server.stop();
