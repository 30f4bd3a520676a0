// Walking the disk: session directories matching --beamline/--proposal/--session under the root
// (tinyglobby), and the dataset directories of a session by format. Only readdir with file
// types, no stat per directory, so a scan stays close to `find` (tools/bench/cli).
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { beamlineDirs, datasetName, parseSessionDir, rawRoot, type RawFormat } from "./layout.js";

/**
 * What to look for: each part a name, a glob or `*`.
 *
 * @example
 * ```ts
 * const filter: SessionFilter = { root: "/data/visitor", beamline: "id27", proposal: "*", session: "2023*" };
 * ```
 */
export interface SessionFilter {
  root: string;
  beamline: string;
  proposal: string;
  session: string;
}

/**
 * A dataset directory found on disk.
 *
 * @example
 * ```ts
 * const d: DiskDataset = { path: "/data/visitor/p/id00/20240301/RAW_DATA/s/s_0001", name: "0001" };
 * ```
 */
export interface DiskDataset {
  path: string;
  /** undefined: the directory name does not follow the convention (status invalid). */
  name: string | undefined;
}

/**
 * Session directories matching the filter (each part may be `*` or a glob), sorted.
 *
 * @example
 * ```ts
 * await findSessionDirs({ root: "/data/visitor", beamline: "id27", proposal: "blc14904", session: "*" });
 * ```
 */
export async function findSessionDirs(filter: SessionFilter): Promise<string[]> {
  const { glob, escapePath } = await import("tinyglobby");
  const beamlines = filter.beamline === "*" ? ["*"] : beamlineDirs(filter.beamline);
  const patterns = beamlines.map((b) => `${escapePath(filter.root)}/${filter.proposal}/${b}/${filter.session}`);
  const dirs = await glob(patterns, { onlyDirectories: true, absolute: true, expandDirectories: false, deep: 3 });
  return dirs
    .map((d) => d.replace(/\/+$/, ""))
    .filter((d) => parseSessionDir(d) !== undefined)
    .sort();
}

async function subdirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith(".") && e.name !== "__icat__").map((e) => e.name).sort();
}

async function mxDatasets(dir: string, out: DiskDataset[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  if (entries.some((e) => e.isFile() && e.name === "metadata.json")) out.push({ path: dir, name: dir.split("/").at(-1) });
  for (const e of entries) if (e.isDirectory() && !e.name.startsWith(".") && e.name !== "__icat__") await mxDatasets(join(dir, e.name), out);
}

/**
 * The dataset directories of a session, sorted by path.
 *
 * @example
 * ```ts
 * await listDatasets("/data/visitor/id002207/id00/20240301", "esrfv3");
 * ```
 */
export async function listDatasets(sessionDir: string, format: RawFormat): Promise<DiskDataset[]> {
  const raw = rawRoot(sessionDir, format);
  const out: DiskDataset[] = [];
  if (format === "mx") {
    await mxDatasets(raw, out);
    return out.sort((a, b) => a.path.localeCompare(b.path));
  }
  const collections = await subdirs(raw);
  const lists = await Promise.all(collections.map(async (c) => ({ c, names: await subdirs(join(raw, c)) })));
  for (const { c, names } of lists) for (const n of names) out.push({ path: join(raw, c, n), name: datasetName(c, n, format) });
  return out;
}
