// The dataset message pyicat-plus sends to icatIngest (client/xmlns.py dataset_as_xml,
// serialized by ElementTree.tostring): byte for byte, given the same inputs.
//
// Decisions where pyicat-plus is lax (each throws InvalidMetadataError, nothing is sent):
// - `Sample_name: None` passes pyicat-plus's assert but sends no sample element; catkit requires
//   a value.
// - `input_datasets` given as one string is normpath'd character by character upstream ("abc" →
//   "a,b,c"); catkit takes it as one path.
// - startDate/endDate strings must be ISO 8601 date-times (upstream passes any string).
import { hostname } from "node:os";
import { InvalidMetadataError } from "../errors/icat-plus-errors.js";
import { checkIsoDateTime, pythonIsoformat } from "./python-isoformat.js";
import { pythonNormpath } from "./python-normpath.js";
import { metadataEntries, serializeMetadataValue, type DatasetMetadata, type MetadataValue } from "./metadata-value.js";
import { VERSION } from "../version.js";
import { element, ICAT_NAMESPACE } from "./xml-element.js";

/**
 * What a dataset message describes.
 *
 * @example
 * ```ts
 * const d: DatasetFields = { beamline: "id00", proposal: "hg123", dataset: "sample_0001", path: "/data/visitor/hg123/id00/20240301/RAW_DATA/sample/sample_0001", metadata: { Sample_name: "sample" } };
 * ```
 */
export interface DatasetFields {
  beamline: string;
  proposal: string;
  dataset: string;
  /** The dataset directory (normalized as Python's os.path.normpath does). */
  path: string;
  /** Must contain Sample_name. */
  metadata: DatasetMetadata;
}

/**
 * Defaults filled in when the metadata lacks them, as pyicat-plus does.
 *
 * @example
 * ```ts
 * const d: MessageDefaults = { now: () => new Date("2024-03-01T09:00:00Z"), machine: "lid00ctrl.esrf.fr", software: "pyicat-plus_v0.12.0" };
 * ```
 */
export interface MessageDefaults {
  /** startDate/endDate when absent (default: the current time). */
  now?: () => Date;
  /** `machine` when absent (pyicat-plus: socket.getfqdn(); default here: os.hostname()). */
  machine?: string;
  /** `software` when absent (default "catkit-icat-plus_v<version>"). */
  software?: string;
}

/**
 * Default `software` metadata of catkit messages.
 *
 * @example
 * ```ts
 * DEFAULT_SOFTWARE; // "catkit-icat-plus_v0.1.0"
 * ```
 */
export const DEFAULT_SOFTWARE = `catkit-icat-plus_v${VERSION}`;

function required(value: string, field: string, what: string): string {
  if (typeof value !== "string" || value === "") {
    throw new InvalidMetadataError(`ICAT requires the ${what}: ${field} must be a non-empty string`, { argument: field });
  }
  return value;
}

function normalizeInputDatasets(value: MetadataValue): MetadataValue {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || !list.every((p) => typeof p === "string")) {
    throw new InvalidMetadataError("input_datasets must be a list of dataset directories (strings)", { argument: "input_datasets" });
  }
  return (list).map(pythonNormpath);
}

/**
 * Builds the dataset XML, exactly as pyicat-plus's `dataset_as_xml` + `ElementTree.tostring`.
 *
 * @throws {InvalidMetadataError} for missing fields or values pyicat-plus cannot serialize.
 * @example
 * ```ts
 * const xml = datasetXml({ beamline: "id00", proposal: "hg123", dataset: "ds1", path: "/data/ds1", metadata: { Sample_name: "s" } });
 * // "<tns:dataset xmlns:tns=\"http://www.esrf.fr/icat\" complete=\"true\"><tns:investigation>hg123</tns:investigation>…"
 * ```
 */
export function datasetXml(fields: DatasetFields, defaults: MessageDefaults = {}): string {
  const beamline = required(fields.beamline, "beamline", "beamline name");
  const proposal = required(fields.proposal, "proposal", "proposal name");
  const dataset = required(fields.dataset, "dataset", "dataset name");
  const path = pythonNormpath(required(fields.path, "path", "dataset path"));
  const entries = new Map(metadataEntries(fields.metadata));
  const sample = entries.get("Sample_name");
  if (sample === undefined || sample === null) {
    throw new InvalidMetadataError("ICAT metadata field 'Sample_name' is missing", { argument: "Sample_name" });
  }
  const now = defaults.now ?? (() => new Date());
  // Python's `if key not in metadata` / setdefault: an undefined value counts as absent (and the
  // key moves to the end, where Python would append it); null is None, kept and then dropped.
  const setDefault = (key: string, value: () => MetadataValue) => {
    if (entries.get(key) !== undefined) return;
    entries.delete(key);
    entries.set(key, value());
  };
  setDefault("startDate", () => pythonIsoformat(now()));
  setDefault("endDate", () => pythonIsoformat(now()));
  setDefault("machine", () => defaults.machine ?? hostname());
  setDefault("software", () => defaults.software ?? DEFAULT_SOFTWARE);
  const inputs = entries.get("input_datasets");
  if (inputs !== undefined && inputs !== null && inputs !== "") entries.set("input_datasets", normalizeInputDatasets(inputs));

  let body = element("investigation", proposal, "proposal") + element("instrument", beamline, "beamline");
  body += element("name", dataset, "dataset") + element("location", path, "path");
  for (const [name, value] of entries) {
    if ((name === "startDate" || name === "endDate") && typeof value === "string") checkIsoDateTime(value, name);
    const text = serializeMetadataValue(value, name);
    if (text === undefined) continue;
    body += `<tns:parameter>${element("name", name, "metadata key")}${element("value", text, name)}</tns:parameter>`;
    if (name === "Sample_name") body += `<tns:sample>${element("name", text, name)}</tns:sample>`;
    else if (name === "startDate" || name === "endDate") body += element(name, text, name);
  }
  return `<tns:dataset xmlns:tns="${ICAT_NAMESPACE}" complete="true">${body}</tns:dataset>`;
}
