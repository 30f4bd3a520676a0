// @catkit/icat-plus: pyicat-plus for Node. Explicit named exports only; nothing here loads the
// sandbox or the ingester (those are in "@catkit/icat-plus/testing").

// errors
export { IcatPlusErrorCode } from "./errors/icat-plus-error-codes.js";
export { describeIcatPlusErrorCode, registerErrorCodes } from "./errors/register-error-codes.js";
export { BrokerError, IngestError, InvalidMetadataError, NotConfiguredError, OutboxError } from "./errors/icat-plus-errors.js";

// message bodies
export { asFloat, PythonFloat, pythonFloatRepr, pythonNumberStr } from "./xml/python-str.js";
export { pythonIsoformat } from "./xml/python-isoformat.js";
export { pythonNormpath } from "./xml/python-normpath.js";
export { serializeMetadataValue, type DatasetMetadata, type MetadataScalar, type MetadataValue } from "./xml/metadata-value.js";
export { datasetXml, DEFAULT_SOFTWARE, type DatasetFields, type MessageDefaults } from "./xml/dataset-xml.js";
export { investigationXml, type InvestigationFields } from "./xml/investigation-xml.js";
export { pythonJsonDumps, type PythonJson } from "./messaging/python-json.js";
export {
  addFilesJson,
  archiveStatusJson,
  updateMetadataJson,
  type ArchiveStatusLevel,
  type ArchiveStatusType,
  type UpdateMetadataFields,
} from "./messaging/queue-bodies.js";
export { VERSION } from "./version.js";
