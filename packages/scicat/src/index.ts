// @catkit/scicat: a SciCat client with scitacean's surface. Explicit named exports only; the
// sandbox lives in "@catkit/scicat/testing".

// high level
export { ScicatClient, type ScicatClientOptions } from "./client/scicat-client.js";
export type { GetDatasetOptions } from "./client/get-dataset.js";
export type { UploadOptions } from "./client/upload-dataset.js";
export type { DownloadFilesOptions } from "./client/download-files.js";
export { fileSelector, type FileSelector } from "./client/select-files.js";
export type { SearchOptions } from "./client/search-datasets.js";

// low level
export { ScicatApi, type ScicatApiOptions } from "./api/scicat-api.js";
export type { ApiVersion, CallOptions, ScicatCall } from "./api/api-context.js";
export type { UpdateOptions } from "./api/datasets-api.js";
export type { LoginResponse, LoginRoute } from "./api/auth-api.js";
export type { LoginStrategy } from "./client/credentials.js";
export { normalizeApiUrl } from "./api/api-url.js";

// filters
export { v3Filter, type V3Filter, type V3Where } from "./filters/v3-filter.js";
export { v4Filter, type DatasetInclude, type V4Filter, type V4Operators, type V4Where } from "./filters/v4-filter.js";

// models
export { PID } from "./pid.js";
export { Dataset, type DatasetInit } from "./models/dataset.js";
export { WIRE_NAMES, type DatasetFields } from "./models/dataset-fields.js";
export { localFile, type File } from "./models/file.js";
export type { OrigDatablock } from "./models/orig-datablock.js";
export { parseThumbnail, thumbnailBytes, thumbnailFromBytes, thumbnailToDataUri, type Attachment, type Thumbnail } from "./models/attachment.js";
export type { Proposal, Sample } from "./models/sample.js";
export { AttachmentSchema, DataFileSchema, DatasetSchema, OrigDatablockSchema, ProposalSchema, SampleSchema, UploadDatasetSchema } from "./models/wire-schemas.js";

// files and transfers
export { checksumOfFile, createChecksum, DEFAULT_CHECKSUM_ALGORITHM } from "./files/checksum.js";
export type { DownloadConnection, DownloadItem, FileTransfer, TransferOptions, UploadConnection } from "./transfer/file-transfer.js";
export { CopyFileTransfer, type CopyFileTransferOptions } from "./transfer/copy-file-transfer.js";
export { LinkFileTransfer } from "./transfer/link-file-transfer.js";
export { SelectFileTransfer } from "./transfer/select-file-transfer.js";
export { formatSourceFolder } from "./transfer/source-folder.js";

// errors
export { ScicatErrorCode } from "./errors/scicat-error-codes.js";
export {
  ScicatBadRequestError,
  ScicatConflictError,
  ScicatForbiddenError,
  ScicatHttpError,
  ScicatNotFoundError,
  ScicatPayloadTooLargeError,
  ScicatPreconditionFailedError,
  ScicatUnauthorizedError,
} from "./errors/scicat-http-errors.js";
export { DatasetUploadError, PartialUploadError, type UploadState } from "./errors/upload-errors.js";
export { ChecksumMismatchError, DatasetValidationError, FileTransferError } from "./errors/transfer-errors.js";
export { SftpFileTransfer, type SftpFileTransferOptions } from "./transfer/sftp-file-transfer.js";
export type { SftpConnectOptions } from "./transfer/sftp-session.js";
