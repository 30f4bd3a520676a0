// Parsing what arrives on the ingest queues into typed messages: the dataset and investigation
// XML of pyicat-plus (namespace prefix dropped, character references decoded) and the JSON of
// the update-metadata, add-files and archive-status queues. A message that does not parse is an
// IngestError (dead-lettered with this reason).
import { XMLParser } from "fast-xml-parser";
import { IngestError } from "../errors/icat-plus-errors.js";

/**
 * A dataset registration (icatIngest, root `tns:dataset`).
 *
 * @example
 * ```ts
 * const m = parseIngestMessage("icatIngest", xml) as DatasetMessage;
 * m.parameters.find((p) => p.name === "Sample_name");
 * ```
 */
export interface DatasetMessage {
  kind: "dataset";
  proposal: string;
  beamline: string;
  name: string;
  location: string;
  parameters: { name: string; value: string }[];
  sample: string | undefined;
  startDate: string | undefined;
  endDate: string | undefined;
}

/**
 * An investigation message (start_investigation on icatIngest, reschedule_investigation).
 *
 * @example
 * ```ts
 * const m: InvestigationMessage = { kind: "investigation", proposal: "hg123", beamline: "id00", investigationId: undefined, startDate: "2024-03-01T08:00:00+01:00", endDate: undefined };
 * ```
 */
export interface InvestigationMessage {
  kind: "investigation";
  proposal: string;
  beamline: string;
  investigationId: string | undefined;
  startDate: string | undefined;
  endDate: string | undefined;
}

/**
 * icatUpdateDatasetMetadata.
 *
 * @example
 * ```ts
 * const m: UpdateMetadataMessage = { kind: "updateMetadata", proposal: "hg123", beamline: "id00", datasetPaths: ["/d"], metadataName: "Sample_name", metadataValue: "x" };
 * ```
 */
export interface UpdateMetadataMessage {
  kind: "updateMetadata";
  proposal: string;
  beamline: string;
  datasetPaths: string[];
  metadataName: string;
  metadataValue: string;
}

/**
 * icatDataFiles.
 *
 * @example
 * ```ts
 * const m: AddFilesMessage = { kind: "addFiles", datasetId: 12 };
 * ```
 */
export interface AddFilesMessage {
  kind: "addFiles";
  datasetId: number;
}

/**
 * icatArchiveRestoreStatus (deprecated upstream).
 *
 * @example
 * ```ts
 * const m: ArchiveStatusMessage = { kind: "archiveStatus", datasetId: 12, type: "archiving", level: "info", message: null };
 * ```
 */
export interface ArchiveStatusMessage {
  kind: "archiveStatus";
  datasetId: number;
  type: string;
  level: string;
  message: string | null;
}

/**
 * Any message an ingester handles.
 *
 * @example
 * ```ts
 * const m: IngestMessage = { kind: "addFiles", datasetId: 12 };
 * ```
 */
export type IngestMessage = DatasetMessage | InvestigationMessage | UpdateMetadataMessage | AddFilesMessage | ArchiveStatusMessage;

const parser = new XMLParser({
  ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false, trimValues: false, htmlEntities: true,
  isArray: (name) => name === "parameter",
});

const text = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : "";

function need(value: string | undefined, what: string): string {
  if (!value) throw new IngestError(`the message has no ${what}`);
  return value;
}

function parseXml(body: string): DatasetMessage | InvestigationMessage {
  let doc: Record<string, Record<string, unknown> | undefined>;
  try {
    doc = parser.parse(body, true) as typeof doc;
  } catch (err) {
    throw new IngestError(`the message is not well-formed XML: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  if (doc.dataset) {
    const d = doc.dataset;
    const parameters = ((d.parameter as Record<string, unknown>[] | undefined) ?? []).map((p) => ({ name: text(p.name) ?? "", value: text(p.value) ?? "" }));
    return {
      kind: "dataset",
      proposal: need(text(d.investigation), "investigation (proposal)"),
      beamline: need(text(d.instrument), "instrument (beamline)"),
      name: need(text(d.name), "dataset name"),
      location: need(text(d.location), "location"),
      parameters,
      sample: text((d.sample as Record<string, unknown> | undefined)?.name),
      startDate: text(d.startDate),
      endDate: text(d.endDate),
    };
  }
  if (doc.investigation) {
    const i = doc.investigation;
    return {
      kind: "investigation", proposal: text(i.experiment) ?? "", beamline: text(i.instrument) ?? "",
      investigationId: text(i.investigationId) || undefined, startDate: text(i.startDate), endDate: text(i.endDate),
    };
  }
  throw new IngestError(`unknown root element (expected tns:dataset or tns:investigation): ${Object.keys(doc).join(", ") || "none"}`);
}

function parseJson(body: string): Record<string, unknown> {
  try {
    const v = JSON.parse(body) as unknown;
    if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch (err) {
    throw new IngestError(`the message is not JSON: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  throw new IngestError("the message is not a JSON object");
}

const positive = (v: unknown) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n <= 0) throw new IngestError(`datasetId must be a positive integer, got ${JSON.stringify(v)}`);
  return n;
};

/**
 * Parses a message by the kind of queue it came from ("dataset" for icatIngest and
 * rescheduleInvestigation — both XML —, "updateMetadata", "addFiles", "archiveStatus").
 *
 * @throws {IngestError} saying what is wrong.
 * @example
 * ```ts
 * parseIngestMessage("addFiles", '{"datasetId": 12}'); // { kind: "addFiles", datasetId: 12 }
 * ```
 */
export function parseIngestMessage(queueKind: "xml" | "updateMetadata" | "addFiles" | "archiveStatus", body: string): IngestMessage {
  if (queueKind === "xml") return parseXml(body);
  const o = parseJson(body);
  if (queueKind === "addFiles") return { kind: "addFiles", datasetId: positive(o.datasetId) };
  if (queueKind === "archiveStatus") {
    return { kind: "archiveStatus", datasetId: positive(o.datasetId), type: text(o.type) ?? "", level: text(o.level) ?? "", message: o.message == null ? null : (text(o.message) ?? null) };
  }
  const paths = o.datasetPaths;
  return {
    kind: "updateMetadata",
    proposal: need(text(o.proposal), "proposal"),
    beamline: need(text(o.beamline), "beamline"),
    datasetPaths: Array.isArray(paths) ? paths.map(String) : need(text(paths), "datasetPaths").split(","),
    metadataName: need(text(o.metadataName), "metadataName"),
    metadataValue: text(o.metadataValue) ?? "",
  };
}
