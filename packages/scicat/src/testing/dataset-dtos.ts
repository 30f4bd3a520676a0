// The dataset DTOs of the backend (BE:src/datasets/dto/update-dataset.dto.ts,
// create-dataset.dto.ts, the obsolete v3 raw/derived DTOs; SDK:src/models/Create*Dto.ts).
import type { DtoSpec } from "./dto.js";

const OWNABLE: DtoSpec = {
  ownerGroup: ["nonEmptyString", true],
  accessGroups: ["stringArray", false],
  instrumentGroup: ["string", false],
};

/** UpdateDatasetDto fields (v4); all but the required ones optional. */
export const DATASET_V4_FIELDS: DtoSpec = {
  ...OWNABLE,
  owner: ["string", false],
  ownerEmail: ["email", false],
  orcidOfOwner: ["string", false],
  contactEmail: ["emailList", true],
  sourceFolder: ["nonEmptyString", true],
  sourceFolderHost: ["string", false],
  size: ["int", false],
  packedSize: ["int", false],
  numberOfFiles: ["int", false],
  numberOfFilesArchived: ["int", false],
  creationTime: ["date", true],
  validationStatus: ["string", false],
  keywords: ["stringArray", false],
  description: ["string", false],
  datasetName: ["string", true],
  classification: ["string", false],
  license: ["string", false],
  isPublished: ["boolean", false],
  techniques: ["array", false],
  sharedWith: ["stringArray", false],
  relationships: ["array", false],
  datasetlifecycle: ["object", false],
  scientificMetadata: ["object", false],
  scientificMetadataSchema: ["string", false],
  scientificMetadataValid: ["boolean", false],
  comment: ["string", false],
  dataQualityMetrics: ["number", false],
  principalInvestigators: ["stringArray", false],
  startTime: ["date", false],
  endTime: ["date", false],
  creationLocation: ["string", false],
  dataFormat: ["string", false],
  proposalIds: ["stringArray", false],
  sampleIds: ["stringArray", false],
  instrumentIds: ["stringArray", false],
  inputDatasets: ["stringArray", false],
  usedSoftware: ["stringArray", false],
  jobParameters: ["object", false],
  jobLogData: ["string", false],
  runNumber: ["string", false],
};

/** CreateDatasetDto (v4): the update fields plus `pid` and `type`. */
export const CREATE_DATASET_V4: DtoSpec = { ...DATASET_V4_FIELDS, pid: ["string", false], type: ["string", true] };

/** The v4 fields as optional, for PATCH. */
export const PATCH_DATASET_V4: DtoSpec = DATASET_V4_FIELDS;

const V3_COMMON: DtoSpec = {
  ...CREATE_DATASET_V4,
  owner: ["string", true],
  datasetName: ["string", false],
  // obsolete singular fields, converted to the v4 arrays on input
  proposalId: ["string", false],
  sampleId: ["string", false],
  instrumentId: ["string", false],
  history: ["array", false],
  // the v3 DTOs declared `version` and `createdBy` etc. as read-only output; they are rejected
};

/** CreateRawDatasetObsoleteDto. */
export const CREATE_RAW_V3: DtoSpec = {
  ...V3_COMMON,
  principalInvestigator: ["string", true],
  creationLocation: ["string", true],
};

/** CreateDerivedDatasetObsoleteDto. */
export const CREATE_DERIVED_V3: DtoSpec = {
  ...V3_COMMON,
  investigator: ["string", true],
  inputDatasets: ["stringArray", true],
  usedSoftware: ["stringArray", true],
};

/** Partial v3 update (either type's fields). */
export const PATCH_DATASET_V3: DtoSpec = { ...CREATE_RAW_V3, ...CREATE_DERIVED_V3 };
