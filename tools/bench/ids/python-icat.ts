// Finds python-icat for the baseline column: Debian's python3 with suds (python3-suds) and
// packaging (python3-packaging), and python-icat's source tree (its src/ directory, with the
// _meta.py that its setup.py would generate) named by PYTHON_ICAT_SRC. Nothing is installed or
// fetched here; when something is missing, the reason is printed under the table.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** How to run python-icat, or why it cannot be run. */
export type PythonIcat = { ok: true; python: string; env: NodeJS.ProcessEnv } | { ok: false; why: string };

/**
 * Looks for a usable python-icat.
 *
 * @example
 * ```ts
 * const py = findPythonIcat();
 * if (py.ok) measure(py.python, [script, url, sessionId, id, out], py.env);
 * ```
 */
export function findPythonIcat(): PythonIcat {
  const python = "/usr/bin/python3";
  if (!existsSync(python)) return { ok: false, why: "Debian's /usr/bin/python3 is not installed" };
  const src = process.env.PYTHON_ICAT_SRC;
  if (!src) return { ok: false, why: "PYTHON_ICAT_SRC is not set (python-icat's src/ directory)" };
  if (!existsSync(join(src, "icat", "ids.py"))) return { ok: false, why: `PYTHON_ICAT_SRC=${src} has no icat/ids.py` };
  const env = { ...process.env, PYTHONPATH: src };
  const probe = spawnSync(python, ["-c", "import icat.ids"], { encoding: "utf8", env });
  if (probe.status !== 0) return { ok: false, why: `python-icat does not import: ${probe.stderr.trim().split("\n").at(-1) ?? "unknown error"} (needs python3-suds and python3-packaging)` };
  return { ok: true, python, env };
}
