// ICAT 6.2 entity interfaces: data-publication.
// Fields as in icat.server src/main/java/org/icatproject/core/entity/*.java (sorted by name,
// as icat.server writes them); every field is optional because ICAT omits nulls and
// relations are only present when INCLUDEd.
import type { EntityBase } from "../entity-base.js";
import type { DataCollection } from "./data-collection.js";
import type { Facility } from "./facility.js";
import type { FundingReference } from "./study-funding.js";
import type { User } from "./users.js";

/**
 * A published data collection (e.g. with a DOI), per facility.
 *
 * @example
 * ```ts
 * const x: DataPublication = { content: { id: 1 }, facility: { id: 2 }, pid: "example" };
 * ```
 */
export interface DataPublication extends EntityBase {
  content?: DataCollection;
  dates?: DataPublicationDate[];
  description?: string;
  facility?: Facility;
  fundingReferences?: DataPublicationFunding[];
  internalId?: string;
  pid?: string;
  publicationDate?: Date;
  relatedItems?: RelatedItem[];
  subject?: string;
  subjects?: Subject[];
  title?: string;
  type?: DataPublicationType;
  users?: DataPublicationUser[];
}

/**
 * A kind of data publication, per facility.
 *
 * @example
 * ```ts
 * const x: DataPublicationType = { facility: { id: 1 }, name: "example" };
 * ```
 */
export interface DataPublicationType extends EntityBase {
  dataPublications?: DataPublication[];
  description?: string;
  facility?: Facility;
  name?: string;
}

/**
 * A dated event (e.g. "Issued") of a data publication.
 *
 * @example
 * ```ts
 * const x: DataPublicationDate = { date: "2024-01-01", dateType: "Issued", publication: { id: 3 } };
 * ```
 */
export interface DataPublicationDate extends EntityBase {
  date?: string;
  dateType?: string;
  publication?: DataPublication;
}

/**
 * A creator or contributor of a data publication.
 *
 * @example
 * ```ts
 * const x: DataPublicationUser = { contributorType: "Creator", publication: { id: 2 }, user: { id: 3 } };
 * ```
 */
export interface DataPublicationUser extends EntityBase {
  affiliations?: Affiliation[];
  contributorType?: string;
  email?: string;
  familyName?: string;
  fullName?: string;
  givenName?: string;
  orderKey?: string;
  publication?: DataPublication;
  user?: User;
}

/**
 * Links a funding reference to a data publication.
 *
 * @example
 * ```ts
 * const x: DataPublicationFunding = { dataPublication: { id: 1 }, funding: { id: 2 } };
 * ```
 */
export interface DataPublicationFunding extends EntityBase {
  dataPublication?: DataPublication;
  funding?: FundingReference;
}

/**
 * An affiliation of a data publication creator or contributor.
 *
 * @example
 * ```ts
 * const x: Affiliation = { name: "example", user: { id: 2 } };
 * ```
 */
export interface Affiliation extends EntityBase {
  fullReference?: string;
  name?: string;
  pid?: string;
  user?: DataPublicationUser;
}

/**
 * An item (identified by e.g. a DOI) related to a data publication.
 *
 * @example
 * ```ts
 * const x: RelatedItem = { identifier: "example", publication: { id: 2 }, relationType: "example" };
 * ```
 */
export interface RelatedItem extends EntityBase {
  fullReference?: string;
  identifier?: string;
  publication?: DataPublication;
  relatedItemType?: string;
  relationType?: string;
  title?: string;
}

/**
 * A subject (keyword or classification) of a data publication.
 *
 * @example
 * ```ts
 * const x: Subject = { dataPublication: { id: 1 }, name: "example" };
 * ```
 */
export interface Subject extends EntityBase {
  classificationCode?: string;
  dataPublication?: DataPublication;
  name?: string;
  pid?: string;
  schemeURI?: string;
  subjectScheme?: string;
  valueURI?: string;
}
