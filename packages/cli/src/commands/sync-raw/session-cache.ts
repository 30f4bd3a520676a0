// icat-sync-raw's cache (reference §4.3 steps 1 and 6): one JSON file per session,
// <cache>/<format>/<proposal>_<beamline>_<session>.json, written atomically. A file that does not
// parse is deleted. --invalidate-cache drops sessions whose directory is gone or, when they have
// an investigation, whose dataset directories changed.
import { randomBytes } from "node:crypto";
import { access, mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RawFormat } from "./layout.js";
import type { SessionRecord } from "./model.js";
import { listDatasets } from "./scan.js";

/**
 * The cache file of a session.
 *
 * @example
 * ```ts
 * cacheFile("/tmp/cache", record); // "/tmp/cache/esrfv3/id002207_id00_20240301.json"
 * ```
 */
export function cacheFile(cacheDir: string, record: Pick<SessionRecord, "format" | "proposal" | "beamline" | "session">): string {
  return join(cacheDir, record.format, `${record.proposal}_${record.beamline}_${record.session}.json`);
}

/**
 * Loads every cached session of a format, by session directory.
 *
 * @example
 * ```ts
 * const cached = await loadCache("/tmp/cache", "esrfv3", (line) => console.error(line));
 * ```
 */
export async function loadCache(cacheDir: string, format: RawFormat, log: (line: string) => void): Promise<Map<string, SessionRecord>> {
  const dir = join(cacheDir, format);
  const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith(".json"));
  const out = new Map<string, SessionRecord>();
  await Promise.all(
    files.map(async (f) => {
      const file = join(dir, f);
      try {
        const record = JSON.parse(await readFile(file, "utf8")) as SessionRecord;
        if (typeof record.path !== "string" || !Array.isArray(record.datasets)) throw new Error("not a session record");
        out.set(record.path, record);
      } catch {
        log(`cache: ${file} does not parse; removed`);
        await rm(file, { force: true });
      }
    }),
  );
  return out;
}

/**
 * Why a cached session is stale, or undefined when it is still valid.
 *
 * @example
 * ```ts
 * await staleReason(record); // "has 2 new datasets and 0 removed"
 * ```
 */
export async function staleReason(record: SessionRecord): Promise<string | undefined> {
  if (!(await access(record.path).then(() => true, () => false))) return "no longer exists on disk";
  if (!record.investigation) return undefined;
  const onDisk = new Set((await listDatasets(record.path, record.format)).map((d) => d.path));
  const cached = new Set(record.datasets.map((d) => d.path));
  const added = [...onDisk].filter((p) => !cached.has(p)).length;
  const removed = [...cached].filter((p) => !onDisk.has(p)).length;
  return added || removed ? `has ${added} new datasets and ${removed} removed` : undefined;
}

/**
 * Saves a session (temp file + rename).
 *
 * @example
 * ```ts
 * await saveSession("/tmp/cache", record);
 * ```
 */
export async function saveSession(cacheDir: string, record: SessionRecord): Promise<void> {
  const file = cacheFile(cacheDir, record);
  await mkdir(join(cacheDir, record.format), { recursive: true });
  const temp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(record));
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Removes a session from the cache (recomputed next run).
 *
 * @example
 * ```ts
 * await dropSession("/tmp/cache", record);
 * ```
 */
export async function dropSession(cacheDir: string, record: SessionRecord): Promise<void> {
  await rm(cacheFile(cacheDir, record), { force: true });
}
