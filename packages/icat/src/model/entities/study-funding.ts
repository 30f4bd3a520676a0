// ICAT 6.2 entity interfaces: study-funding.
// Fields as in icat.server src/main/java/org/icatproject/core/entity/*.java (sorted by name,
// as icat.server writes them); every field is optional because ICAT omits nulls and
// relations are only present when INCLUDEd.
import type { EntityBase } from "../entity-base.js";
import type { StudyStatus } from "../enums.js";
import type { DataPublicationFunding } from "./data-publication.js";
import type { Investigation } from "./investigation.js";
import type { User } from "./users.js";

/**
 * A group of related investigations.
 *
 * @example
 * ```ts
 * const x: Study = { name: "example" };
 * ```
 */
export interface Study extends EntityBase {
  description?: string;
  endDate?: Date;
  name?: string;
  pid?: string;
  startDate?: Date;
  status?: StudyStatus;
  studyInvestigations?: StudyInvestigation[];
  user?: User;
}

/**
 * Links an investigation to a study.
 *
 * @example
 * ```ts
 * const x: StudyInvestigation = { investigation: { id: 1 }, study: { id: 2 } };
 * ```
 */
export interface StudyInvestigation extends EntityBase {
  investigation?: Investigation;
  study?: Study;
}

/**
 * A grant: funder and award number.
 *
 * @example
 * ```ts
 * const x: FundingReference = { awardNumber: "example", funderName: "example" };
 * ```
 */
export interface FundingReference extends EntityBase {
  acknowledgement?: string;
  awardNumber?: string;
  awardTitle?: string;
  funderIdentifier?: string;
  funderName?: string;
  investigations?: InvestigationFunding[];
  publications?: DataPublicationFunding[];
}

/**
 * Links a funding reference to an investigation.
 *
 * @example
 * ```ts
 * const x: InvestigationFunding = { funding: { id: 1 }, investigation: { id: 2 } };
 * ```
 */
export interface InvestigationFunding extends EntityBase {
  funding?: FundingReference;
  investigation?: Investigation;
}
