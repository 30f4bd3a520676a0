// SciCat documents → the /api/v1 shapes (ScicatDatasetOut, ScicatDatafileOut).
import type { z } from "zod";
import type { ScicatDatafileOut, ScicatDatasetOut } from "./scicat-schemas.js";

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const num = (v: unknown) => (typeof v === "number" ? v : undefined);
const first = (v: unknown) => (Array.isArray(v) ? str(v[0]) : undefined);
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** A scientificMetadata entry as an API parameter: `{value, unit}` (SciCat's convention) or a bare value. */
function parameter(name: string, entry: unknown): { name: string; value: string | number | null; units?: string } {
  const o = entry !== null && typeof entry === "object" && !Array.isArray(entry) && "value" in entry ? (entry as Json) : { value: entry };
  const v = o.value;
  const value = typeof v === "string" || typeof v === "number" || v === null ? v : v === undefined ? null : JSON.stringify(v);
  const units = str(o.unit);
  return units ? { name, value, units } : { name, value };
}

/**
 * A SciCat dataset for the API.
 *
 * @example
 * ```ts
 * scicatDatasetOut({ pid: "p/1", datasetName: "ds", ownerGroup: "g", type: "raw" }).name; // "ds"
 * ```
 */
export function scicatDatasetOut(d: Json): z.infer<typeof ScicatDatasetOut> {
  const meta = (d.scientificMetadata ?? {}) as Json;
  return defined({
    pid: String(d.pid), name: str(d.datasetName) ?? "", description: str(d.description), location: str(d.sourceFolder), type: str(d.type),
    investigation: first(d.proposalIds), instrument: str(d.creationLocation), sampleId: first(d.sampleIds),
    startDate: str(d.startTime), endDate: str(d.endTime), creationTime: str(d.creationTime),
    owner: str(d.owner), ownerGroup: str(d.ownerGroup) ?? "", accessGroups: Array.isArray(d.accessGroups) ? d.accessGroups.map(String) : [],
    isPublished: typeof d.isPublished === "boolean" ? d.isPublished : undefined, size: num(d.size), numberOfFiles: num(d.numberOfFiles),
    parameters: Object.entries(meta).map(([name, entry]) => parameter(name, entry)),
  });
}

/**
 * The files of a dataset's orig datablocks for the API.
 *
 * @example
 * ```ts
 * scicatFilesOut("p/1", [{ dataFileList: [{ path: "a.h5", size: 3, time: "2024-03-01T00:00:00Z" }] }]);
 * ```
 */
export function scicatFilesOut(pid: string, blocks: readonly Json[]): z.infer<typeof ScicatDatafileOut>[] {
  return blocks.flatMap((b) => ((b.dataFileList as Json[] | undefined) ?? []).map((f) => defined({
    name: str(f.path)?.split("/").pop() ?? "", location: str(f.path), fileSize: num(f.size), checksum: str(f.chk), modTime: str(f.time), datasetPid: pid,
  })));
}
