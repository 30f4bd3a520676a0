// Scan part of `npm run bench cli`: icat-sync-raw's disk walk (session directories by glob, then
// the dataset directories of each session, esrfv3 layout) over a generated tree of 100,000
// dataset directories, against `find` listing the same directories, in the same run.
// Goal: catkit ≤ 3× find.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, type Row } from "../shared/table.ts";

// The built CLI, loaded by URL at run time: a static import would make tools depend on
// @catkit/cli in the Nx graph, and icat's tests already depend on tools (a cycle).
interface Scanner {
  findSessionDirs: (filter: { root: string; beamline: string; proposal: string; session: string }) => Promise<string[]>;
  listDatasets: (sessionDir: string, format: "esrfv3") => Promise<unknown[]>;
}
const CLI = new URL("../../../packages/cli/dist/index.js", import.meta.url).href;
const { findSessionDirs, listDatasets } = (await import(CLI)) as Scanner;

const PROPOSALS = 20;
const SESSIONS = 5;
const COLLECTIONS = 10;

/** Builds root/pNN/id00/202403DD/RAW_DATA/cJ/cJ_KKKK; returns the root. */
function buildTree(datasets: number): string {
  const root = mkdtempSync(join(tmpdir(), "catkit-bench-scan-"));
  const perCollection = Math.ceil(datasets / (PROPOSALS * SESSIONS * COLLECTIONS));
  for (let p = 0; p < PROPOSALS; p++)
    for (let s = 1; s <= SESSIONS; s++)
      for (let c = 0; c < COLLECTIONS; c++) {
        const dir = join(root, `p${String(p).padStart(2, "0")}`, "id00", `2024030${s}`, "RAW_DATA", `c${c}`);
        for (let k = 0; k < perCollection; k++) mkdirSync(join(dir, `c${c}_${String(k).padStart(4, "0")}`), { recursive: true });
      }
  return root;
}

function timeFind(root: string): { ms: number; count: number } {
  const start = process.hrtime.bigint();
  const r = spawnSync("find", [root, "-mindepth", "6", "-maxdepth", "6", "-type", "d"], { encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, count: r.stdout.split("\n").filter(Boolean).length };
}

async function timeCatkit(root: string): Promise<{ ms: number; count: number }> {
  const start = process.hrtime.bigint();
  let count = 0;
  for (const session of await findSessionDirs({ root, beamline: "*", proposal: "*", session: "*" })) count += (await listDatasets(session, "esrfv3")).length;
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, count };
}

/**
 * Builds the tree, measures alternating rounds, removes the tree; returns table rows.
 *
 * @example
 * ```ts
 * const rows = await scanRows(100_000, 5);
 * ```
 */
export async function scanRows(datasets: number, rounds: number): Promise<Row[]> {
  const root = buildTree(datasets);
  try {
    const find: number[] = [];
    const catkit: number[] = [];
    let counts = { find: 0, catkit: 0 };
    for (let i = 0; i < rounds; i++) {
      const f = timeFind(root);
      const c = await timeCatkit(root);
      find.push(f.ms);
      catkit.push(c.ms);
      counts = { find: f.count, catkit: c.count };
    }
    if (counts.find !== counts.catkit) throw new Error(`find saw ${counts.find} dataset directories, catkit ${counts.catkit}`);
    const base = median(find);
    return [
      { case: `find (${counts.find} dataset dirs)`, "median ms": base, "× find": 1 },
      { case: "catkit icat-sync-raw scan", "median ms": median(catkit), "× find": median(catkit) / base },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
