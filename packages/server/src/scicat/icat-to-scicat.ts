// THE mapping from an ICAT dataset to its SciCat mirror: one row per SciCat field, each saying
// which ICAT field it comes from and how. The README's ICAT → SciCat table is generated from
// these rows (`mappingTableMarkdown`, checked by test/scicat-mapping.test.ts), so the document
// and the code cannot drift.
import type { IcatDatasetRecord } from "./mirror-record.js";
import type { FoundFile } from "./scan-files.js";

/**
 * The mirror's settings (the `scicat` config section).
 *
 * @example
 * ```ts
 * const s: MirrorSettings = { pidPrefix: "catkit", ownerGroup: "{investigation}", accessGroups: ["{instrument}"], contactEmail: "data@example.org" };
 * ```
 */
export interface MirrorSettings {
  pidPrefix: string;
  ownerGroup: string;
  accessGroups: readonly string[];
  contactEmail: string;
  owner?: string | undefined;
  sourceFolderHost?: string | undefined;
  checksumAlgorithm?: string | undefined;
}

interface Row {
  icat: string;
  scicat: string;
  how: string;
  /** The SciCat value (undefined: field left out). Rows without it are done elsewhere (datablock) or not mapped. */
  value?: (r: IcatDatasetRecord, s: MirrorSettings, now: Date) => unknown;
}

/**
 * The mirrored dataset's pid: deterministic, so a redelivered message finds it.
 *
 * @example
 * ```ts
 * mirrorPid("catkit", 42); // "catkit/icat-42"
 * ```
 */
export const mirrorPid = (pidPrefix: string, datasetId: number): string => `${pidPrefix}/icat-${datasetId}`;

const fill = (template: string, r: IcatDatasetRecord) => template.replaceAll("{investigation}", r.investigation).replaceAll("{instrument}", r.instrument);
const iso = (d: string | undefined) => (d === undefined ? undefined : new Date(d).toISOString());
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** ICAT → SciCat, in the README's order. */
export const ICAT_TO_SCICAT: readonly Row[] = [
  { icat: "Dataset.id", scicat: "pid", how: "`{scicat.pidPrefix}/icat-{id}`: deterministic, so a redelivery finds the dataset instead of creating a second", value: (r, s) => mirrorPid(s.pidPrefix, r.datasetId) },
  { icat: "—", scicat: "type", how: "`raw` (processed ICAT datasets too: their inputs are ICAT locations, not SciCat pids; `input_datasets` stays in `scientificMetadata`)", value: () => "raw" },
  { icat: "Dataset.name", scicat: "datasetName", how: "as is", value: (r) => r.name },
  { icat: "Dataset.location", scicat: "sourceFolder", how: "as is", value: (r) => r.location },
  { icat: "—", scicat: "sourceFolderHost", how: "`scicat.sourceFolderHost` when set", value: (_r, s) => s.sourceFolderHost },
  { icat: "Dataset.endDate, else startDate", scicat: "creationTime", how: "UTC ISO 8601; the mirror's clock when ICAT has neither", value: (r, _s, now) => iso(r.endDate ?? r.startDate) ?? now.toISOString() },
  { icat: "Dataset.startDate", scicat: "startTime", how: "UTC ISO 8601", value: (r) => iso(r.startDate) },
  { icat: "Dataset.endDate", scicat: "endTime", how: "UTC ISO 8601", value: (r) => iso(r.endDate) },
  { icat: "Investigation.name", scicat: "proposalIds", how: "`[name]`", value: (r) => [r.investigation] },
  { icat: "Instrument.name", scicat: "creationLocation", how: "the beamline name", value: (r) => r.instrument || undefined },
  { icat: "Investigation.name, Instrument.name", scicat: "ownerGroup", how: "`scicat.ownerGroup` with `{investigation}` and `{instrument}` filled in (default `{investigation}`)", value: (r, s) => fill(s.ownerGroup, r) },
  { icat: "Investigation.name, Instrument.name", scicat: "accessGroups", how: "`scicat.accessGroups`, filled in likewise (default `[\"{instrument}\"]`); empty results dropped", value: (r, s) => s.accessGroups.map((g) => fill(g, r)).filter((g) => g !== "") },
  { icat: "—", scicat: "owner", how: "`scicat.owner`, else Investigation.name", value: (r, s) => s.owner ?? r.investigation },
  { icat: "—", scicat: "contactEmail", how: "`scicat.contactEmail` (SciCat requires one; ICAT messages carry none)", value: (_r, s) => s.contactEmail },
  {
    icat: "DatasetParameter (ParameterType.name, stringValue)", scicat: "scientificMetadata.{name}",
    how: "`{ value }`, a numeric string as a number; hidden `__…` parameters (`__fileCount`) and `investigationId` left out (SciCat counts files itself)",
    value: (r) => Object.fromEntries(r.parameters.filter((p) => !p.name.startsWith("__") && p.name !== "investigationId")
      .map((p) => [p.name, { value: NUMBER.test(p.value.trim()) ? Number(p.value) : p.value }])),
  },
  { icat: "Sample.name", scicat: "—", how: "not mapped: SciCat's `sampleIds` name SciCat Sample documents, which the mirror does not create (the name is usually also the `Sample_name` parameter)" },
  { icat: "Datafile: each regular file under Dataset.location", scicat: "origdatablocks[].dataFileList[]", how: "`path` relative to `sourceFolder`, `size`, `time` (mtime), `uid`, `gid`, `perm`; `chk` when `scicat.checksumAlgorithm` is set (then the block's `chkAlg`); up to `scicat.filesPerBlock` files per block" },
  { icat: "`__fileCount` parameter", scicat: "size, numberOfFiles", how: "not sent: SciCat adds each orig datablock's totals to its dataset" },
];

/**
 * The SciCat dataset body (POST /api/v4/datasets) for an ICAT dataset.
 *
 * @example
 * ```ts
 * const body = toScicatDataset(record, settings, new Date());
 * body.pid; // "catkit/icat-42"
 * ```
 */
export function toScicatDataset(r: IcatDatasetRecord, s: MirrorSettings, now: Date): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const row of ICAT_TO_SCICAT) {
    const v = row.value?.(r, s, now);
    if (v !== undefined) out[row.scicat.replace(/\..*$/, "")] = v;
  }
  return out;
}

/**
 * One orig datablock entry for a file found under the dataset's location.
 *
 * @example
 * ```ts
 * toDataFile({ path: "a.h5", size: 3, mtime: new Date(), uid: 1000, gid: 1000, mode: 0o100644 });
 * ```
 */
export function toDataFile(f: FoundFile): Record<string, unknown> {
  return {
    path: f.path, size: f.size, time: f.mtime.toISOString(), uid: String(f.uid), gid: String(f.gid),
    perm: (f.mode & 0o777).toString(8).padStart(3, "0"), ...(f.checksum === undefined ? {} : { chk: f.checksum }),
  };
}

/**
 * The README's table, generated from {@link ICAT_TO_SCICAT}.
 *
 * @example
 * ```ts
 * console.log(mappingTableMarkdown());
 * ```
 */
export function mappingTableMarkdown(): string {
  const cell = (s: string) => s.replaceAll("|", "\\|");
  return ["| ICAT | SciCat | how |", "|---|---|---|", ...ICAT_TO_SCICAT.map((r) => `| ${cell(r.icat)} | ${cell(r.scicat)} | ${cell(r.how)} |`)].join("\n");
}
