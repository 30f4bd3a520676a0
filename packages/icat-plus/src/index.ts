// @catkit/icat-plus: pyicat-plus for Node. Explicit named exports only; nothing here loads the
// sandbox or the ingester (those are in "@catkit/icat-plus/testing").

// errors
export { IcatPlusErrorCode } from "./errors/icat-plus-error-codes.js";
export { BrokerError, IngestError, InvalidMetadataError, NotConfiguredError, OutboxError } from "./errors/icat-plus-errors.js";

// message bodies
export { asFloat, PythonFloat, pythonFloatRepr, pythonNumberStr } from "./xml/python-str.js";
export { pythonIsoformat } from "./xml/python-isoformat.js";
export { pythonNormpath } from "./xml/python-normpath.js";
export { parseCliValue } from "./xml/cli-value.js";
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

// client
export { IcatPlusClient, type StoreDatasetFields, type StoreResult } from "./client/icat-plus-client.js";
export { IcatPlusNullClient } from "./client/icat-plus-null-client.js";
export { IcatPlusHttpMethods, type ElogbookOptions } from "./client/icat-plus-http-methods.js";
export { IcatPlusRestrictedMethods } from "./client/icat-plus-restricted-methods.js";
export { IcatPlusClientBase } from "./client/icat-plus-client-base.js";
export type { IcatPlusClientOptions } from "./client/icat-plus-client-options.js";
export { ICATPLUS_DEFAULTS } from "./messaging/defaults.js";
export { parseBrokerUrl, type BrokerAddress } from "./messaging/broker-address.js";
export { MESSAGE_ID_HEADER, sendHeaders } from "./messaging/stomp-lanes.js";
export type { ReconnectOptions } from "./messaging/stomp-failover.js";
export type { Delivery, FlushResult } from "./outbox/delivery.js";
export type { OutboxStatus } from "./outbox/outbox-store.js";
export { defaultOutboxDir } from "./outbox/default-outbox-dir.js";
export type { ElogbookMessageOptions, ElogbookPayload } from "./elogbook/elogbook-message.js";
export type { LookupOptions } from "./investigation/investigation-client.js";
export { selectInvestigation, type IcatPlusInvestigation, type LookupDate } from "./investigation/select-investigation.js";
export type { InvestigationInfo, RegisteredDataset } from "./investigation/investigation-info.js";

