// The dataset's fields in TypeScript naming, and the few that SciCat names differently on the
// wire (scitacean names them the same way: name, meta, lifecycle, api_version). Everything
// else keeps SciCat's camelCase name, which already reads as TypeScript.

/**
 * A dataset's metadata fields (TypeScript names).
 *
 * @example
 * ```ts
 * const fields: Partial<DatasetFields> = { name: "scan", meta: { temperature: { value: 300, unit: "K" } } };
 * ```
 */
export interface DatasetFields {
  type: "raw" | "derived";
  /** datasetName on the wire. */
  name?: string;
  description?: string;
  owner?: string;
  ownerEmail?: string;
  orcidOfOwner?: string;
  ownerGroup?: string;
  accessGroups?: string[];
  instrumentGroup?: string;
  contactEmail?: string;
  sourceFolder?: string;
  sourceFolderHost?: string;
  /** ISO 8601; a Date is converted. */
  creationTime?: string;
  startTime?: string;
  endTime?: string;
  creationLocation?: string;
  dataFormat?: string;
  keywords?: string[];
  license?: string;
  classification?: string;
  comment?: string;
  isPublished?: boolean;
  sharedWith?: string[];
  techniques?: Array<{ name: string; pid: string }>;
  relationships?: Array<Record<string, unknown>>;
  /** scientificMetadata on the wire. */
  meta?: Record<string, unknown>;
  principalInvestigators?: string[];
  proposalIds?: string[];
  sampleIds?: string[];
  instrumentIds?: string[];
  inputDatasets?: string[];
  usedSoftware?: string[];
  jobParameters?: Record<string, unknown>;
  jobLogData?: string;
  runNumber?: string;
  validationStatus?: string;
  dataQualityMetrics?: number;
  // read-only: set by the server
  pid?: string;
  size?: number;
  packedSize?: number;
  numberOfFiles?: number;
  numberOfFilesArchived?: number;
  createdBy?: string;
  createdAt?: string;
  updatedBy?: string;
  updatedAt?: string;
  /** version on the wire: the API version that created it ("3" or "4"). */
  apiVersion?: string;
  /** datasetlifecycle on the wire. */
  lifecycle?: Record<string, unknown>;
}

/**
 * TypeScript name → SciCat name, where they differ.
 *
 * @example
 * ```ts
 * WIRE_NAMES.name; // "datasetName"
 * ```
 */
export const WIRE_NAMES: Readonly<Partial<Record<keyof DatasetFields, string>>> = {
  name: "datasetName",
  meta: "scientificMetadata",
  lifecycle: "datasetlifecycle",
  apiVersion: "version",
};

/** Fields the server owns; never uploaded (scitacean's read-only fields). */
export const READ_ONLY: ReadonlySet<string> = new Set([
  "pid", "size", "packedSize", "numberOfFiles", "numberOfFilesArchived", "createdBy", "createdAt", "updatedBy", "updatedAt", "apiVersion", "lifecycle",
]);

const TS_NAMES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(WIRE_NAMES).map(([ts, wire]) => [wire, ts]));

/** Renames wire keys to TypeScript names (unknown keys are kept under their wire name). */
export function fieldsFromWire(wire: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(wire)) {
    if (k === "_id" || k === "__v" || k === "origdatablocks" || k === "attachments" || k === "history") continue;
    out[TS_NAMES[k] ?? k] = v;
  }
  return out;
}

/** Renames TypeScript names to wire keys, dropping undefined values. */
export function fieldsToWire(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[(WIRE_NAMES as Record<string, string>)[k] ?? k] = v;
  return out;
}
