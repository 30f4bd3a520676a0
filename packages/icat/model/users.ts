// The users entities of ICAT 6.2 (icat.server 6.2, core/entity/*.java):
// NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints)
// in their declared column order, one-to-many `mappedBy` from @OneToMany.
import type { ModelGroup } from "./model-source.ts";

/**
 * The users entities of ICAT 6.2, keyed by entity name.
 *
 * @example
 * ```ts
 * Object.keys(users); // ["User", "Grouping", …]
 * ```
 */
export const users = {
  User: {
    doc: "A person known to ICAT, identified by the authenticator-qualified `name` (e.g. `db/jdoe`).",
    uniqueKey: ["name"],
    fields: {
      affiliation: { type: "String" },
      dataPublicationUsers: { many: "DataPublicationUser", mappedBy: "user" },
      email: { type: "String" },
      familyName: { type: "String" },
      fullName: { type: "String" },
      givenName: { type: "String" },
      instrumentScientists: { many: "InstrumentScientist", mappedBy: "user" },
      investigationUsers: { many: "InvestigationUser", mappedBy: "user" },
      name: { type: "String", required: true },
      orcidId: { type: "String" },
      studies: { many: "Study", mappedBy: "user" },
      userGroups: { many: "UserGroup", mappedBy: "user" },
    },
  },
  Grouping: {
    doc: "A named group of users that authorization rules can refer to.",
    uniqueKey: ["name"],
    fields: {
      investigationGroups: { many: "InvestigationGroup", mappedBy: "grouping" },
      name: { type: "String", required: true },
      rules: { many: "Rule", mappedBy: "grouping" },
      userGroups: { many: "UserGroup", mappedBy: "grouping" },
    },
  },
  UserGroup: {
    doc: "Membership of a user in a grouping.",
    uniqueKey: ["user", "grouping"],
    fields: {
      grouping: { one: "Grouping", required: true },
      user: { one: "User", required: true },
    },
  },
  Rule: {
    doc: "An authorization rule: `crudFlags` (letters of \"CRUD\") granted on the objects selected by `what`.",
    uniqueKey: [],
    fields: {
      crudFlags: { type: "String", required: true },
      grouping: { one: "Grouping" },
      what: { type: "String", required: true },
    },
  },
  PublicStep: {
    doc: "A relationship (`origin`.`field`) that INCLUDE may follow without further read checks.",
    uniqueKey: ["origin", "field"],
    fields: {
      field: { type: "String", required: true },
      origin: { type: "String", required: true },
    },
  },
} satisfies ModelGroup;
