// What the ingest service hands to the SciCat mirror once ICAT has a dataset: the ICAT values
// it wrote (IcatIngest's mapping of the pyicat-plus message) and the ICAT dataset id. It travels
// as JSON on the mirror queue, so a crash between the ICAT write and the SciCat write loses
// nothing: the broker keeps it until the mirror acknowledges it.
import type { DatasetMessage, IngestOutcome } from "@catkit/icat-plus/ingest";
import { z } from "zod";

/**
 * The ICAT dataset as the mirror sees it (field names are ICAT's).
 *
 * @example
 * ```ts
 * const record: IcatDatasetRecord = MirrorRecordSchema.parse(JSON.parse(body));
 * record.datasetId; // the ICAT Dataset.id
 * ```
 */
export const MirrorRecordSchema = z.object({
  /** Dataset.id */
  datasetId: z.int().positive(),
  /** Dataset.name */
  name: z.string().min(1),
  /** Dataset.location */
  location: z.string().min(1),
  /** Investigation.name (the proposal) */
  investigation: z.string().min(1),
  /** Instrument.name (the beamline) */
  instrument: z.string(),
  /** Sample.name */
  sample: z.string().optional(),
  /** Dataset.startDate, Dataset.endDate (ISO 8601) */
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  /** DatasetParameter rows: ParameterType.name and stringValue */
  parameters: z.array(z.object({ name: z.string().min(1), value: z.string() })),
});

/**
 * A parsed mirror record.
 *
 * @example
 * ```ts
 * const r: IcatDatasetRecord = { datasetId: 1, name: "ds", location: "/d", investigation: "hg123", instrument: "id00", parameters: [] };
 * ```
 */
export type IcatDatasetRecord = z.infer<typeof MirrorRecordSchema>;

/**
 * The record of a dataset message ICAT has just applied (created, or found existing on a
 * redelivery); undefined for messages that register no dataset.
 *
 * @example
 * ```ts
 * const record = mirrorRecordOf(message, { action: "created", entity: "Dataset", id: 42 });
 * ```
 */
export function mirrorRecordOf(m: { kind: string }, outcome: IngestOutcome): IcatDatasetRecord | undefined {
  if (m.kind !== "dataset" || outcome.entity !== "Dataset" || (outcome.action !== "created" && outcome.action !== "exists")) return undefined;
  const d = m as DatasetMessage;
  return {
    datasetId: outcome.id, name: d.name, location: d.location, investigation: d.proposal, instrument: d.beamline,
    ...(d.sample ? { sample: d.sample } : {}), ...(d.startDate ? { startDate: d.startDate } : {}), ...(d.endDate ? { endDate: d.endDate } : {}),
    parameters: d.parameters,
  };
}
