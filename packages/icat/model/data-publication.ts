// Field metadata of the data-publication entities (icat.server 6.2, core/entity/*.java):
// NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints)
// in their declared column order, one-to-many `mappedBy` from @OneToMany.
import type { ModelGroup } from "./model-source.ts";

/**
 * The data publication entities of ICAT 6.2, keyed by entity name.
 *
 * @example
 * ```ts
 * Object.keys(dataPublication); // ["DataPublication", "DataPublicationType", …]
 * ```
 */
export const dataPublication = {
  DataPublication: {
    doc: "A published data collection (e.g. with a DOI), per facility.",
    uniqueKey: ["facility", "pid"],
    fields: {
      content: { one: "DataCollection", required: true },
      dates: { many: "DataPublicationDate", mappedBy: "publication" },
      description: { type: "String" },
      facility: { one: "Facility", required: true },
      fundingReferences: { many: "DataPublicationFunding", mappedBy: "dataPublication" },
      internalId: { type: "String" },
      pid: { type: "String", required: true },
      publicationDate: { type: "Date" },
      relatedItems: { many: "RelatedItem", mappedBy: "publication" },
      subject: { type: "String" },
      subjects: { many: "Subject", mappedBy: "dataPublication" },
      title: { type: "String", required: true },
      type: { one: "DataPublicationType" },
      users: { many: "DataPublicationUser", mappedBy: "publication" },
    },
  },
  DataPublicationType: {
    doc: "A kind of data publication, per facility.",
    uniqueKey: ["facility", "name"],
    fields: {
      dataPublications: { many: "DataPublication", mappedBy: "type" },
      description: { type: "String" },
      facility: { one: "Facility", required: true },
      name: { type: "String", required: true },
    },
  },
  DataPublicationDate: {
    doc: "A dated event (e.g. \"Issued\") of a data publication.",
    uniqueKey: ["publication", "dateType"],
    fields: {
      date: { type: "String", required: true },
      dateType: { type: "String", required: true },
      publication: { one: "DataPublication", required: true },
    },
  },
  DataPublicationUser: {
    doc: "A creator or contributor of a data publication.",
    uniqueKey: ["publication", "user", "contributorType"],
    fields: {
      affiliations: { many: "Affiliation", mappedBy: "user" },
      contributorType: { type: "String", required: true },
      email: { type: "String" },
      familyName: { type: "String" },
      fullName: { type: "String" },
      givenName: { type: "String" },
      orderKey: { type: "String" },
      publication: { one: "DataPublication", required: true },
      user: { one: "User", required: true },
    },
  },
  DataPublicationFunding: {
    doc: "Links a funding reference to a data publication.",
    uniqueKey: ["dataPublication", "funding"],
    fields: {
      dataPublication: { one: "DataPublication", required: true },
      funding: { one: "FundingReference", required: true },
    },
  },
  Affiliation: {
    doc: "An affiliation of a data publication creator or contributor.",
    uniqueKey: ["user", "name"],
    fields: {
      fullReference: { type: "String" },
      name: { type: "String", required: true },
      pid: { type: "String" },
      user: { one: "DataPublicationUser", required: true },
    },
  },
  RelatedItem: {
    doc: "An item (identified by e.g. a DOI) related to a data publication.",
    uniqueKey: ["publication", "identifier"],
    fields: {
      fullReference: { type: "String" },
      identifier: { type: "String", required: true },
      publication: { one: "DataPublication", required: true },
      relatedItemType: { type: "String" },
      relationType: { type: "String", required: true },
      title: { type: "String" },
    },
  },
  Subject: {
    doc: "A subject (keyword or classification) of a data publication.",
    uniqueKey: ["dataPublication", "name"],
    fields: {
      classificationCode: { type: "String" },
      dataPublication: { one: "DataPublication", required: true },
      name: { type: "String", required: true },
      pid: { type: "String" },
      schemeURI: { type: "String" },
      subjectScheme: { type: "String" },
      valueURI: { type: "String" },
    },
  },
} satisfies ModelGroup;
