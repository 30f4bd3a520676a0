// Temporary directories that a sandbox owns. close() removes them; a script that crashes, calls
// process.exit() or is stopped by a signal before closing its sandbox must not leave them in the
// temp directory either, so each one is also removed when the process ends: on 'exit' (which runs
// for a normal end, process.exit() and an uncaught exception), and on SIGINT/SIGTERM/SIGHUP when
// nothing else handles the signal (Node would end without 'exit'; the signal is raised again after
// the clean-up, so the process still ends the way it would have).
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const owned = new Set<string>();
let installed = false;

function removeAll(): void {
  for (const dir of owned) rmSync(dir, { recursive: true, force: true });
  owned.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on("exit", removeAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      // Another listener means the program handles the signal itself (and will close its
      // sandboxes, or end through 'exit'): leave the decision to it.
      if (process.listenerCount(signal) > 1) return;
      removeAll();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** A temporary directory removed by {@link OwnedTempDir.remove} or, at the latest, when the process ends. */
export interface OwnedTempDir {
  readonly path: string;
  /** Removes the directory now (idempotent). */
  remove(): Promise<void>;
}

/**
 * Creates a temporary directory (`<tmpdir>/<prefix>XXXXXX`) that is removed when the sandbox
 * closes or, if it never does, when the process ends.
 *
 * @example
 * ```ts
 * const dir = await ownedTempDir("catkit-ids-sandbox-");
 * try { … } finally { await dir.remove(); }
 * ```
 */
export async function ownedTempDir(prefix: string): Promise<OwnedTempDir> {
  install();
  const path = await mkdtemp(join(tmpdir(), prefix));
  owned.add(path);
  return {
    path,
    async remove() {
      owned.delete(path);
      await rm(path, { recursive: true, force: true });
    },
  };
}
