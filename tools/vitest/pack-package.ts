// `pnpm pack` of a workspace package for the tests that install catkit as users do (the CLI's npx
// path, the README quick starts), under the run-wide pack lock (tools/workspace/pack-lock.mjs says
// why); a failure shows pnpm's output.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { withPackLock } from "../workspace/pack-lock.mjs";

/**
 * Packs the package in `dir` into `destination` (created if missing) and returns the tarball's path.
 *
 * @example
 * ```ts
 * const tgz = packPackage(join(root, "packages/core"), join(tmp, "tgz"));
 * ```
 */
export function packPackage(dir: string, destination: string): string {
  mkdirSync(destination, { recursive: true });
  const before = new Set(readdirSync(destination));
  withPackLock(() => {
    try {
      execFileSync("pnpm", ["pack", "--pack-destination", destination], { cwd: dir, encoding: "utf8", stdio: "pipe" });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      throw new Error(`pnpm pack failed in ${dir}: ${e.message}\n${e.stdout ?? ""}${e.stderr ?? ""}`, { cause: err });
    }
  });
  const made = readdirSync(destination).filter((f) => !before.has(f));
  if (made.length !== 1) throw new Error(`pnpm pack in ${dir} made ${made.length} files in ${destination}`);
  return join(destination, made[0] ?? "");
}
