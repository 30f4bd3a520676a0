// @catkit/ids: the IDS client. Explicit named exports only. The sandbox server lives in
// "@catkit/ids/testing" and is never loaded from here (test/import-graph.test.ts checks it).

// client
export { IdsClient } from "./ids-client.js";
export type { IdsClientOptions } from "./ids-client-options.js";
export { IDS_CLIENT_VERSION } from "./version.js";

// selections
export { DataSelection, type SelectionIds, type SelectionInput } from "./data-selection.js";
export { ICAT_ENTITY_TAG, type DataCollectionLinks, type EntityLike, type IcatEntityObject, type SelectionKey, type TaggedEntity, type WrappedEntity } from "./entity-refs.js";
export { assertPreparedId, isIdsUuid, toObjectId, type IdLike } from "./validation.js";

// errors
export { IdsErrorCode } from "./errors/ids-error-codes.js";
export {
  IdsBadRequestError,
  IdsDataNotOnlineError,
  IdsError,
  IdsInsufficientPrivilegesError,
  IdsInsufficientStorageError,
  IdsInternalError,
  IdsNotFoundError,
  IdsNotImplementedError,
  IdsRestoreFailedError,
  type IdsErrorInit,
} from "./errors/ids-error.js";
export { idsErrorMapper } from "./errors/ids-error-mapper.js";
export { IdsChecksumMismatchError, IdsDestinationError, IdsPutOutcomeUnknownError, IdsResumeLimitError, IdsRestoreTimeoutError, IdsSizeMismatchError } from "./errors/transfer-errors.js";
export { IdsIncompleteDeleteError } from "./errors/incomplete-delete-error.js";

// call options and answers
export type { CallOptions } from "./operations/ids-context.js";
export type { DataTarget } from "./operations/data-target.js";
export type { DataRequestOptions, GetDataOptions, IdsData } from "./operations/get-data.js";
export type { PrepareDataOptions } from "./operations/prepare-data.js";
export type { DataStatus, DatafileIds, ServiceStatus } from "./operations/response-schemas.js";
export type { IdsVersion } from "./operations/version.js";

// transfers
export { crc32Hex, parseCrc32 } from "./transfer/crc32.js";
export { fileNameFromContentDisposition } from "./transfer/content-disposition.js";
export type { DownloadOptions, DownloadResult } from "./transfer/download.js";
export type { DatafileRef, DownloadManyItem, DownloadManyOptions } from "./transfer/download-many.js";
export type { ExistingDatafile, PutOptions, PutResult } from "./transfer/put.js";
export { listPartialDownloads, removePartialDownloads, type PartialDownload } from "./transfer/partial-downloads.js";
export type { PutSource } from "./transfer/put-source.js";
export type { RestoreWaitOptions } from "./transfer/restore-wait.js";
export { safeSegments } from "./transfer/safe-path.js";
