// Applies ingest messages to ICAT through the ICAT client — the mapping ESRF's ingester
// implements, kept free of any transport so that a production ingester (catkit's server app)
// can reuse it as is. Every write is idempotent: a dataset that already exists in its
// investigation is left alone, so a redelivered message changes nothing.
import { eq, Query, type Dataset, type DatasetParameter, type IcatClient } from "@catkit/icat";
import { IngestError } from "../errors/icat-plus-errors.js";
import { countFiles } from "./count-files.js";
import { findInvestigation } from "./find-investigation.js";
import type { DatasetMessage, IngestMessage, UpdateMetadataMessage } from "./ingest-message.js";
import { ESRF_REFERENCE_NAMES, ReferenceData, type ReferenceNames } from "./reference-data.js";

/**
 * What applying a message did.
 *
 * @example
 * ```ts
 * const outcome: IngestOutcome = { action: "created", entity: "Dataset", id: 42 };
 * ```
 */
export interface IngestOutcome {
  action: "created" | "exists" | "updated" | "checked";
  entity: "Dataset" | "Investigation";
  id: number;
}

/**
 * Options of {@link IcatIngest}.
 *
 * @example
 * ```ts
 * const o: IcatIngestOptions = { countFiles: async () => 0 };
 * ```
 */
export interface IcatIngestOptions {
  names?: ReferenceNames;
  /** Counts the files of a dataset directory (default: regular files on disk). */
  countFiles?: (location: string) => Promise<number>;
  now?: () => Date;
}

/** Parameters the message carries that are not dataset parameters in ICAT. */
const NOT_PARAMETERS = new Set(["investigationId"]);

/**
 * The message → ICAT mapping.
 *
 * @example
 * ```ts
 * const ingest = new IcatIngest(icat);
 * await ingest.apply(parseIngestMessage("xml", body));
 * ```
 */
export class IcatIngest {
  readonly #icat: IcatClient;
  readonly #ref: ReferenceData;
  readonly #count: (location: string) => Promise<number>;
  readonly #now: () => Date;

  constructor(icat: IcatClient, options: IcatIngestOptions = {}) {
    this.#icat = icat;
    this.#ref = new ReferenceData(icat, options.names ?? ESRF_REFERENCE_NAMES);
    this.#count = options.countFiles ?? countFiles;
    this.#now = options.now ?? (() => new Date());
  }

  /** Applies one message. @throws {IngestError} when it cannot be applied (dead-letter it). */
  apply(m: IngestMessage): Promise<IngestOutcome> {
    switch (m.kind) {
      case "dataset":
        return this.#dataset(m);
      case "investigation":
        return this.#investigation(m);
      case "updateMetadata":
        return this.#updateMetadata(m);
      case "addFiles":
        return this.#setParameter(m.datasetId, "__fileCount", undefined);
      case "archiveStatus":
        return this.#setParameter(m.datasetId, `__${m.type}Status`, `${m.level}${m.message ? `: ${m.message}` : ""}`);
    }
  }

  async #investigation(m: Extract<IngestMessage, { kind: "investigation" }>): Promise<IngestOutcome> {
    // reschedule_investigation: ESRF re-reads the slot from its user portal, which a sandbox has
    // not; the investigation must exist.
    const found = await findInvestigation(this.#icat, this.#ref, m, this.#now);
    return { action: found.created ? "created" : m.investigationId ? "checked" : "exists", entity: "Investigation", id: found.id };
  }

  async #dataset(m: DatasetMessage): Promise<IngestOutcome> {
    const investigationId = m.parameters.find((p) => p.name === "investigationId")?.value;
    const inv = await findInvestigation(this.#icat, this.#ref, { ...m, investigationId }, this.#now);
    const [existing] = await this.#icat.search(
      new Query("Dataset", { attributes: "id", conditions: { name: eq(m.name), "investigation.id": eq(inv.id) } }),
    );
    if (existing != null) return { action: "exists", entity: "Dataset", id: existing };
    const processed = m.parameters.some((p) => p.name === "input_datasets");
    // ICAT allows one parameter per type and dataset: a repeated name keeps its last value.
    const values = new Map(m.parameters.filter((p) => !NOT_PARAMETERS.has(p.name)).map((p) => [p.name, p.value]));
    const parameters: DatasetParameter[] = [];
    for (const [name, value] of values) parameters.push({ type: { id: await this.#ref.parameterType(name) }, stringValue: value });
    parameters.push({ type: { id: await this.#ref.parameterType("__fileCount") }, numericValue: await this.#count(m.location) });
    const dataset: Dataset = {
      name: m.name, location: m.location, complete: true, investigation: { id: inv.id },
      type: { id: await this.#ref.datasetType(processed) }, parameters,
      ...(m.startDate ? { startDate: new Date(m.startDate) } : {}),
      ...(m.endDate ? { endDate: new Date(m.endDate) } : {}),
      ...(m.sample ? { sample: { id: await this.#ref.sample(inv.id, m.sample) } } : {}),
    };
    return { action: "created", entity: "Dataset", id: await this.#icat.create("Dataset", dataset) };
  }

  /** Sets (creates or updates) one dataset parameter; `value` undefined means "re-count the files". */
  async #setParameter(datasetId: number, name: string, value: string | undefined): Promise<IngestOutcome> {
    const [ds] = await this.#icat.search(
      new Query("Dataset", { conditions: { id: eq(datasetId) }, includes: ["parameters.type"] }),
    );
    if (!ds) throw new IngestError(`no dataset has id ${datasetId}`);
    const typeId = await this.#ref.parameterType(name);
    const fields = value === undefined ? { numericValue: await this.#count(ds.location ?? "") } : { stringValue: value };
    const current = ds.parameters?.find((p) => p.type?.id === typeId);
    if (current?.id !== undefined) await this.#icat.update("DatasetParameter", { id: current.id, ...fields });
    else await this.#icat.create("DatasetParameter", { dataset: { id: datasetId }, type: { id: typeId }, ...fields });
    return { action: "updated", entity: "Dataset", id: datasetId };
  }

  async #updateMetadata(m: UpdateMetadataMessage): Promise<IngestOutcome> {
    let last = 0;
    for (const location of m.datasetPaths) {
      const [id] = await this.#icat.search(
        new Query("Dataset", {
          attributes: "id",
          conditions: { location: eq(location), "investigation.name": eq(m.proposal), "investigation.investigationInstruments.instrument.name": eq(m.beamline) },
        }),
      );
      if (id == null) throw new IngestError(`no dataset of ${m.proposal} on ${m.beamline} is at ${location}`);
      await this.#setParameter(id, m.metadataName, m.metadataValue);
      last = id;
    }
    return { action: "updated", entity: "Dataset", id: last };
  }
}
