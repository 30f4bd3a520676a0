// The ICAT objects an ingester needs before it can write datasets: the facility, the
// investigation and dataset types, instruments, parameter types (created on first use) and
// samples. Found or created once, then cached by id.
import { eq, Query, type IcatClient } from "@catkit/icat";

/**
 * Names of the reference objects (ESRF's, by default).
 *
 * @example
 * ```ts
 * const names: ReferenceNames = { facility: "ESRF", investigationType: "experiment", rawDatasetType: "acquisition", processedDatasetType: "processed" };
 * ```
 */
export interface ReferenceNames {
  facility: string;
  investigationType: string;
  rawDatasetType: string;
  processedDatasetType: string;
}

/**
 * ESRF's names.
 *
 * @example
 * ```ts
 * new ReferenceData(icat, { ...ESRF_REFERENCE_NAMES, facility: "EBS" });
 * ```
 */
export const ESRF_REFERENCE_NAMES: ReferenceNames = { facility: "ESRF", investigationType: "experiment", rawDatasetType: "acquisition", processedDatasetType: "processed" };

/**
 * Find-or-create cache of reference objects.
 *
 * @example
 * ```ts
 * const ref = new ReferenceData(icat, ESRF_REFERENCE_NAMES);
 * const typeId = await ref.parameterType("Sample_name");
 * ```
 */
export class ReferenceData {
  readonly #ids = new Map<string, Promise<number>>();
  readonly #icat: IcatClient;
  readonly names: ReferenceNames;

  constructor(icat: IcatClient, names: ReferenceNames = ESRF_REFERENCE_NAMES) {
    this.#icat = icat;
    this.names = names;
  }

  #cached(key: string, make: () => Promise<number>): Promise<number> {
    let id = this.#ids.get(key);
    if (!id) {
      id = make();
      id.catch(() => this.#ids.delete(key));
      this.#ids.set(key, id);
    }
    return id;
  }

  async #findOrCreate(type: "Facility" | "InvestigationType" | "DatasetType" | "Instrument" | "ParameterType", conditions: Record<string, string>, create: () => Promise<number>): Promise<number> {
    const cond = Object.fromEntries(Object.entries(conditions).map(([k, v]) => [k, eq(v)]));
    const [id] = await this.#icat.search(new Query(type, { attributes: "id", conditions: cond }));
    return id ?? create();
  }

  facility(): Promise<number> {
    const name = this.names.facility;
    return this.#cached("facility", () => this.#findOrCreate("Facility", { name }, () => this.#icat.create("Facility", { name })));
  }

  investigationType(): Promise<number> {
    const name = this.names.investigationType;
    return this.#cached("itype", async () => {
      const facility = { id: await this.facility() };
      return this.#findOrCreate("InvestigationType", { name }, () => this.#icat.create("InvestigationType", { name, facility }));
    });
  }

  datasetType(processed: boolean): Promise<number> {
    const name = processed ? this.names.processedDatasetType : this.names.rawDatasetType;
    return this.#cached(`dtype:${name}`, async () => {
      const facility = { id: await this.facility() };
      return this.#findOrCreate("DatasetType", { name }, () => this.#icat.create("DatasetType", { name, facility }));
    });
  }

  instrument(name: string): Promise<number> {
    return this.#cached(`instrument:${name}`, async () => {
      const facility = { id: await this.facility() };
      return this.#findOrCreate("Instrument", { name }, () => this.#icat.create("Instrument", { name, fullName: name, facility }));
    });
  }

  /** A dataset parameter type; `__fileCount` is NUMERIC, everything else STRING. */
  parameterType(name: string): Promise<number> {
    return this.#cached(`ptype:${name}`, async () => {
      const facility = { id: await this.facility() };
      const valueType = name === "__fileCount" ? "NUMERIC" : "STRING";
      return this.#findOrCreate("ParameterType", { name }, () =>
        this.#icat.create("ParameterType", { name, units: "NA", valueType, applicableToDataset: true, facility }),
      );
    });
  }

  /** The sample of an investigation by name (created when missing). */
  sample(investigationId: number, name: string): Promise<number> {
    return this.#cached(`sample:${investigationId}:${name}`, async () => {
      const [id] = await this.#icat.search(
        new Query("Sample", { attributes: "id", conditions: { name: eq(name), "investigation.id": eq(investigationId) } }),
      );
      return id ?? this.#icat.create("Sample", { name, investigation: { id: investigationId } });
    });
  }
}
