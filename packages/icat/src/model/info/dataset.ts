// Field metadata of the dataset entities (icat.server 6.2, core/entity/*.java):
// NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints)
// in their declared column order, one-to-many `mappedBy` from @OneToMany.
import { att, entity, many, one } from "../info-builders.js";

/**
 * Metadata of the dataset entities, keyed by entity name.
 *
 * @example
 * ```ts
 * datasetInfos.Dataset.uniqueKey; // ['investigation', 'name']
 * ```
 */
export const datasetInfos = {
  Dataset: entity("Dataset", ["investigation", "name"], {
    complete: att("Boolean", true),
    dataCollectionDatasets: many("DataCollectionDataset", "dataset"),
    datafiles: many("Datafile", "dataset"),
    datasetInstruments: many("DatasetInstrument", "dataset"),
    datasetTechniques: many("DatasetTechnique", "dataset"),
    description: att("String"),
    doi: att("String"),
    endDate: att("Date"),
    fileCount: att("Long"),
    fileSize: att("Long"),
    investigation: one("Investigation", true),
    location: att("String"),
    name: att("String", true),
    parameters: many("DatasetParameter", "dataset"),
    sample: one("Sample"),
    startDate: att("Date"),
    type: one("DatasetType", true),
  }),
  DatasetInstrument: entity("DatasetInstrument", ["dataset", "instrument"], {
    dataset: one("Dataset", true),
    instrument: one("Instrument", true),
  }),
  DatasetTechnique: entity("DatasetTechnique", ["dataset", "technique"], {
    dataset: one("Dataset", true),
    technique: one("Technique", true),
  }),
  Datafile: entity("Datafile", ["dataset", "name"], {
    checksum: att("String"),
    dataCollectionDatafiles: many("DataCollectionDatafile", "datafile"),
    datafileCreateTime: att("Date"),
    datafileFormat: one("DatafileFormat"),
    datafileModTime: att("Date"),
    dataset: one("Dataset", true),
    description: att("String"),
    destDatafiles: many("RelatedDatafile", "destDatafile"),
    doi: att("String"),
    fileSize: att("Long"),
    location: att("String"),
    name: att("String", true),
    parameters: many("DatafileParameter", "datafile"),
    sourceDatafiles: many("RelatedDatafile", "sourceDatafile"),
  }),
  RelatedDatafile: entity("RelatedDatafile", ["sourceDatafile", "destDatafile"], {
    destDatafile: one("Datafile", true),
    relation: att("String", true),
    sourceDatafile: one("Datafile", true),
  }),
} as const;
