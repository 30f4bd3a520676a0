// Field metadata of the data-collection entities (icat.server 6.2, core/entity/*.java):
// NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints)
// in their declared column order, one-to-many `mappedBy` from @OneToMany.
import { att, entity, many, one } from "../info-builders.js";

/**
 * Metadata of the data-collection entities, keyed by entity name.
 *
 * @example
 * ```ts
 * dataCollectionInfos.DataCollection.uniqueKey; // []
 * ```
 */
export const dataCollectionInfos = {
  DataCollection: entity("DataCollection", [], {
    dataCollectionDatafiles: many("DataCollectionDatafile", "dataCollection"),
    dataCollectionDatasets: many("DataCollectionDataset", "dataCollection"),
    dataCollectionInvestigations: many("DataCollectionInvestigation", "dataCollection"),
    dataPublications: many("DataPublication", "content"),
    doi: att("String"),
    jobsAsInput: many("Job", "inputDataCollection"),
    jobsAsOutput: many("Job", "outputDataCollection"),
    parameters: many("DataCollectionParameter", "dataCollection"),
  }),
  DataCollectionDataset: entity("DataCollectionDataset", ["dataCollection", "dataset"], {
    dataCollection: one("DataCollection", true),
    dataset: one("Dataset", true),
  }),
  DataCollectionDatafile: entity("DataCollectionDatafile", ["dataCollection", "datafile"], {
    dataCollection: one("DataCollection", true),
    datafile: one("Datafile", true),
  }),
  DataCollectionInvestigation: entity("DataCollectionInvestigation", ["dataCollection", "investigation"], {
    dataCollection: one("DataCollection", true),
    investigation: one("Investigation", true),
  }),
  Application: entity("Application", ["facility", "name", "version"], {
    facility: one("Facility", true),
    jobs: many("Job", "application"),
    name: att("String", true),
    version: att("String", true),
  }),
  Job: entity("Job", [], {
    application: one("Application", true),
    arguments: att("String"),
    inputDataCollection: one("DataCollection"),
    outputDataCollection: one("DataCollection"),
  }),
} as const;
