// ICAT entities in the JSON shapes ICAT+ answers with (pyicat-plus.md §2.2 "Response shapes"),
// the same shapes the ICAT+ sandbox of @catkit/icat-plus/testing answers (a shared contract test
// runs against both): investigations {id, name, title, visitId, startDate, endDate,
// instrument:{name}, type:{name}, parameters:{}}, datasets {id, name, location, …,
// parameters:[{name, value}]}, samples {id, name, investigationId}.
import { eq, Query, type ConditionValue, type Dataset, type IcatClient, type Investigation } from "@catkit/icat";

const iso = (d: Date | undefined) => (d ? d.toISOString() : undefined);
const ids = (text: string | null | undefined) => (text ? new Set(text.split(",").map(Number)) : undefined);

/**
 * An investigation as ICAT+ lists it.
 *
 * @example
 * ```ts
 * investigationJson({ id: 1, name: "hg123" }).instrument; // { name: undefined }
 * ```
 */
export function investigationJson(inv: Investigation): Record<string, unknown> {
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
 * datasetJson({ id: 2, name: "ds1", location: "/data/ds1" }).parameters; // []
 * ```
 */
export function datasetJson(ds: Dataset): Record<string, unknown> {
  return {
    id: ds.id, name: ds.name, location: ds.location, startDate: iso(ds.startDate), endDate: iso(ds.endDate),
    investigationId: ds.investigation?.id, sampleName: ds.sample?.name, sampleId: ds.sample?.id,
    parameters: (ds.parameters ?? []).map((p) => ({ name: p.type?.name, value: p.stringValue ?? (p.numericValue === undefined ? null : String(p.numericValue)) })),
  };
}

/**
 * Investigations by name and instrument (or ids), in id order.
 *
 * @example
 * ```ts
 * await investigations(icat, { instrumentName: "id00", investigationName: "hg123" });
 * ```
 */
export async function investigations(icat: IcatClient, q: { instrumentName?: string | null | undefined; investigationName?: string | null | undefined; ids?: string | null | undefined }): Promise<Record<string, unknown>[]> {
  const conditions: Record<string, ConditionValue> = {};
  if (q.investigationName) conditions.name = eq(q.investigationName);
  if (q.instrumentName) conditions["investigationInstruments.instrument.name"] = eq(q.instrumentName);
  const wanted = ids(q.ids);
  if (wanted?.size === 1) conditions.id = eq([...wanted][0] ?? 0);
  const rows = await icat.search(new Query("Investigation", { conditions, includes: ["investigationInstruments.instrument", "type", "parameters.type"], order: ["id"] }));
  return rows.filter((i) => !wanted || wanted.has(i.id ?? -1)).map(investigationJson);
}

/**
 * Datasets of investigations (or by ids), in id order.
 *
 * @example
 * ```ts
 * await datasets(icat, { investigationIds: "12" });
 * ```
 */
export async function datasets(icat: IcatClient, q: { investigationIds?: string | null | undefined; datasetIds?: string | null | undefined }): Promise<Record<string, unknown>[]> {
  const inv = ids(q.investigationIds);
  const wanted = ids(q.datasetIds);
  const conditions: Record<string, ConditionValue> = {};
  if (inv?.size === 1) conditions["investigation.id"] = eq([...inv][0] ?? 0);
  if (wanted?.size === 1) conditions.id = eq([...wanted][0] ?? 0);
  const rows = await icat.search(new Query("Dataset", { conditions, includes: ["parameters.type", "investigation", "sample"], order: ["id"] }));
  return rows.filter((d) => (!inv || inv.has(d.investigation?.id ?? -1)) && (!wanted || wanted.has(d.id ?? -1))).map(datasetJson);
}

/**
 * Samples of an investigation (or by ids), in id order.
 *
 * @example
 * ```ts
 * await samples(icat, { investigationId: "12" });
 * ```
 */
export async function samples(icat: IcatClient, q: { investigationId?: string | null | undefined; sampleIds?: string | null | undefined }): Promise<Record<string, unknown>[]> {
  const wanted = ids(q.sampleIds);
  const conditions: Record<string, ConditionValue> = q.investigationId ? { "investigation.id": eq(Number(q.investigationId)) } : {};
  const rows = await icat.search(new Query("Sample", { conditions, includes: ["investigation"], order: ["id"] }));
  return rows.filter((s) => !wanted || wanted.has(s.id ?? -1)).map((s) => ({ id: s.id, name: s.name, investigationId: s.investigation?.id }));
}
