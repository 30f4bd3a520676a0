// ICAT entities → the API's shapes (dates as ISO strings, relations as ids and names).
import type { Datafile, Dataset, Investigation, Sample } from "@catkit/icat";
import type { z } from "zod";
import type { DatafileOut, DatasetOut, InvestigationOut, SampleOut } from "./api-schemas.js";

const iso = (d: Date | undefined) => (d ? d.toISOString() : undefined);
/** Drops undefined fields, so that optional keys are absent rather than undefined. */
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * An investigation for the API.
 *
 * @example
 * ```ts
 * investigationOut({ id: 1, name: "hg123" }); // { id: 1, name: "hg123", instruments: [] }
 * ```
 */
export function investigationOut(i: Investigation): z.infer<typeof InvestigationOut> {
  return defined({
    id: i.id ?? 0, name: i.name ?? "", visitId: i.visitId, title: i.title, summary: i.summary, doi: i.doi,
    startDate: iso(i.startDate), endDate: iso(i.endDate), type: i.type?.name,
    instruments: (i.investigationInstruments ?? []).map((ii) => ii.instrument?.name).filter((n): n is string => n !== undefined),
  });
}

/**
 * A dataset for the API.
 *
 * @example
 * ```ts
 * datasetOut({ id: 2, name: "ds1" }).parameters; // []
 * ```
 */
export function datasetOut(d: Dataset): z.infer<typeof DatasetOut> {
  return defined({
    id: d.id ?? 0, name: d.name ?? "", description: d.description, location: d.location, investigationId: d.investigation?.id,
    sampleId: d.sample?.id, sampleName: d.sample?.name, startDate: iso(d.startDate), endDate: iso(d.endDate), complete: d.complete,
    type: d.type?.name,
    parameters: (d.parameters ?? []).map((p) => defined({
      name: p.type?.name ?? "", value: p.stringValue ?? p.numericValue ?? (p.dateTimeValue ? p.dateTimeValue.toISOString() : null), units: p.type?.units,
    })),
  });
}

/**
 * A datafile for the API.
 *
 * @example
 * ```ts
 * datafileOut({ id: 3, name: "a.h5", fileSize: 12 }).fileSize; // 12
 * ```
 */
export function datafileOut(f: Datafile): z.infer<typeof DatafileOut> {
  return defined({
    id: f.id ?? 0, name: f.name ?? "", location: f.location, fileSize: f.fileSize, checksum: f.checksum, datasetId: f.dataset?.id,
    createTime: iso(f.datafileCreateTime), modTime: iso(f.datafileModTime),
  });
}

/**
 * A sample for the API.
 *
 * @example
 * ```ts
 * sampleOut({ id: 4, name: "s" }); // { id: 4, name: "s" }
 * ```
 */
export function sampleOut(s: Sample): z.infer<typeof SampleOut> {
  return defined({ id: s.id ?? 0, name: s.name ?? "", investigationId: s.investigation?.id, type: s.type?.name });
}
