// Which investigation a message belongs to, as ESRF's ingester decides: the `investigationId`
// parameter when present; else the investigation of that proposal on that beamline whose slot
// holds the start date, with a 48 h margin either side (open-ended slots never end); else a new
// open-ended investigation starting at that date (pyicat-plus investigation.py: "created by
// sending dataset or investigation messages with start dates 48h outside any official
// investigation"). Proposals containing "666" are refused, as pyicat-plus's test ingester does.
import { eq, Query, type IcatClient } from "@catkit/icat";
import { IngestError } from "../errors/icat-plus-errors.js";
import type { ReferenceData } from "./reference-data.js";

const MARGIN_MS = 48 * 3600_000;

function parseDate(text: string | undefined, what: string): Date | undefined {
  if (text === undefined || text === "") return undefined;
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) throw new IngestError(`${what} ${JSON.stringify(text)} is not a date`);
  return d;
}

/**
 * Finds (or, for a slot-less date, creates) the investigation of a message.
 *
 * @throws {IngestError} for an unknown investigationId or a refused proposal.
 * @example
 * ```ts
 * const id = await findInvestigation(icat, ref, { proposal: "hg123", beamline: "id00", startDate: "2024-03-01T10:00:00+01:00" });
 * ```
 */
export async function findInvestigation(
  icat: IcatClient,
  ref: ReferenceData,
  m: { proposal: string; beamline: string; investigationId?: string | undefined; startDate?: string | undefined; endDate?: string | undefined },
  now: () => Date = () => new Date(),
): Promise<{ id: number; created: boolean }> {
  if (m.investigationId) {
    const id = Number(m.investigationId);
    const found = Number.isSafeInteger(id) ? await icat.search(new Query("Investigation", { attributes: "id", conditions: { id: eq(id) } })) : [];
    if (found.length === 0) throw new IngestError(`no investigation has id ${m.investigationId}`);
    return { id, created: false };
  }
  if (!m.proposal || !m.beamline) throw new IngestError("the message names no proposal or no beamline");
  if (m.proposal.includes("666")) throw new IngestError(`proposal ${m.proposal} is refused (unknown to the user portal)`);
  const at = (parseDate(m.startDate, "startDate") ?? now()).getTime();
  const candidates = await icat.search(
    new Query("Investigation", {
      conditions: { name: eq(m.proposal), "investigationInstruments.instrument.name": eq(m.beamline) },
      order: ["id"],
    }),
  );
  const hit = candidates.filter((inv) => {
    const start = inv.startDate?.getTime() ?? -Infinity;
    const end = inv.endDate?.getTime() ?? Infinity;
    return start - MARGIN_MS <= at && at <= end + MARGIN_MS;
  }).at(-1);
  if (hit?.id !== undefined) return { id: hit.id, created: false };
  const [facility, type, instrument] = await Promise.all([ref.facility(), ref.investigationType(), ref.instrument(m.beamline)]);
  const start = new Date(at);
  const end = parseDate(m.endDate, "endDate");
  const id = await icat.create("Investigation", {
    name: m.proposal, visitId: `${m.beamline}-${start.toISOString()}`, title: `${m.proposal} on ${m.beamline}`,
    startDate: start, ...(end ? { endDate: end } : {}), facility: { id: facility }, type: { id: type },
    investigationInstruments: [{ instrument: { id: instrument } }],
  });
  return { id, created: true };
}
