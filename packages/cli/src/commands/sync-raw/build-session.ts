// Builds a session's record: its investigation, then each dataset directory's status by the
// first rule that matches (reference §4.3 step 4):
//   registered_without_files  registered in ICAT with no files, directory not empty
//   registered                registered in ICAT
//   not_uploaded              not registered, Bliss saved its XML in __icat__
//   invalid                   no dataset name, or no metadata (Sample_name, startDate, endDate)
//   unregistered              ready to register (metadata from the Bliss HDF5 file)
import { access, readdir, stat } from "node:fs/promises";
import { readBlissMetadata } from "./bliss-metadata.js";
import type { RawDataCatalogue, RegisteredDataset } from "./catalogue.js";
import { icatXmlFile, parseSessionDir, rawRoot, type RawFormat } from "./layout.js";
import type { DatasetRecord, InvestigationInfo, SessionRecord } from "./model.js";
import { listDatasets, type DiskDataset } from "./scan.js";

const exists = (path: string) => access(path).then(() => true, () => false);
const REQUIRED = ["Sample_name", "startDate", "endDate"] as const;

async function nonEmpty(dir: string): Promise<boolean> {
  return (await readdir(dir).catch(() => [])).length > 0;
}

function slotNote(investigation: InvestigationInfo, start: string, end: string): string | undefined {
  const s = investigation.startDate ? Date.parse(investigation.startDate) : undefined;
  const e = investigation.endDate ? Date.parse(investigation.endDate) : undefined;
  const outside = (s !== undefined && Date.parse(start) < s) || (e !== undefined && Date.parse(end) > e);
  return outside ? "dataset start/end outside the investigation time slot" : undefined;
}

async function datasetRecord(sessionDir: string, disk: DiskDataset, registered: Map<string, RegisteredDataset>, investigation: InvestigationInfo): Promise<DatasetRecord> {
  const base = { path: disk.path, name: disk.name ?? null };
  const icat = registered.get(disk.path);
  if (icat) {
    if (icat.fileCount === 0 && (await nonEmpty(disk.path))) return { ...base, status: "registered_without_files", icatDatasetId: icat.id };
    return { ...base, status: "registered", icatDatasetId: icat.id };
  }
  const ctimeMs = (await stat(disk.path)).ctimeMs;
  const xmlFile = icatXmlFile(sessionDir, disk.path);
  if (await exists(xmlFile)) return { ...base, status: "not_uploaded", xmlFile, ctimeMs };
  if (disk.name === undefined) return { ...base, status: "invalid", reason: "the directory name does not follow <collection>_<dataset>", ctimeMs };
  const found = await readBlissMetadata(disk.path);
  const missing = REQUIRED.filter((k) => !found?.[k]);
  if (!found || missing.length > 0) return { ...base, status: "invalid", reason: found ? `metadata missing: ${missing.join(", ")}` : "no Bliss HDF5 file", ctimeMs };
  const metadata = { Sample_name: found.Sample_name ?? "", startDate: found.startDate ?? "", endDate: found.endDate ?? "", investigationId: investigation.id };
  const note = slotNote(investigation, metadata.startDate, metadata.endDate);
  return { ...base, status: "unregistered", metadata, ctimeMs, ...(note ? { reason: note } : {}) };
}

/**
 * Scans one session directory and asks the catalogue about it.
 *
 * @example
 * ```ts
 * const record = await buildSession("/data/visitor/id002207/id00/20240301", "esrfv3", catalogue);
 * ```
 */
export async function buildSession(sessionDir: string, format: RawFormat, catalogue: RawDataCatalogue): Promise<SessionRecord | undefined> {
  const parts = parseSessionDir(sessionDir);
  if (!parts) return undefined;
  const record: SessionRecord = {
    proposal: parts.proposal,
    beamline: parts.beamline,
    session: parts.session,
    format,
    path: sessionDir,
    rawRoot: rawRoot(sessionDir, format),
    investigation: null,
    datasets: [],
    scannedAt: new Date().toISOString(),
  };
  const investigation = await catalogue.investigation(parts.beamline, parts.proposal, parts.date);
  // No investigation (or one without a start): nothing to compare with, upstream does not browse.
  if (!investigation?.startDate) return record;
  const disk = await listDatasets(sessionDir, format);
  record.investigation = investigation;
  const registered = new Map((await catalogue.registeredDatasets(parts.beamline, parts.proposal, parts.date)).map((r) => [r.location.replace(/\/+$/, ""), r]));
  const limit = 16;
  const out: DatasetRecord[] = new Array<DatasetRecord>(disk.length);
  for (let i = 0; i < disk.length; i += limit) {
    const batch = await Promise.all(disk.slice(i, i + limit).map((d) => datasetRecord(sessionDir, d, registered, investigation)));
    batch.forEach((r, j) => (out[i + j] = r));
  }
  record.datasets = out;
  return record;
}
