// @catkit/icat-plus/ingest: the message → ICAT mapping an ingester applies (the sandbox's, and
// catkit's server app later). Its own entry point, so that a client install never loads the ICAT
// client or the XML parser.
export { IcatIngest, type IcatIngestOptions, type IngestOutcome } from "./icat-ingest.js";
export {
  parseIngestMessage,
  type AddFilesMessage,
  type ArchiveStatusMessage,
  type DatasetMessage,
  type IngestMessage,
  type InvestigationMessage,
  type UpdateMetadataMessage,
} from "./ingest-message.js";
export { findInvestigation } from "./find-investigation.js";
export { ESRF_REFERENCE_NAMES, ReferenceData, type ReferenceNames } from "./reference-data.js";
export { countFiles } from "./count-files.js";
export { DedupeWindow } from "./dedupe-window.js";
export { datasetView, investigationView } from "./icat-plus-views.js";
export { newParcel, type IcatPlusParcel, type ParcelItem } from "./icat-plus-parcel.js";
