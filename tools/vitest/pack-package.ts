// `pnpm pack` of a workspace package for the tests that install catkit as users do (the CLI's npx
// path, the README quick starts). Those tests run in parallel Nx tasks and may pack the same
// package at the same moment; pnpm pack is then not reliable (it failed under load in CI), so
// packing is serialised across processes by a lock directory, and a failure shows pnpm's output.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const LOCK = join(tmpdir(), "catkit-pnpm-pack.lock");

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
  withLock(() => {
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

function withLock(work: () => void): void {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${LOCK} (remove it if no test is running)`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    work();
  } finally {
    rmdirSync(LOCK);
  }
}
