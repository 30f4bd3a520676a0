// ICAT 6.2 entity interfaces: parameters.
// Fields as in icat.server src/main/java/org/icatproject/core/entity/*.java (sorted by name,
// as icat.server writes them); every field is optional because ICAT omits nulls and
// relations are only present when INCLUDEd.
import type { EntityBase } from "../entity-base.js";
import type { ParameterValueType } from "../enums.js";
import type { DataCollection } from "./data-collection.js";
import type { Datafile, Dataset } from "./dataset.js";
import type { Facility } from "./facility.js";
import type { Investigation, Sample } from "./investigation.js";

/**
 * Describes a parameter: name, units, value type and where it applies.
 *
 * @example
 * ```ts
 * const x: ParameterType = { facility: { id: 1 }, name: "example", units: "K" };
 * ```
 */
export interface ParameterType extends EntityBase {
  applicableToDataCollection?: boolean;
  applicableToDatafile?: boolean;
  applicableToDataset?: boolean;
  applicableToInvestigation?: boolean;
  applicableToSample?: boolean;
  dataCollectionParameters?: DataCollectionParameter[];
  datafileParameters?: DatafileParameter[];
  datasetParameters?: DatasetParameter[];
  description?: string;
  enforced?: boolean;
  facility?: Facility;
  investigationParameters?: InvestigationParameter[];
  maximumNumericValue?: number;
  minimumNumericValue?: number;
  name?: string;
  permissibleStringValues?: PermissibleStringValue[];
  pid?: string;
  sampleParameters?: SampleParameter[];
  units?: string;
  unitsFullName?: string;
  valueType?: ParameterValueType;
  verified?: boolean;
}

/**
 * One allowed value of an enforced STRING parameter type.
 *
 * @example
 * ```ts
 * const x: PermissibleStringValue = { type: { id: 1 }, value: "example" };
 * ```
 */
export interface PermissibleStringValue extends EntityBase {
  type?: ParameterType;
  value?: string;
}

/**
 * The fields shared by the five concrete parameter entities (icat.server's abstract
 * `Parameter`): the type and one of the value fields chosen by `type.valueType`.
 * `Parameter` is not itself an entity: it cannot be queried or written.
 *
 * @example
 * ```ts
 * const p: Parameter = { type: { id: 7 }, numericValue: 273.15 };
 * ```
 */
export interface Parameter extends EntityBase {
  dateTimeValue?: Date;
  error?: number;
  numericValue?: number;
  rangeBottom?: number;
  rangeTop?: number;
  stringValue?: string;
  type?: ParameterType;
}

/**
 * A parameter value attached to an investigation.
 *
 * @example
 * ```ts
 * const x: InvestigationParameter = { investigation: { id: 1 }, type: { id: 2 } };
 * ```
 */
export interface InvestigationParameter extends Parameter {
  investigation?: Investigation;
}

/**
 * A parameter value attached to a dataset.
 *
 * @example
 * ```ts
 * const x: DatasetParameter = { dataset: { id: 1 }, type: { id: 2 } };
 * ```
 */
export interface DatasetParameter extends Parameter {
  dataset?: Dataset;
}

/**
 * A parameter value attached to a datafile.
 *
 * @example
 * ```ts
 * const x: DatafileParameter = { datafile: { id: 1 }, type: { id: 2 } };
 * ```
 */
export interface DatafileParameter extends Parameter {
  datafile?: Datafile;
}

/**
 * A parameter value attached to a sample.
 *
 * @example
 * ```ts
 * const x: SampleParameter = { sample: { id: 1 }, type: { id: 2 } };
 * ```
 */
export interface SampleParameter extends Parameter {
  sample?: Sample;
}

/**
 * A parameter value attached to a data collection.
 *
 * @example
 * ```ts
 * const x: DataCollectionParameter = { dataCollection: { id: 1 }, type: { id: 2 } };
 * ```
 */
export interface DataCollectionParameter extends Parameter {
  dataCollection?: DataCollection;
}
