// `npm run bench scicat` (or `pnpm nx run @catkit/tools:bench:scicat`): prints one Markdown
// table with both SciCat comparisons side by side — SFTP downloads vs OpenSSH's sftp, and
// paging 100,000 datasets from the sandbox vs a raw undici loop. BENCH_ONLY=sftp|paging runs one;
// BENCH_FLOOR=1 adds raw ssh2 (no catkit code, no hashing) to the SFTP rounds.
import { cpus, loadavg } from "node:os";
import { markdownTable, type Row } from "../shared/table.ts";
import { benchPaging } from "./paging.ts";
import { benchSftp } from "./sftp-transfers.ts";

const only = process.env.BENCH_ONLY;
// figures from a busy machine mean little: say how busy it was
const load = () => loadavg().map((n) => n.toFixed(2)).join(" ");
console.error(`Node ${process.versions.node}, ${cpus().length} CPUs, load average at start ${load()}`);
const rows: Row[] = [];
if (only !== "paging") rows.push(...(await benchSftp((line) => console.error(line))));
if (only !== "sftp") rows.push(...(await benchPaging()));
console.error(`load average at end ${load()}`);
const floor = process.env.BENCH_FLOOR === "1" ? ["floor s", "floor / reference throughput", "floor CPU s"] : [];
console.log(markdownTable(rows, ["case", "catkit s", "reference s", "reference", "ratio", "catkit MiB/s", "reference MiB/s", "catkit / reference throughput", "catkit CPU s", "reference CPU s", ...floor, "goal"]));
process.exit(0);
