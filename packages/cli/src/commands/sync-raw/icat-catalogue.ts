// RawDataCatalogue over ICAT (python-icat's configuration: -s SECTION, icat.cfg, ICAT_*): the
// investigation named like the proposal on an instrument named like the beamline, chosen among
// several as pyicat-plus's _select_investigation does in outline (reference §3.3: closed-ended
// slot containing the date, highest id; else any containing it; else the nearest start). The full
// algorithm lives in the ICAT+ client (@catkit/icat-plus) and replaces this once wired.
import type { IcatClient } from "@catkit/icat";
import { jpqlLiteral } from "@catkit/icat";
import { beamlineDirs } from "./layout.js";
import type { RawDataCatalogue, RegisteredDataset } from "./catalogue.js";
import type { InvestigationInfo } from "./model.js";

interface Row {
  id: number;
  name: string;
  startDate?: Date | string | null;
  endDate?: Date | string | null;
}

const iso = (d: Date | string | null | undefined): string | undefined => (d == null ? undefined : d instanceof Date ? d.toISOString() : d);

/**
 * Picks the investigation of a date among candidates.
 *
 * @example
 * ```ts
 * selectInvestigation([{ id: 1, name: "X", startDate: "2024-03-01T08:00:00Z" }], new Date("2024-03-02"));
 * ```
 */
export function selectInvestigation(rows: readonly Row[], date: Date): Row | undefined {
  const t = date.getTime();
  const started = rows.filter((r) => r.startDate != null).sort((a, b) => a.id - b.id);
  const start = (r: Row) => new Date(iso(r.startDate) ?? 0).getTime();
  const end = (r: Row) => (r.endDate == null ? Infinity : new Date(iso(r.endDate) ?? 0).getTime());
  const containing = started.filter((r) => start(r) <= t && t <= end(r));
  const closed = containing.filter((r) => r.endDate != null);
  if (closed.length) return closed.at(-1);
  if (containing.length) return containing.at(-1);
  return [...started].sort((a, b) => Math.abs(start(a) - t) - Math.abs(start(b) - t) || b.id - a.id)[0];
}

/**
 * The ICAT-backed catalogue.
 *
 * @example
 * ```ts
 * const catalogue = icatRawDataCatalogue(icat);
 * const inv = await catalogue.investigation("id00", "id002207", new Date());
 * ```
 */
export function icatRawDataCatalogue(icat: IcatClient): RawDataCatalogue {
  return {
    async investigation(beamline, proposal, date): Promise<InvestigationInfo | undefined> {
      const names = [proposal, proposal.toUpperCase()].map((n) => jpqlLiteral(n)).join(", ");
      const instruments = beamlineDirs(beamline).flatMap((b) => [b, b.toUpperCase()]).map((n) => jpqlLiteral(n)).join(", ");
      const query = `SELECT DISTINCT i FROM Investigation i JOIN i.investigationInstruments ii WHERE i.name IN (${names}) AND ii.instrument.name IN (${instruments})`;
      const rows = (await icat.search(query)) as Row[];
      const chosen = selectInvestigation(rows, date);
      if (!chosen) return undefined;
      const startDate = iso(chosen.startDate);
      const endDate = iso(chosen.endDate);
      return { id: chosen.id, name: chosen.name, ...(startDate ? { startDate } : {}), ...(endDate ? { endDate } : {}) };
    },
    async registeredDatasets(investigationId): Promise<RegisteredDataset[]> {
      const datasets = (await icat.search(`SELECT ds.id, ds.location FROM Dataset ds WHERE ds.investigation.id = ${investigationId} AND ds.location IS NOT NULL`)) as [number, string][];
      const counts = (await icat.search(
        `SELECT df.dataset.id, COUNT(df) FROM Datafile df WHERE df.dataset.investigation.id = ${investigationId} GROUP BY df.dataset.id`,
      )) as [number, number][];
      const byId = new Map(counts.map(([id, n]) => [id, Number(n)]));
      return datasets.map(([id, location]) => ({ id, location, fileCount: byId.get(id) ?? 0 }));
    },
    close: () => icat.close(),
  };
}
