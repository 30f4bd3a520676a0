// ICAT 6.2 entity interfaces: data-collection.
// Fields as in icat.server src/main/java/org/icatproject/core/entity/*.java (sorted by name,
// as icat.server writes them); every field is optional because ICAT omits nulls and
// relations are only present when INCLUDEd.
import type { EntityBase } from "../entity-base.js";
import type { DataPublication } from "./data-publication.js";
import type { Datafile, Dataset } from "./dataset.js";
import type { Facility } from "./facility.js";
import type { Investigation } from "./investigation.js";
import type { DataCollectionParameter } from "./parameters.js";

/**
 * An arbitrary collection of datasets, datafiles and investigations.
 *
 * @example
 * ```ts
 * const x: DataCollection = { doi: "example" };
 * ```
 */
export interface DataCollection extends EntityBase {
  dataCollectionDatafiles?: DataCollectionDatafile[];
  dataCollectionDatasets?: DataCollectionDataset[];
  dataCollectionInvestigations?: DataCollectionInvestigation[];
  dataPublications?: DataPublication[];
  doi?: string;
  jobsAsInput?: Job[];
  jobsAsOutput?: Job[];
  parameters?: DataCollectionParameter[];
}

/**
 * Puts a dataset into a data collection.
 *
 * @example
 * ```ts
 * const x: DataCollectionDataset = { dataCollection: { id: 1 }, dataset: { id: 2 } };
 * ```
 */
export interface DataCollectionDataset extends EntityBase {
  dataCollection?: DataCollection;
  dataset?: Dataset;
}

/**
 * Puts a datafile into a data collection.
 *
 * @example
 * ```ts
 * const x: DataCollectionDatafile = { dataCollection: { id: 1 }, datafile: { id: 2 } };
 * ```
 */
export interface DataCollectionDatafile extends EntityBase {
  dataCollection?: DataCollection;
  datafile?: Datafile;
}

/**
 * Puts an investigation into a data collection.
 *
 * @example
 * ```ts
 * const x: DataCollectionInvestigation = { dataCollection: { id: 1 }, investigation: { id: 2 } };
 * ```
 */
export interface DataCollectionInvestigation extends EntityBase {
  dataCollection?: DataCollection;
  investigation?: Investigation;
}

/**
 * A software application (name and version), per facility.
 *
 * @example
 * ```ts
 * const x: Application = { facility: { id: 1 }, name: "example", version: "example" };
 * ```
 */
export interface Application extends EntityBase {
  facility?: Facility;
  jobs?: Job[];
  name?: string;
  version?: string;
}

/**
 * A run of an application with input and output data collections.
 *
 * @example
 * ```ts
 * const x: Job = { application: { id: 1 } };
 * ```
 */
export interface Job extends EntityBase {
  application?: Application;
  arguments?: string;
  inputDataCollection?: DataCollection;
  outputDataCollection?: DataCollection;
}
