// `npm run bench scicat` part 2: page through 100,000 datasets of a SciCat sandbox (in its own
// process) 1,000 at a time — catkit's `client.searchDatasets()` item by item against a raw
// undici loop sending the same v4 filters and JSON.parse-ing the same answers. Alternating
// rounds, median. Goal: catkit ≤ 1.15× raw.
import { ScicatClient } from "@catkit/scicat";
import { Agent, request } from "undici";
import { startChildServer } from "../shared/child-server.ts";
import { median, type Row } from "../shared/table.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DATASETS = Number(process.env.BENCH_DATASETS ?? 100_000);
const PAGE = 1000;

/** Runs the paging comparison and returns its table row. */
export async function benchPaging(): Promise<Row[]> {
  const server = await startChildServer(new URL("./sandbox-child.ts", import.meta.url).pathname, [String(DATASETS)]);
  try {
    const url = `${server.origin}/api`;
    const dispatcher = new Agent({ connections: 1 });
    const login = await request(`${url}/v3/auth/login`, { method: "POST", dispatcher, headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "ingestor", password: "aman" }) });
    const { id: token } = (await login.body.json()) as { id: string };
    const client = ScicatClient.fromToken({ url, token, transportOptions: { connections: 1 } });
    const sort = { createdAt: "asc", pid: "asc" };

    const raw = async () => {
      let total = 0;
      for (let skip = 0; ; skip += PAGE) {
        const filter = JSON.stringify({ where: {}, limits: { limit: PAGE, skip, sort } });
        const res = await request(`${url}/v4/datasets?${new URLSearchParams({ filter }).toString()}`, { dispatcher, headers: { authorization: `Bearer ${token}` } });
        if (res.statusCode !== 200) throw new Error(`raw: HTTP ${res.statusCode}`);
        const page = (await res.body.json()) as unknown[];
        total += page.length;
        if (page.length < PAGE) return total;
      }
    };
    const catkit = async () => {
      let total = 0;
      for await (const d of client.searchDatasets({}, { pageSize: PAGE })) if (d.pid !== undefined) total++;
      return total;
    };
    const time = async (work: () => Promise<number>) => {
      const t = performance.now();
      const n = await work();
      if (n !== DATASETS) throw new Error(`expected ${DATASETS} datasets, got ${n}`);
      return (performance.now() - t) / 1000;
    };
    await raw();
    await catkit();
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      a.push(await time(catkit));
      b.push(await time(raw));
    }
    await client.close();
    await dispatcher.close();
    const [ca, rb] = [median(a), median(b)];
    return [{ case: `page ${DATASETS.toLocaleString("en-US")} datasets (1,000/page)`, "catkit s": ca, "reference s": rb, reference: "raw undici loop", ratio: ca / rb, goal: "≤ 1.15" }];
  } finally {
    await server.stop();
  }
}
