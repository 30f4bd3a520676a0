#!/usr/bin/env node
// One `pnpm pack` at a time across the whole test run. Several Nx tasks pack the same workspace
// package at once (publint in each package's test:build, the CLI's npx-path test, the README
// quick-start test), and pnpm pack is not safe then: in a loaded CI run publint failed with
// "Failed to find packed tarball file" while the CLI test packed the same package. So every pack
// in the test run holds this lock, a directory (mkdir is atomic) under the OS temp dir.
//
//   node tools/workspace/pack-lock.mjs publint --strict    (runs the command holding the lock)
import { spawnSync } from "node:child_process";
import { mkdirSync, rmdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const LOCK = join(tmpdir(), "catkit-pnpm-pack.lock");
// A lock older than this was left by a killed run (a pack takes seconds).
const STALE_MS = 10 * 60_000;

/**
 * Runs `work` while holding the pack lock; waits up to two minutes for it.
 *
 * @example
 * ```js
 * withPackLock(() => execFileSync("pnpm", ["pack"], { cwd }));
 * ```
 * @template T
 * @param {() => T} work
 * @returns {T}
 */
export function withPackLock(work) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmdirSync(LOCK);
      } catch {
        // gone meanwhile: try again
      }
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${LOCK} (remove it if no test is running)`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    return work();
  } finally {
    rmdirSync(LOCK);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error("usage: pack-lock.mjs <command> [args…]");
    process.exit(2);
  }
  const result = withPackLock(() => spawnSync(command, args, { stdio: "inherit", shell: false }));
  if (result.error) throw result.error;
  process.exit(result.status ?? 1);
}
