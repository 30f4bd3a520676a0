// Start-up part of `npm run bench cli`: cold start of `catkit --version` (and `--help`, and the
// standalone `icat-store-raw --help`) from the built package, against `node -e 0` in the same run.
// Alternating rounds, median wall time of spawnSync. Goal: `catkit --version` ≤ 2× `node -e 0`.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median, type Row } from "../shared/table.ts";

const BIN = fileURLToPath(new URL("../../../packages/cli/dist/bin/", import.meta.url));

function time(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Measures the cases; returns table rows (ms, ratio to `node -e 0`).
 *
 * @example
 * ```ts
 * const rows = startupRows(20);
 * ```
 */
export function startupRows(rounds: number): Row[] {
  const cases: [string, string[]][] = [
    ["node -e 0", ["-e", "0"]],
    ["catkit --version", [`${BIN}catkit.js`, "--version"]],
    ["catkit --help", [`${BIN}catkit.js`, "--help"]],
    ["icat-store-raw --help", [`${BIN}icat-store-raw.js`, "--help"]],
  ];
  const samples = cases.map((): number[] => []);
  for (const [, args] of cases) time(args); // warm the file cache (and node's compile cache)
  for (let i = 0; i < rounds; i++) cases.forEach(([, args], j) => samples[j]?.push(time(args)));
  const base = median(samples[0] ?? []);
  return cases.map(([name], j) => {
    const ms = median(samples[j] ?? []);
    return { case: name, "median ms": ms, "× node -e 0": ms / base };
  });
}
