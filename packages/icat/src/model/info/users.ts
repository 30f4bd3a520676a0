// Field metadata of the users entities (icat.server 6.2, core/entity/*.java):
// NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints)
// in their declared column order, one-to-many `mappedBy` from @OneToMany.
import { att, entity, many, one } from "../info-builders.js";

/**
 * Metadata of the users entities, keyed by entity name.
 *
 * @example
 * ```ts
 * usersInfos.User.uniqueKey; // ['name']
 * ```
 */
export const usersInfos = {
  User: entity("User", ["name"], {
    affiliation: att("String"),
    dataPublicationUsers: many("DataPublicationUser", "user"),
    email: att("String"),
    familyName: att("String"),
    fullName: att("String"),
    givenName: att("String"),
    instrumentScientists: many("InstrumentScientist", "user"),
    investigationUsers: many("InvestigationUser", "user"),
    name: att("String", true),
    orcidId: att("String"),
    studies: many("Study", "user"),
    userGroups: many("UserGroup", "user"),
  }),
  Grouping: entity("Grouping", ["name"], {
    investigationGroups: many("InvestigationGroup", "grouping"),
    name: att("String", true),
    rules: many("Rule", "grouping"),
    userGroups: many("UserGroup", "grouping"),
  }),
  UserGroup: entity("UserGroup", ["user", "grouping"], {
    grouping: one("Grouping", true),
    user: one("User", true),
  }),
  Rule: entity("Rule", [], {
    crudFlags: att("String", true),
    grouping: one("Grouping"),
    what: att("String", true),
  }),
  PublicStep: entity("PublicStep", ["origin", "field"], {
    field: att("String", true),
    origin: att("String", true),
  }),
} as const;
