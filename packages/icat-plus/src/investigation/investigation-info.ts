// What investigation_info returns and how pyicat-plus shapes it (client/investigation.py):
// parameters and visitId dropped, proposal ← name and beamline ← instrument.name first, the
// other fields kept, then the e-logbook and data portal links. Also the Dataset shape of
// registered_datasets (client/types.py) and the string/summary forms (client/main.py).
import { pythonNumberStr } from "../xml/python-str.js";
import type { IcatPlusInvestigation } from "./select-investigation.js";

/**
 * A normalized investigation.
 *
 * @example
 * ```ts
 * const info: InvestigationInfo = await client.investigationInfo("id00", "hg123") ?? fail();
 * console.log(info["e-logbook"]);
 * ```
 */
export type InvestigationInfo = {
  proposal: string | null;
  beamline: string | null;
  id: number;
  "e-logbook": string;
  "data portal": string;
} & Record<string, unknown>;

/**
 * Shapes an investigation as pyicat-plus does.
 *
 * @example
 * ```ts
 * normalizeInvestigation({ id: 7, name: "hg123", instrument: { name: "id00" } }, "https://data.esrf.fr");
 * ```
 */
export function normalizeInvestigation(investigation: IcatPlusInvestigation, dataPortalUrl: string): InvestigationInfo {
  const { parameters: _p, visitId: _v, name, instrument, ...rest } = investigation;
  const portal = dataPortalUrl.replace(/\/+$/, "");
  return {
    proposal: name ?? null,
    beamline: instrument?.name ?? null,
    ...rest,
    "e-logbook": `${portal}/investigation/${investigation.id}/logbook`,
    "data portal": `${portal}/investigation/${investigation.id}/datasets`,
  };
}

/**
 * A registered dataset (pyicat-plus types.Dataset).
 *
 * @example
 * ```ts
 * const ds: RegisteredDataset = { datasetId: { name: "s_0001", path: "/data/s_0001" }, icatDatasetId: 12, datasetMetadata: { fileCount: 3 } };
 * ```
 */
export interface RegisteredDataset {
  datasetId: { name: string; path: string };
  icatDatasetId: number;
  datasetMetadata: { fileCount: number };
}

/**
 * Maps an ICAT+ dataset (`{id, location, parameters:[{name,value}]}`) to {@link RegisteredDataset}:
 * the name is the last non-empty path segment, `__fileCount` parsed (0 when absent). ICAT's
 * Dataset.location is optional: a dataset without one (not written by an ingester) gets the path
 * "" and its ICAT name, where pyicat-plus's basename(None) would raise and lose the whole list.
 *
 * @example
 * ```ts
 * toRegisteredDataset({ id: 1, location: "/data/s_0001/", parameters: [{ name: "__fileCount", value: "3" }] });
 * ```
 */
export function toRegisteredDataset(dataset: { id: number; location?: string | null; name?: string; parameters?: { name: string; value: unknown }[] }): RegisteredDataset {
  const location = dataset.location ?? "";
  const name = location.split("/").filter(Boolean).at(-1) ?? dataset.name ?? "";
  const count = dataset.parameters?.find((p) => p.name === "__fileCount")?.value;
  return { datasetId: { name, path: location }, icatDatasetId: dataset.id, datasetMetadata: { fileCount: typeof count === "number" ? Math.trunc(count) : typeof count === "string" ? Number.parseInt(count, 10) : 0 } };
}

/** Python str() of a value, for the info table (dicts and lists in repr form). */
function pyStr(v: unknown, nested = false): string {
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "string") return nested ? `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'` : v;
  if (Array.isArray(v)) return `[${v.map((x) => pyStr(x, true)).join(", ")}]`;
  if (typeof v === "object") return `{${Object.entries(v).map(([k, x]) => `${pyStr(k, true)}: ${pyStr(x, true)}`).join(", ")}}`;
  return typeof v === "number" ? pythonNumberStr(v) : typeof v === "bigint" ? String(v) : "";
}

const width = (s: string) => [...s].length;

/**
 * investigation_info_string's text for a result: a table, or the "not available" sentences.
 *
 * @example
 * ```ts
 * investigationInfoText(undefined, "ICAT communication timeout"); // "Proposal information currently not available (ICAT communication timeout)"
 * ```
 */
export function investigationInfoText(info: InvestigationInfo | null | undefined, reason: string): string {
  if (info === undefined) return `Proposal information currently not available (${reason})`;
  if (info === null || Object.keys(info).length === 0) return "Proposal NOT available in the data portal";
  const rows = Object.entries(info).map(([k, v]) => [k, pyStr(v)] as const);
  const w0 = Math.max(...rows.map(([k]) => width(k)));
  const w1 = Math.max(...rows.map(([, v]) => width(v)));
  const pad = (s: string, w: number) => s + " ".repeat(w - width(s));
  return `ICAT proposal time slot:\n ${rows.map(([k, v]) => `${pad(k, w0)}   ${pad(v, w1)}`).join("\n ")}`;
}

/**
 * investigation_summary's rows: the e-logbook and data portal links, or the reason for each.
 *
 * @example
 * ```ts
 * investigationSummaryRows(info, "ICAT communication timeout"); // [["e-logbook", "https://…/logbook"], ["data portal", "https://…/datasets"]]
 * ```
 */
export function investigationSummaryRows(info: InvestigationInfo | null | undefined, reason: string): [string, string][] {
  const keys = ["e-logbook", "data portal"] as const;
  if (info) return keys.map((k) => [k, String(info[k])]);
  const text = info === undefined ? `Proposal information currently not available (${reason})` : "Proposal NOT available in the data portal";
  return keys.map((k) => [k, text]);
}
