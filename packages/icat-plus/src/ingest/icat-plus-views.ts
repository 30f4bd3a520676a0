// ICAT entities in the JSON shapes ICAT+ answers with (pyicat-plus.md §2.2 "Response shapes"):
// investigations {id, name, title, visitId, startDate, endDate, instrument:{name}, type:{name},
// parameters:{}}, datasets {id, name, location, startDate, endDate, sampleName, parameters:[{name,
// value}]}. One place for both sides of the ICAT+ contract: the sandbox (@catkit/icat-plus/testing)
// and catkit's gateway answer through these.
import type { Dataset, Investigation } from "@catkit/icat";

const iso = (d: Date | undefined) => (d ? d.toISOString() : undefined);

/**
 * An investigation as ICAT+ lists it.
 *
 * @example
 * ```ts
 * investigationView({ id: 1, name: "hg123" }).instrument; // { name: undefined }
 * ```
 */
export function investigationView(inv: Investigation): Record<string, unknown> {
  return {
    id: inv.id, name: inv.name, title: inv.title, visitId: inv.visitId, startDate: iso(inv.startDate),
    ...(inv.endDate ? { endDate: iso(inv.endDate) } : {}),
    instrument: { name: inv.investigationInstruments?.[0]?.instrument?.name },
    type: { name: inv.type?.name },
    parameters: Object.fromEntries((inv.parameters ?? []).map((p) => [p.type?.name ?? "", p.stringValue ?? p.numericValue ?? null])),
  };
}

/**
 * A dataset as ICAT+ lists it.
 *
 * @example
 * ```ts
 * datasetView({ id: 2, name: "ds1", location: "/data/ds1" }).parameters; // []
 * ```
 */
export function datasetView(ds: Dataset): Record<string, unknown> {
  return {
    id: ds.id, name: ds.name, location: ds.location, startDate: iso(ds.startDate), endDate: iso(ds.endDate),
    investigationId: ds.investigation?.id, sampleName: ds.sample?.name, sampleId: ds.sample?.id,
    parameters: (ds.parameters ?? []).map((p) => ({
      name: p.type?.name, value: p.stringValue ?? (p.numericValue === undefined ? null : String(p.numericValue)),
    })),
  };
}
