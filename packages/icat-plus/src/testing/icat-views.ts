// The JSON shapes ICAT+ answers with, read from ICAT through the ICAT client: investigations
// ({id, name, title, visitId, startDate, endDate, instrument:{name}, type:{name}, parameters:{}}),
// datasets ({id, name, location, startDate, endDate, sampleName, parameters:[{name,value}]}) and
// samples (pyicat-plus.md §2.2 "Response shapes").
import { eq, Query, type IcatClient } from "@catkit/icat";
import { datasetView, investigationView } from "../ingest/icat-plus-views.js";

const INVESTIGATION_INCLUDES = ["investigationInstruments.instrument", "type", "parameters.type"];

/**
 * The ICAT reads behind the ICAT+ sandbox.
 *
 * @example
 * ```ts
 * const views = new IcatViews(icat);
 * await views.investigations({ instrumentName: "id00", investigationName: "hg123" });
 * ```
 */
export class IcatViews {
  readonly #icat: IcatClient;
  constructor(icat: IcatClient) {
    this.#icat = icat;
  }

  async investigations(q: { instrumentName?: string | null; investigationName?: string | null; ids?: string | null }): Promise<Record<string, unknown>[]> {
    const conditions: Record<string, ReturnType<typeof eq>> = {};
    if (q.investigationName) conditions.name = eq(q.investigationName);
    if (q.instrumentName) conditions["investigationInstruments.instrument.name"] = eq(q.instrumentName);
    const rows = await this.#icat.search(new Query("Investigation", { conditions, includes: INVESTIGATION_INCLUDES, order: ["id"] }));
    const ids = q.ids ? new Set(q.ids.split(",").map(Number)) : undefined;
    return rows.filter((i) => !ids || ids.has(i.id ?? -1)).map(investigationView);
  }

  async datasets(q: { investigationIds?: string | null; datasetIds?: string | null }): Promise<Record<string, unknown>[]> {
    const inv = q.investigationIds ? new Set(q.investigationIds.split(",").map(Number)) : undefined;
    const ids = q.datasetIds ? new Set(q.datasetIds.split(",").map(Number)) : undefined;
    const conditions = inv && inv.size === 1 ? { "investigation.id": eq([...inv][0] as number) } : {};
    const rows = await this.#icat.search(
      new Query("Dataset", { conditions, includes: ["parameters.type", "investigation", "sample"], order: ["id"] }),
    );
    return rows.filter((d) => (!inv || inv.has(d.investigation?.id ?? -1)) && (!ids || ids.has(d.id ?? -1))).map(datasetView);
  }

  async samples(q: { investigationId?: string | null; sampleIds?: string | null }): Promise<Record<string, unknown>[]> {
    const ids = q.sampleIds ? new Set(q.sampleIds.split(",").map(Number)) : undefined;
    const conditions = q.investigationId ? { "investigation.id": eq(Number(q.investigationId)) } : {};
    const rows = await this.#icat.search(new Query("Sample", { conditions, includes: ["investigation"], order: ["id"] }));
    return rows.filter((s) => !ids || ids.has(s.id ?? -1)).map((s) => ({ id: s.id, name: s.name, investigationId: s.investigation?.id }));
  }
}
