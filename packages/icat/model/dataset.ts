// The dataset entities of ICAT 6.2 (icat.server 6.2, core/entity/*.java):
// NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints)
// in their declared column order, one-to-many `mappedBy` from @OneToMany.
import type { ModelGroup } from "./model-source.ts";

/**
 * The dataset entities of ICAT 6.2, keyed by entity name.
 *
 * @example
 * ```ts
 * Object.keys(dataset); // ["Dataset", "DatasetInstrument", …]
 * ```
 */
export const dataset = {
  Dataset: {
    doc: "A set of datafiles within an investigation.",
    uniqueKey: ["investigation", "name"],
    fields: {
      complete: { type: "Boolean", required: true },
      dataCollectionDatasets: { many: "DataCollectionDataset", mappedBy: "dataset" },
      datafiles: { many: "Datafile", mappedBy: "dataset" },
      datasetInstruments: { many: "DatasetInstrument", mappedBy: "dataset" },
      datasetTechniques: { many: "DatasetTechnique", mappedBy: "dataset" },
      description: { type: "String" },
      doi: { type: "String" },
      endDate: { type: "Date" },
      fileCount: { type: "Long" },
      fileSize: { type: "Long" },
      investigation: { one: "Investigation", required: true },
      location: { type: "String" },
      name: { type: "String", required: true },
      parameters: { many: "DatasetParameter", mappedBy: "dataset" },
      sample: { one: "Sample" },
      startDate: { type: "Date" },
      type: { one: "DatasetType", required: true },
    },
  },
  DatasetInstrument: {
    doc: "Links an instrument to a dataset.",
    uniqueKey: ["dataset", "instrument"],
    fields: {
      dataset: { one: "Dataset", required: true },
      instrument: { one: "Instrument", required: true },
    },
  },
  DatasetTechnique: {
    doc: "Links a technique to a dataset.",
    uniqueKey: ["dataset", "technique"],
    fields: {
      dataset: { one: "Dataset", required: true },
      technique: { one: "Technique", required: true },
    },
  },
  Datafile: {
    doc: "A file within a dataset; `location` is managed by IDS.",
    uniqueKey: ["dataset", "name"],
    fields: {
      checksum: { type: "String" },
      dataCollectionDatafiles: { many: "DataCollectionDatafile", mappedBy: "datafile" },
      datafileCreateTime: { type: "Date" },
      datafileFormat: { one: "DatafileFormat" },
      datafileModTime: { type: "Date" },
      dataset: { one: "Dataset", required: true },
      description: { type: "String" },
      destDatafiles: { many: "RelatedDatafile", mappedBy: "destDatafile" },
      doi: { type: "String" },
      fileSize: { type: "Long" },
      location: { type: "String" },
      name: { type: "String", required: true },
      parameters: { many: "DatafileParameter", mappedBy: "datafile" },
      sourceDatafiles: { many: "RelatedDatafile", mappedBy: "sourceDatafile" },
    },
  },
  RelatedDatafile: {
    doc: "A named relation (e.g. \"derived from\") between two datafiles.",
    uniqueKey: ["sourceDatafile", "destDatafile"],
    fields: {
      destDatafile: { one: "Datafile", required: true },
      relation: { type: "String", required: true },
      sourceDatafile: { one: "Datafile", required: true },
    },
  },
} satisfies ModelGroup;
