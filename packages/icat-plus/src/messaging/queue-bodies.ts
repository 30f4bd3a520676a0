// The JSON bodies of the non-dataset queues, with pyicat-plus's checks (every field truthy):
// icatUpdateDatasetMetadata (client/update_metadata.py), icatDataFiles (client/add_files.py),
// icatArchiveRestoreStatus (client/archive.py, deprecated upstream).
import { InvalidMetadataError } from "../errors/icat-plus-errors.js";
import { pythonJsonDumps } from "./python-json.js";

function need<T>(value: T | undefined | null | "", field: string): T {
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0) || value === 0) {
    throw new InvalidMetadataError(`${field} is required`, { argument: field });
  }
  return value;
}

/**
 * Fields of an update-metadata message.
 *
 * @example
 * ```ts
 * const u: UpdateMetadataFields = { proposal: "hg123", beamline: "id00", datasetPaths: ["/data/ds1"], metadataName: "Sample_name", metadataValue: "new" };
 * ```
 */
export interface UpdateMetadataFields {
  proposal: string;
  beamline: string;
  /** Dataset locations (pyicat-plus's docstring says "comma-separated", its type is a list: both pass through as given). */
  datasetPaths: readonly string[] | string;
  metadataName: string;
  metadataValue: string;
}

/**
 * `{"proposal": …, "beamline": …, "datasetPaths": […], "metadataName": …, "metadataValue": …}`.
 *
 * @throws {InvalidMetadataError} when a field is empty.
 * @example
 * ```ts
 * updateMetadataJson({ proposal: "hg123", beamline: "id00", datasetPaths: ["/d"], metadataName: "Sample_name", metadataValue: "n" });
 * ```
 */
export function updateMetadataJson(f: UpdateMetadataFields): string {
  return pythonJsonDumps({
    proposal: need(f.proposal, "proposal"),
    beamline: need(f.beamline, "beamline"),
    datasetPaths: need(f.datasetPaths, "datasetPaths"),
    metadataName: need(f.metadataName, "metadataName"),
    metadataValue: need(f.metadataValue, "metadataValue"),
  });
}

/**
 * `{"datasetId": 123}`.
 *
 * @throws {InvalidMetadataError} when the id is missing or not a positive integer.
 * @example
 * ```ts
 * addFilesJson(123); // '{"datasetId": 123}'
 * ```
 */
export function addFilesJson(datasetId: number | bigint): string {
  if (!(typeof datasetId === "bigint" ? datasetId > 0n : Number.isSafeInteger(datasetId) && datasetId > 0)) {
    throw new InvalidMetadataError(`datasetId must be a positive integer, got ${String(datasetId)}`, { argument: "datasetId" });
  }
  return pythonJsonDumps({ datasetId });
}

/**
 * Archive status types (pyicat-plus ArchiveStatusType).
 *
 * @example
 * ```ts
 * const t: ArchiveStatusType = "restoration";
 * ```
 */
export type ArchiveStatusType = "archiving" | "restoration";
/**
 * Archive status levels (pyicat-plus ArchiveStatusLevel).
 *
 * @example
 * ```ts
 * const l: ArchiveStatusLevel = "warning";
 * ```
 */
export type ArchiveStatusLevel = "info" | "warning" | "error";

/**
 * `{"datasetId": …, "type": …, "level": …, "message": …}` (message null when not given).
 *
 * @deprecated pyicat-plus deprecates update_archive_restore_status.
 * @example
 * ```ts
 * archiveStatusJson(123, "archiving", "info", "done");
 * ```
 */
export function archiveStatusJson(datasetId: number, type: ArchiveStatusType, level: ArchiveStatusLevel = "info", message?: string): string {
  addFilesJson(datasetId);
  if (type !== "archiving" && type !== "restoration") {
    throw new InvalidMetadataError(`type must be "archiving" or "restoration", got ${String(type)}`, { argument: "type" });
  }
  if (!["info", "warning", "error"].includes(level)) {
    throw new InvalidMetadataError(`level must be info, warning or error, got ${String(level)}`, { argument: "level" });
  }
  // A Python dict with message=None: json.dumps writes null.
  return pythonJsonDumps({ datasetId, type, level, message: message ?? null });
}
