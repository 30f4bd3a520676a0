// ICAT 6.2 entity interfaces: dataset.
// Fields as in icat.server src/main/java/org/icatproject/core/entity/*.java (sorted by name,
// as icat.server writes them); every field is optional because ICAT omits nulls and
// relations are only present when INCLUDEd.
import type { EntityBase } from "../entity-base.js";
import type { DataCollectionDatafile, DataCollectionDataset } from "./data-collection.js";
import type { DatafileFormat, DatasetType, Instrument, Technique } from "./facility.js";
import type { Investigation, Sample } from "./investigation.js";
import type { DatafileParameter, DatasetParameter } from "./parameters.js";

/**
 * A set of datafiles within an investigation.
 *
 * @example
 * ```ts
 * const x: Dataset = { complete: false, investigation: { id: 2 }, name: "example" };
 * ```
 */
export interface Dataset extends EntityBase {
  complete?: boolean;
  dataCollectionDatasets?: DataCollectionDataset[];
  datafiles?: Datafile[];
  datasetInstruments?: DatasetInstrument[];
  datasetTechniques?: DatasetTechnique[];
  description?: string;
  doi?: string;
  endDate?: Date;
  fileCount?: number;
  fileSize?: number;
  investigation?: Investigation;
  location?: string;
  name?: string;
  parameters?: DatasetParameter[];
  sample?: Sample;
  startDate?: Date;
  type?: DatasetType;
}

/**
 * Links an instrument to a dataset.
 *
 * @example
 * ```ts
 * const x: DatasetInstrument = { dataset: { id: 1 }, instrument: { id: 2 } };
 * ```
 */
export interface DatasetInstrument extends EntityBase {
  dataset?: Dataset;
  instrument?: Instrument;
}

/**
 * Links a technique to a dataset.
 *
 * @example
 * ```ts
 * const x: DatasetTechnique = { dataset: { id: 1 }, technique: { id: 2 } };
 * ```
 */
export interface DatasetTechnique extends EntityBase {
  dataset?: Dataset;
  technique?: Technique;
}

/**
 * A file within a dataset; `location` is managed by IDS.
 *
 * @example
 * ```ts
 * const x: Datafile = { dataset: { id: 1 }, name: "example" };
 * ```
 */
export interface Datafile extends EntityBase {
  checksum?: string;
  dataCollectionDatafiles?: DataCollectionDatafile[];
  datafileCreateTime?: Date;
  datafileFormat?: DatafileFormat;
  datafileModTime?: Date;
  dataset?: Dataset;
  description?: string;
  destDatafiles?: RelatedDatafile[];
  doi?: string;
  fileSize?: number;
  location?: string;
  name?: string;
  parameters?: DatafileParameter[];
  sourceDatafiles?: RelatedDatafile[];
}

/**
 * A named relation (e.g. "derived from") between two datafiles.
 *
 * @example
 * ```ts
 * const x: RelatedDatafile = { destDatafile: { id: 1 }, relation: "derived", sourceDatafile: { id: 3 } };
 * ```
 */
export interface RelatedDatafile extends EntityBase {
  destDatafile?: Datafile;
  relation?: string;
  sourceDatafile?: Datafile;
}
