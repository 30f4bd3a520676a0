// Field metadata of the investigation entities (icat.server 6.2, core/entity/*.java):
// NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints)
// in their declared column order, one-to-many `mappedBy` from @OneToMany.
import { att, entity, many, one } from "../info-builders.js";

/**
 * Metadata of the investigation entities, keyed by entity name.
 *
 * @example
 * ```ts
 * investigationInfos.Investigation.uniqueKey; // ['facility', 'name', 'visitId']
 * ```
 */
export const investigationInfos = {
  Investigation: entity("Investigation", ["facility", "name", "visitId"], {
    dataCollectionInvestigations: many("DataCollectionInvestigation", "investigation"),
    datasets: many("Dataset", "investigation"),
    doi: att("String"),
    endDate: att("Date"),
    facility: one("Facility", true),
    fileCount: att("Long"),
    fileSize: att("Long"),
    fundingReferences: many("InvestigationFunding", "investigation"),
    investigationFacilityCycles: many("InvestigationFacilityCycle", "investigation"),
    investigationGroups: many("InvestigationGroup", "investigation"),
    investigationInstruments: many("InvestigationInstrument", "investigation"),
    investigationUsers: many("InvestigationUser", "investigation"),
    keywords: many("Keyword", "investigation"),
    name: att("String", true),
    parameters: many("InvestigationParameter", "investigation"),
    publications: many("Publication", "investigation"),
    releaseDate: att("Date"),
    samples: many("Sample", "investigation"),
    shifts: many("Shift", "investigation"),
    startDate: att("Date"),
    studyInvestigations: many("StudyInvestigation", "investigation"),
    summary: att("String"),
    title: att("String", true),
    type: one("InvestigationType", true),
    visitId: att("String", true),
  }),
  InvestigationUser: entity("InvestigationUser", ["user", "investigation", "role"], {
    investigation: one("Investigation", true),
    role: att("String", true),
    user: one("User", true),
  }),
  InvestigationGroup: entity("InvestigationGroup", ["grouping", "investigation", "role"], {
    grouping: one("Grouping", true),
    investigation: one("Investigation", true),
    role: att("String", true),
  }),
  InvestigationInstrument: entity("InvestigationInstrument", ["investigation", "instrument"], {
    instrument: one("Instrument", true),
    investigation: one("Investigation", true),
  }),
  InvestigationFacilityCycle: entity("InvestigationFacilityCycle", ["facilityCycle", "investigation"], {
    facilityCycle: one("FacilityCycle", true),
    investigation: one("Investigation", true),
  }),
  Keyword: entity("Keyword", ["name", "investigation"], {
    investigation: one("Investigation", true),
    name: att("String", true),
  }),
  Publication: entity("Publication", [], {
    doi: att("String"),
    fullReference: att("String", true),
    investigation: one("Investigation", true),
    repository: att("String"),
    repositoryId: att("String"),
    url: att("String"),
  }),
  Shift: entity("Shift", ["investigation", "startDate", "endDate"], {
    comment: att("String"),
    endDate: att("Date", true),
    instrument: one("Instrument"),
    investigation: one("Investigation", true),
    startDate: att("Date", true),
  }),
  Sample: entity("Sample", ["investigation", "name"], {
    datasets: many("Dataset", "sample"),
    investigation: one("Investigation", true),
    name: att("String", true),
    parameters: many("SampleParameter", "sample"),
    pid: att("String"),
    type: one("SampleType"),
  }),
} as const;
