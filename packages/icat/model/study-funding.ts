// Field metadata of the study-funding entities (icat.server 6.2, core/entity/*.java):
// NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints)
// in their declared column order, one-to-many `mappedBy` from @OneToMany.
import type { ModelGroup } from "./model-source.ts";

/**
 * The study funding entities of ICAT 6.2, keyed by entity name.
 *
 * @example
 * ```ts
 * Object.keys(studyFunding); // ["Study", "StudyInvestigation", …]
 * ```
 */
export const studyFunding = {
  Study: {
    doc: "A group of related investigations.",
    uniqueKey: [],
    fields: {
      description: { type: "String" },
      endDate: { type: "Date" },
      name: { type: "String", required: true },
      pid: { type: "String" },
      startDate: { type: "Date" },
      status: { type: "StudyStatus" },
      studyInvestigations: { many: "StudyInvestigation", mappedBy: "study" },
      user: { one: "User" },
    },
  },
  StudyInvestigation: {
    doc: "Links an investigation to a study.",
    uniqueKey: ["study", "investigation"],
    fields: {
      investigation: { one: "Investigation", required: true },
      study: { one: "Study", required: true },
    },
  },
  FundingReference: {
    doc: "A grant: funder and award number.",
    uniqueKey: ["funderName", "awardNumber"],
    fields: {
      acknowledgement: { type: "String" },
      awardNumber: { type: "String", required: true },
      awardTitle: { type: "String" },
      funderIdentifier: { type: "String" },
      funderName: { type: "String", required: true },
      investigations: { many: "InvestigationFunding", mappedBy: "funding" },
      publications: { many: "DataPublicationFunding", mappedBy: "funding" },
    },
  },
  InvestigationFunding: {
    doc: "Links a funding reference to an investigation.",
    uniqueKey: ["investigation", "funding"],
    fields: {
      funding: { one: "FundingReference", required: true },
      investigation: { one: "Investigation", required: true },
    },
  },
} satisfies ModelGroup;
