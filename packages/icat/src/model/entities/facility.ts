// ICAT 6.2 entity interfaces: facility.
// Fields as in icat.server src/main/java/org/icatproject/core/entity/*.java (sorted by name,
// as icat.server writes them); every field is optional because ICAT omits nulls and
// relations are only present when INCLUDEd.
import type { EntityBase } from "../entity-base.js";
import type { Application } from "./data-collection.js";
import type { DataPublication, DataPublicationType } from "./data-publication.js";
import type { Datafile, Dataset, DatasetInstrument, DatasetTechnique } from "./dataset.js";
import type { Investigation, InvestigationFacilityCycle, InvestigationInstrument, Sample, Shift } from "./investigation.js";
import type { ParameterType } from "./parameters.js";
import type { User } from "./users.js";

/**
 * A facility (the root of most reference data).
 *
 * @example
 * ```ts
 * const x: Facility = { name: "example" };
 * ```
 */
export interface Facility extends EntityBase {
  applications?: Application[];
  dataPublicationTypes?: DataPublicationType[];
  dataPublications?: DataPublication[];
  datafileFormats?: DatafileFormat[];
  datasetTypes?: DatasetType[];
  daysUntilRelease?: number;
  description?: string;
  facilityCycles?: FacilityCycle[];
  fullName?: string;
  instruments?: Instrument[];
  investigationTypes?: InvestigationType[];
  investigations?: Investigation[];
  name?: string;
  parameterTypes?: ParameterType[];
  sampleTypes?: SampleType[];
  url?: string;
}

/**
 * A period of operation of a facility.
 *
 * @example
 * ```ts
 * const x: FacilityCycle = { facility: { id: 1 }, name: "example" };
 * ```
 */
export interface FacilityCycle extends EntityBase {
  description?: string;
  endDate?: Date;
  facility?: Facility;
  investigationFacilityCycles?: InvestigationFacilityCycle[];
  name?: string;
  startDate?: Date;
}

/**
 * An instrument (beamline) of a facility.
 *
 * @example
 * ```ts
 * const x: Instrument = { facility: { id: 1 }, name: "example" };
 * ```
 */
export interface Instrument extends EntityBase {
  datasetInstruments?: DatasetInstrument[];
  description?: string;
  endDate?: Date;
  facility?: Facility;
  fullName?: string;
  instrumentScientists?: InstrumentScientist[];
  investigationInstruments?: InvestigationInstrument[];
  name?: string;
  pid?: string;
  shifts?: Shift[];
  startDate?: Date;
  type?: string;
  url?: string;
}

/**
 * Links a user to an instrument they are responsible for.
 *
 * @example
 * ```ts
 * const x: InstrumentScientist = { instrument: { id: 1 }, user: { id: 2 } };
 * ```
 */
export interface InstrumentScientist extends EntityBase {
  instrument?: Instrument;
  user?: User;
}

/**
 * A kind of investigation (e.g. experiment, calibration), per facility.
 *
 * @example
 * ```ts
 * const x: InvestigationType = { facility: { id: 1 }, name: "example" };
 * ```
 */
export interface InvestigationType extends EntityBase {
  description?: string;
  facility?: Facility;
  investigations?: Investigation[];
  name?: string;
}

/**
 * A kind of dataset (e.g. raw, processed), per facility.
 *
 * @example
 * ```ts
 * const x: DatasetType = { facility: { id: 1 }, name: "example" };
 * ```
 */
export interface DatasetType extends EntityBase {
  datasets?: Dataset[];
  description?: string;
  facility?: Facility;
  name?: string;
}

/**
 * A file format (name and version), per facility.
 *
 * @example
 * ```ts
 * const x: DatafileFormat = { facility: { id: 1 }, name: "example", version: "example" };
 * ```
 */
export interface DatafileFormat extends EntityBase {
  datafiles?: Datafile[];
  description?: string;
  facility?: Facility;
  name?: string;
  type?: string;
  version?: string;
}

/**
 * A kind of sample, identified by name and molecular formula, per facility.
 *
 * @example
 * ```ts
 * const x: SampleType = { facility: { id: 1 }, molecularFormula: "H2O", name: "example" };
 * ```
 */
export interface SampleType extends EntityBase {
  facility?: Facility;
  molecularFormula?: string;
  name?: string;
  safetyInformation?: string;
  samples?: Sample[];
}

/**
 * An experimental technique, typically identified by a PaNET `pid`.
 *
 * @example
 * ```ts
 * const x: Technique = { name: "example" };
 * ```
 */
export interface Technique extends EntityBase {
  datasetTechniques?: DatasetTechnique[];
  description?: string;
  name?: string;
  pid?: string;
}
