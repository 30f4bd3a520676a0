// ICAT 6.2 entity interfaces: users.
// Fields as in icat.server src/main/java/org/icatproject/core/entity/*.java (sorted by name,
// as icat.server writes them); every field is optional because ICAT omits nulls and
// relations are only present when INCLUDEd.
import type { EntityBase } from "../entity-base.js";
import type { DataPublicationUser } from "./data-publication.js";
import type { InstrumentScientist } from "./facility.js";
import type { InvestigationGroup, InvestigationUser } from "./investigation.js";
import type { Study } from "./study-funding.js";

/**
 * A person known to ICAT, identified by the authenticator-qualified `name` (e.g. `db/jdoe`).
 *
 * @example
 * ```ts
 * const x: User = { name: "example" };
 * ```
 */
export interface User extends EntityBase {
  affiliation?: string;
  dataPublicationUsers?: DataPublicationUser[];
  email?: string;
  familyName?: string;
  fullName?: string;
  givenName?: string;
  instrumentScientists?: InstrumentScientist[];
  investigationUsers?: InvestigationUser[];
  name?: string;
  orcidId?: string;
  studies?: Study[];
  userGroups?: UserGroup[];
}

/**
 * A named group of users that authorization rules can refer to.
 *
 * @example
 * ```ts
 * const x: Grouping = { name: "example" };
 * ```
 */
export interface Grouping extends EntityBase {
  investigationGroups?: InvestigationGroup[];
  name?: string;
  rules?: Rule[];
  userGroups?: UserGroup[];
}

/**
 * Membership of a user in a grouping.
 *
 * @example
 * ```ts
 * const x: UserGroup = { grouping: { id: 1 }, user: { id: 2 } };
 * ```
 */
export interface UserGroup extends EntityBase {
  grouping?: Grouping;
  user?: User;
}

/**
 * An authorization rule: `crudFlags` (letters of "CRUD") granted on the objects selected by `what`.
 *
 * @example
 * ```ts
 * const x: Rule = { crudFlags: "R", what: "Facility" };
 * ```
 */
export interface Rule extends EntityBase {
  crudFlags?: string;
  grouping?: Grouping;
  what?: string;
}

/**
 * A relationship (`origin`.`field`) that INCLUDE may follow without further read checks.
 *
 * @example
 * ```ts
 * const x: PublicStep = { field: "example", origin: "example" };
 * ```
 */
export interface PublicStep extends EntityBase {
  field?: string;
  origin?: string;
}
