// Field metadata of the data-publication entities (icat.server 6.2, core/entity/*.java):
// NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints)
// in their declared column order, one-to-many `mappedBy` from @OneToMany.
import { att, entity, many, one } from "../info-builders.js";

/**
 * Metadata of the data-publication entities, keyed by entity name.
 *
 * @example
 * ```ts
 * dataPublicationInfos.DataPublication.uniqueKey; // ['facility', 'pid']
 * ```
 */
export const dataPublicationInfos = {
  DataPublication: entity("DataPublication", ["facility", "pid"], {
    content: one("DataCollection", true),
    dates: many("DataPublicationDate", "publication"),
    description: att("String"),
    facility: one("Facility", true),
    fundingReferences: many("DataPublicationFunding", "dataPublication"),
    internalId: att("String"),
    pid: att("String", true),
    publicationDate: att("Date"),
    relatedItems: many("RelatedItem", "publication"),
    subject: att("String"),
    subjects: many("Subject", "dataPublication"),
    title: att("String", true),
    type: one("DataPublicationType"),
    users: many("DataPublicationUser", "publication"),
  }),
  DataPublicationType: entity("DataPublicationType", ["facility", "name"], {
    dataPublications: many("DataPublication", "type"),
    description: att("String"),
    facility: one("Facility", true),
    name: att("String", true),
  }),
  DataPublicationDate: entity("DataPublicationDate", ["publication", "dateType"], {
    date: att("String", true),
    dateType: att("String", true),
    publication: one("DataPublication", true),
  }),
  DataPublicationUser: entity("DataPublicationUser", ["publication", "user", "contributorType"], {
    affiliations: many("Affiliation", "user"),
    contributorType: att("String", true),
    email: att("String"),
    familyName: att("String"),
    fullName: att("String"),
    givenName: att("String"),
    orderKey: att("String"),
    publication: one("DataPublication", true),
    user: one("User", true),
  }),
  DataPublicationFunding: entity("DataPublicationFunding", ["dataPublication", "funding"], {
    dataPublication: one("DataPublication", true),
    funding: one("FundingReference", true),
  }),
  Affiliation: entity("Affiliation", ["user", "name"], {
    fullReference: att("String"),
    name: att("String", true),
    pid: att("String"),
    user: one("DataPublicationUser", true),
  }),
  RelatedItem: entity("RelatedItem", ["publication", "identifier"], {
    fullReference: att("String"),
    identifier: att("String", true),
    publication: one("DataPublication", true),
    relatedItemType: att("String"),
    relationType: att("String", true),
    title: att("String"),
  }),
  Subject: entity("Subject", ["dataPublication", "name"], {
    classificationCode: att("String"),
    dataPublication: one("DataPublication", true),
    name: att("String", true),
    pid: att("String"),
    schemeURI: att("String"),
    subjectScheme: att("String"),
    valueURI: att("String"),
  }),
} as const;
