// ICAT 6.2 entity interfaces: investigation.
// Fields as in icat.server src/main/java/org/icatproject/core/entity/*.java (sorted by name,
// as icat.server writes them); every field is optional because ICAT omits nulls and
// relations are only present when INCLUDEd.
import type { EntityBase } from "../entity-base.js";
import type { DataCollectionInvestigation } from "./data-collection.js";
import type { Dataset } from "./dataset.js";
import type { Facility, FacilityCycle, Instrument, InvestigationType, SampleType } from "./facility.js";
import type { InvestigationParameter, SampleParameter } from "./parameters.js";
import type { InvestigationFunding, StudyInvestigation } from "./study-funding.js";
import type { Grouping, User } from "./users.js";

/**
 * An investigation (proposal or experiment), unique by facility, name and visitId.
 *
 * @example
 * ```ts
 * const x: Investigation = { facility: { id: 1 }, name: "example", title: "example" };
 * ```
 */
export interface Investigation extends EntityBase {
  dataCollectionInvestigations?: DataCollectionInvestigation[];
  datasets?: Dataset[];
  doi?: string;
  endDate?: Date;
  facility?: Facility;
  fileCount?: number;
  fileSize?: number;
  fundingReferences?: InvestigationFunding[];
  investigationFacilityCycles?: InvestigationFacilityCycle[];
  investigationGroups?: InvestigationGroup[];
  investigationInstruments?: InvestigationInstrument[];
  investigationUsers?: InvestigationUser[];
  keywords?: Keyword[];
  name?: string;
  parameters?: InvestigationParameter[];
  publications?: Publication[];
  releaseDate?: Date;
  samples?: Sample[];
  shifts?: Shift[];
  startDate?: Date;
  studyInvestigations?: StudyInvestigation[];
  summary?: string;
  title?: string;
  type?: InvestigationType;
  visitId?: string;
}

/**
 * Links a user to an investigation with a role.
 *
 * @example
 * ```ts
 * const x: InvestigationUser = { investigation: { id: 1 }, role: "PI", user: { id: 3 } };
 * ```
 */
export interface InvestigationUser extends EntityBase {
  investigation?: Investigation;
  role?: string;
  user?: User;
}

/**
 * Links a grouping to an investigation with a role.
 *
 * @example
 * ```ts
 * const x: InvestigationGroup = { grouping: { id: 1 }, investigation: { id: 2 }, role: "PI" };
 * ```
 */
export interface InvestigationGroup extends EntityBase {
  grouping?: Grouping;
  investigation?: Investigation;
  role?: string;
}

/**
 * Links an instrument to an investigation.
 *
 * @example
 * ```ts
 * const x: InvestigationInstrument = { instrument: { id: 1 }, investigation: { id: 2 } };
 * ```
 */
export interface InvestigationInstrument extends EntityBase {
  instrument?: Instrument;
  investigation?: Investigation;
}

/**
 * Links a facility cycle to an investigation.
 *
 * @example
 * ```ts
 * const x: InvestigationFacilityCycle = { facilityCycle: { id: 1 }, investigation: { id: 2 } };
 * ```
 */
export interface InvestigationFacilityCycle extends EntityBase {
  facilityCycle?: FacilityCycle;
  investigation?: Investigation;
}

/**
 * A keyword of an investigation.
 *
 * @example
 * ```ts
 * const x: Keyword = { investigation: { id: 1 }, name: "example" };
 * ```
 */
export interface Keyword extends EntityBase {
  investigation?: Investigation;
  name?: string;
}

/**
 * A publication that refers to an investigation.
 *
 * @example
 * ```ts
 * const x: Publication = { fullReference: "example", investigation: { id: 2 } };
 * ```
 */
export interface Publication extends EntityBase {
  doi?: string;
  fullReference?: string;
  investigation?: Investigation;
  repository?: string;
  repositoryId?: string;
  url?: string;
}

/**
 * A period of beam time of an investigation.
 *
 * @example
 * ```ts
 * const x: Shift = { endDate: new Date("2024-01-01T00:00:00Z"), investigation: { id: 2 }, startDate: new Date("2024-01-01T00:00:00Z") };
 * ```
 */
export interface Shift extends EntityBase {
  comment?: string;
  endDate?: Date;
  instrument?: Instrument;
  investigation?: Investigation;
  startDate?: Date;
}

/**
 * A sample studied in an investigation.
 *
 * @example
 * ```ts
 * const x: Sample = { investigation: { id: 1 }, name: "example" };
 * ```
 */
export interface Sample extends EntityBase {
  datasets?: Dataset[];
  investigation?: Investigation;
  name?: string;
  parameters?: SampleParameter[];
  pid?: string;
  type?: SampleType;
}
