// What icat-sync-raw knows about a session and its datasets; also the cache file format (JSON,
// dates as ISO strings, pyicat-plus's ExperimentalSession/Dataset dataclasses in spirit).
import type { RawFormat } from "./layout.js";

/** Dataset statuses, in the order the rules test them (pyicat-plus utils/sync_types.py). */
export const STATUSES = ["registered_without_files", "registered", "not_uploaded", "invalid", "unregistered"] as const;
/** One of {@link STATUSES}. */
export type DatasetStatus = (typeof STATUSES)[number];

/** The ICAT investigation a session belongs to. */
export interface InvestigationInfo {
  id: number;
  name: string;
  startDate?: string;
  endDate?: string;
  /** Data portal page, when the catalogue knows one. */
  url?: string;
  /** Data portal search page, when the catalogue knows one. */
  searchUrl?: string;
}

/** One dataset directory. */
export interface DatasetRecord {
  path: string;
  name: string | null;
  status: DatasetStatus;
  /** Why it is invalid, or an informational note (e.g. outside the time slot). */
  reason?: string;
  icatDatasetId?: number;
  /** Metadata to send (unregistered datasets), values as pyicat-plus would send them. */
  metadata?: Record<string, string | number>;
  /** The __icat__ XML file (not_uploaded datasets). */
  xmlFile?: string;
  /** Directory ctime, ms: the order datasets are sent in. */
  ctimeMs?: number;
}

/** One session directory. */
export interface SessionRecord {
  proposal: string;
  beamline: string;
  session: string;
  format: RawFormat;
  path: string;
  rawRoot: string;
  investigation: InvestigationInfo | null;
  datasets: DatasetRecord[];
  scannedAt: string;
}
