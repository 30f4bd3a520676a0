// ESRF's raw data layout as icat-sync-raw reads it (reference pyicat-plus.md §3.4, from
// pyicat-plus utils/raw_data.py and esrf_pathlib): session directories
// <root>/<proposal>/<beamline-dir>/<YYYYMMDD>/, beamline directory aliases, the raw root of each
// format, dataset directories and their names, and the `__icat__` XML of unconfirmed datasets.
import { join } from "node:path";
import { UsageError } from "../../runtime/exit-codes.js";

/**
 * The layouts icat-sync-raw knows (`--format`).
 *
 * @example
 * ```ts
 * FORMATS.includes("esrfv3"); // true
 * ```
 */
export const FORMATS = ["esrfv1", "esrfv2", "esrfv3", "id16bspec", "mx"] as const;
/**
 * One of {@link FORMATS}.
 *
 * @example
 * ```ts
 * const format: RawFormat = "mx";
 * ```
 */
export type RawFormat = (typeof FORMATS)[number];

// Beamline name ↔ directory name where they differ (§3.4).
const ALIASES: Readonly<Record<string, string>> = { id30a1: "id30a-1", id30a3: "id30a-3", id23eh1: "id23-1", id23eh2: "id23-2" };
const FROM_DIR: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ALIASES).map(([k, v]) => [v, k]));

/**
 * Checks a --format value.
 *
 * @example
 * ```ts
 * parseFormat("esrfv3"); // "esrfv3"
 * ```
 */
export function parseFormat(value: string): RawFormat {
  if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got ${JSON.stringify(value)}`);
  return value as RawFormat;
}

/**
 * The directory names a beamline may have on disk (its alias too).
 *
 * @example
 * ```ts
 * beamlineDirs("id30a1"); // ["id30a1", "id30a-1"]
 * ```
 */
export function beamlineDirs(beamline: string): string[] {
  const alias = ALIASES[beamline] ?? FROM_DIR[beamline];
  return alias === undefined ? [beamline] : [beamline, alias];
}

/**
 * The beamline name of a beamline directory.
 *
 * @example
 * ```ts
 * beamlineOfDir("id23-1"); // "id23eh1"
 * ```
 */
export function beamlineOfDir(dir: string): string {
  return FROM_DIR[dir] ?? dir;
}

/**
 * The raw data root of a session directory.
 *
 * @example
 * ```ts
 * rawRoot("/data/visitor/id002207/id00/20240301", "esrfv3"); // ".../20240301/RAW_DATA"
 * ```
 */
export function rawRoot(sessionDir: string, format: RawFormat): string {
  if (format === "esrfv2") return join(sessionDir, "raw");
  if (format === "esrfv1") return sessionDir;
  return join(sessionDir, "RAW_DATA");
}

/**
 * Where Bliss saves the XML of a dataset it could not confirm (ESRFPath.raw_metadata_file).
 *
 * @example
 * ```ts
 * icatXmlFile("/d/s", "/d/s/RAW_DATA/col/col_0001"); // "/d/s/RAW_DATA/__icat__/col_0001.xml"
 * ```
 */
export function icatXmlFile(sessionDir: string, datasetDir: string): string {
  return join(sessionDir, "RAW_DATA", "__icat__", `${datasetDir.split("/").at(-1) ?? ""}.xml`);
}

/**
 * A session directory's parts, or undefined when its name is not a YYYYMMDD session.
 *
 * @example
 * ```ts
 * parseSessionDir("/data/visitor/id002207/id23-1/20240301"); // { proposal: "id002207", beamline: "id23eh1", session: "20240301", date }
 * ```
 */
export function parseSessionDir(dir: string): { proposal: string; beamline: string; session: string; date: Date } | undefined {
  const parts = dir.replace(/\/+$/, "").split("/");
  const [session, beamlineDir, proposal] = [parts.at(-1) ?? "", parts.at(-2) ?? "", parts.at(-3) ?? ""];
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(session);
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 8); // 08:00 local, as pyicat-plus's date-only look-ups
  if (date.getMonth() !== Number(m[2]) - 1) return undefined;
  return { proposal, beamline: beamlineOfDir(beamlineDir), session, date };
}

/**
 * The dataset name of a dataset directory: the part after "<collection>_" for the esrf formats,
 * the directory name otherwise; undefined when the directory does not follow the convention.
 *
 * @example
 * ```ts
 * datasetName("sample", "sample_0001", "esrfv3"); // "0001"
 * ```
 */
export function datasetName(collection: string, dirName: string, format: RawFormat): string | undefined {
  if (format === "id16bspec" || format === "mx") return dirName;
  const prefix = `${collection}_`;
  return dirName.startsWith(prefix) && dirName.length > prefix.length ? dirName.slice(prefix.length) : undefined;
}
