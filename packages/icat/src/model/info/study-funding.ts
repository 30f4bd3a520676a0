// Field metadata of the study-funding entities (icat.server 6.2, core/entity/*.java):
// NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints)
// in their declared column order, one-to-many `mappedBy` from @OneToMany.
import { att, entity, many, one } from "../info-builders.js";

/**
 * Metadata of the study-funding entities, keyed by entity name.
 *
 * @example
 * ```ts
 * studyFundingInfos.Study.uniqueKey; // []
 * ```
 */
export const studyFundingInfos = {
  Study: entity("Study", [], {
    description: att("String"),
    endDate: att("Date"),
    name: att("String", true),
    pid: att("String"),
    startDate: att("Date"),
    status: att("StudyStatus"),
    studyInvestigations: many("StudyInvestigation", "study"),
    user: one("User"),
  }),
  StudyInvestigation: entity("StudyInvestigation", ["study", "investigation"], {
    investigation: one("Investigation", true),
    study: one("Study", true),
  }),
  FundingReference: entity("FundingReference", ["funderName", "awardNumber"], {
    acknowledgement: att("String"),
    awardNumber: att("String", true),
    awardTitle: att("String"),
    funderIdentifier: att("String"),
    funderName: att("String", true),
    investigations: many("InvestigationFunding", "funding"),
    publications: many("DataPublicationFunding", "funding"),
  }),
  InvestigationFunding: entity("InvestigationFunding", ["investigation", "funding"], {
    funding: one("FundingReference", true),
    investigation: one("Investigation", true),
  }),
} as const;
