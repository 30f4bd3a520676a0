// The gateway's ICAT+ catalogue reads: ICAT queries whose rows are shaped by @catkit/icat-plus's
// views, the ones its ICAT+ sandbox answers with (a shared contract test runs against both);
// samples {id, name, investigationId} (pyicat-plus.md §2.2 "Response shapes").
import { eq, Query, type ConditionValue, type IcatClient } from "@catkit/icat";
import { datasetView, investigationView } from "@catkit/icat-plus/ingest";

const ids = (text: string | null | undefined) => (text ? new Set(text.split(",").map(Number)) : undefined);

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
  return rows.filter((i) => !wanted || wanted.has(i.id ?? -1)).map(investigationView);
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
  return rows.filter((d) => (!inv || inv.has(d.investigation?.id ?? -1)) && (!wanted || wanted.has(d.id ?? -1))).map(datasetView);
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
