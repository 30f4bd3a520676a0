// `npm run bench cli` (or `pnpm nx run @catkit/tools:bench:cli`), from the built packages:
// 1. cold start of `catkit --version` (and --help) against `node -e 0` — goal ≤ 2×;
// 2. icat-sync-raw's scan of 100,000 dataset directories against `find` — goal ≤ 3×.
// Prints Markdown tables (pasted into packages/cli/README.md). BENCH_ROUNDS, BENCH_DATASETS tune it.
import { cpus, loadavg } from "node:os";
import { markdownTable } from "../shared/table.ts";
import { scanRows } from "./scan.ts";
import { startupRows } from "./startup.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DATASETS = Number(process.env.BENCH_DATASETS ?? 100_000);

// The machine is shared: the load average says how quiet it was (quote it with the figures).
const load = () => loadavg().map((l) => l.toFixed(2)).join(" / ");
process.stdout.write(`\ncatkit CLI — Node ${process.versions.node}, ${cpus().length} CPUs, load average ${load()} (1 / 5 / 15 min), ${ROUNDS} rounds, ${DATASETS} datasets\n\n`);
process.stdout.write(`${markdownTable(startupRows(ROUNDS * 4), ["case", "median ms", "× node -e 0"])}\n\n`);
process.stdout.write(`${markdownTable(await scanRows(DATASETS, ROUNDS), ["case", "median ms", "× find"])}\n`);
process.stdout.write(`\nload average after the run: ${load()}\n`);
