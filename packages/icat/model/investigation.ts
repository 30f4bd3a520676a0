// The investigation entities of ICAT 6.2 (icat.server 6.2, core/entity/*.java):
// NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints)
// in their declared column order, one-to-many `mappedBy` from @OneToMany.
import type { ModelGroup } from "./model-source.ts";

/**
 * The investigation entities of ICAT 6.2, keyed by entity name.
 *
 * @example
 * ```ts
 * Object.keys(investigation); // ["Investigation", "InvestigationUser", …]
 * ```
 */
export const investigation = {
  Investigation: {
    doc: "An investigation (proposal or experiment), unique by facility, name and visitId.",
    uniqueKey: ["facility", "name", "visitId"],
    fields: {
      dataCollectionInvestigations: { many: "DataCollectionInvestigation", mappedBy: "investigation" },
      datasets: { many: "Dataset", mappedBy: "investigation" },
      doi: { type: "String" },
      endDate: { type: "Date" },
      facility: { one: "Facility", required: true },
      fileCount: { type: "Long" },
      fileSize: { type: "Long" },
      fundingReferences: { many: "InvestigationFunding", mappedBy: "investigation" },
      investigationFacilityCycles: { many: "InvestigationFacilityCycle", mappedBy: "investigation" },
      investigationGroups: { many: "InvestigationGroup", mappedBy: "investigation" },
      investigationInstruments: { many: "InvestigationInstrument", mappedBy: "investigation" },
      investigationUsers: { many: "InvestigationUser", mappedBy: "investigation" },
      keywords: { many: "Keyword", mappedBy: "investigation" },
      name: { type: "String", required: true },
      parameters: { many: "InvestigationParameter", mappedBy: "investigation" },
      publications: { many: "Publication", mappedBy: "investigation" },
      releaseDate: { type: "Date" },
      samples: { many: "Sample", mappedBy: "investigation" },
      shifts: { many: "Shift", mappedBy: "investigation" },
      startDate: { type: "Date" },
      studyInvestigations: { many: "StudyInvestigation", mappedBy: "investigation" },
      summary: { type: "String" },
      title: { type: "String", required: true },
      type: { one: "InvestigationType", required: true },
      visitId: { type: "String", required: true },
    },
  },
  InvestigationUser: {
    doc: "Links a user to an investigation with a role.",
    uniqueKey: ["user", "investigation", "role"],
    fields: {
      investigation: { one: "Investigation", required: true },
      role: { type: "String", required: true },
      user: { one: "User", required: true },
    },
  },
  InvestigationGroup: {
    doc: "Links a grouping to an investigation with a role.",
    uniqueKey: ["grouping", "investigation", "role"],
    fields: {
      grouping: { one: "Grouping", required: true },
      investigation: { one: "Investigation", required: true },
      role: { type: "String", required: true },
    },
  },
  InvestigationInstrument: {
    doc: "Links an instrument to an investigation.",
    uniqueKey: ["investigation", "instrument"],
    fields: {
      instrument: { one: "Instrument", required: true },
      investigation: { one: "Investigation", required: true },
    },
  },
  InvestigationFacilityCycle: {
    doc: "Links a facility cycle to an investigation.",
    uniqueKey: ["facilityCycle", "investigation"],
    fields: {
      facilityCycle: { one: "FacilityCycle", required: true },
      investigation: { one: "Investigation", required: true },
    },
  },
  Keyword: {
    doc: "A keyword of an investigation.",
    uniqueKey: ["name", "investigation"],
    fields: {
      investigation: { one: "Investigation", required: true },
      name: { type: "String", required: true },
    },
  },
  Publication: {
    doc: "A publication that refers to an investigation.",
    uniqueKey: [],
    fields: {
      doi: { type: "String" },
      fullReference: { type: "String", required: true },
      investigation: { one: "Investigation", required: true },
      repository: { type: "String" },
      repositoryId: { type: "String" },
      url: { type: "String" },
    },
  },
  Shift: {
    doc: "A period of beam time of an investigation.",
    uniqueKey: ["investigation", "startDate", "endDate"],
    fields: {
      comment: { type: "String" },
      endDate: { type: "Date", required: true },
      instrument: { one: "Instrument" },
      investigation: { one: "Investigation", required: true },
      startDate: { type: "Date", required: true },
    },
  },
  Sample: {
    doc: "A sample studied in an investigation.",
    uniqueKey: ["investigation", "name"],
    fields: {
      datasets: { many: "Dataset", mappedBy: "sample" },
      investigation: { one: "Investigation", required: true },
      name: { type: "String", required: true },
      parameters: { many: "SampleParameter", mappedBy: "sample" },
      pid: { type: "String" },
      type: { one: "SampleType" },
    },
  },
} satisfies ModelGroup;
