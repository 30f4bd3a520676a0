// Field metadata of the data-collection entities (icat.server 6.2, core/entity/*.java):
// NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints)
// in their declared column order, one-to-many `mappedBy` from @OneToMany.
import type { ModelGroup } from "./model-source.ts";

/**
 * The data collection entities of ICAT 6.2, keyed by entity name.
 *
 * @example
 * ```ts
 * Object.keys(dataCollection); // ["DataCollection", "DataCollectionDataset", …]
 * ```
 */
export const dataCollection = {
  DataCollection: {
    doc: "An arbitrary collection of datasets, datafiles and investigations.",
    uniqueKey: [],
    fields: {
      dataCollectionDatafiles: { many: "DataCollectionDatafile", mappedBy: "dataCollection" },
      dataCollectionDatasets: { many: "DataCollectionDataset", mappedBy: "dataCollection" },
      dataCollectionInvestigations: { many: "DataCollectionInvestigation", mappedBy: "dataCollection" },
      dataPublications: { many: "DataPublication", mappedBy: "content" },
      doi: { type: "String" },
      jobsAsInput: { many: "Job", mappedBy: "inputDataCollection" },
      jobsAsOutput: { many: "Job", mappedBy: "outputDataCollection" },
      parameters: { many: "DataCollectionParameter", mappedBy: "dataCollection" },
    },
  },
  DataCollectionDataset: {
    doc: "Puts a dataset into a data collection.",
    uniqueKey: ["dataCollection", "dataset"],
    fields: {
      dataCollection: { one: "DataCollection", required: true },
      dataset: { one: "Dataset", required: true },
    },
  },
  DataCollectionDatafile: {
    doc: "Puts a datafile into a data collection.",
    uniqueKey: ["dataCollection", "datafile"],
    fields: {
      dataCollection: { one: "DataCollection", required: true },
      datafile: { one: "Datafile", required: true },
    },
  },
  DataCollectionInvestigation: {
    doc: "Puts an investigation into a data collection.",
    uniqueKey: ["dataCollection", "investigation"],
    fields: {
      dataCollection: { one: "DataCollection", required: true },
      investigation: { one: "Investigation", required: true },
    },
  },
  Application: {
    doc: "A software application (name and version), per facility.",
    uniqueKey: ["facility", "name", "version"],
    fields: {
      facility: { one: "Facility", required: true },
      jobs: { many: "Job", mappedBy: "application" },
      name: { type: "String", required: true },
      version: { type: "String", required: true },
    },
  },
  Job: {
    doc: "A run of an application with input and output data collections.",
    uniqueKey: [],
    fields: {
      application: { one: "Application", required: true },
      arguments: { type: "String" },
      inputDataCollection: { one: "DataCollection" },
      outputDataCollection: { one: "DataCollection" },
    },
  },
} satisfies ModelGroup;
