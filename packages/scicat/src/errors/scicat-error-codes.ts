// The error codes of @catkit/scicat: one per kind of SciCat answer a caller handles differently,
// plus the client's own checks (uploads, checksums, transfers). Registered with core at load, so
// describeErrorCode() knows them, and added to core's CatkitErrorCodeRegistry so `err.code` narrows.
import { registerErrorCodes } from "@catkit/core";

/**
 * Every error code @catkit/scicat uses.
 *
 * @example
 * ```ts
 * import { isCatkitError } from "@catkit/core";
 * import { ScicatErrorCode } from "@catkit/scicat";
 * try { await client.getDataset(pid); }
 * catch (err) { if (isCatkitError(err) && err.code === ScicatErrorCode.NotFound) console.error("no such dataset"); }
 * ```
 */
export const ScicatErrorCode = registerErrorCodes(
  {
    BadRequest: "SCICAT_BAD_REQUEST",
    Unauthorized: "SCICAT_UNAUTHORIZED",
    SessionExpired: "SCICAT_SESSION_EXPIRED",
    Forbidden: "SCICAT_FORBIDDEN",
    NotFound: "SCICAT_NOT_FOUND",
    Conflict: "SCICAT_CONFLICT",
    PreconditionFailed: "SCICAT_PRECONDITION_FAILED",
    PayloadTooLarge: "SCICAT_PAYLOAD_TOO_LARGE",
    Server: "SCICAT_SERVER",
    InvalidDataset: "SCICAT_INVALID_DATASET",
    UploadFailed: "SCICAT_UPLOAD_FAILED",
    PartialUpload: "SCICAT_PARTIAL_UPLOAD",
    ChecksumMismatch: "SCICAT_CHECKSUM_MISMATCH",
    FileExists: "SCICAT_FILE_EXISTS",
    Transfer: "SCICAT_TRANSFER",
  } as const,
  {
    SCICAT_BAD_REQUEST: "SciCat rejected the request body or filter (HTTP 400, validation messages in `details`)",
    SCICAT_UNAUTHORIZED: "SciCat refused the credentials (HTTP 401: bad username or password)",
    SCICAT_SESSION_EXPIRED: "the SciCat token expired (HTTP 401 SESSION_EXPIRED); log in again",
    SCICAT_FORBIDDEN: "SciCat refused access to the resource (HTTP 403)",
    SCICAT_NOT_FOUND: "the SciCat resource does not exist or is not visible (404, or the public route's empty 200)",
    SCICAT_CONFLICT: "a SciCat resource with this id already exists (HTTP 409)",
    SCICAT_PRECONDITION_FAILED: "the resource changed on the server since If-Unmodified-Since (HTTP 412)",
    SCICAT_PAYLOAD_TOO_LARGE: "the JSON body exceeds the backend's MAX_FILE_UPLOAD_SIZE (HTTP 413, 16 MB by default)",
    SCICAT_SERVER: "SciCat failed internally (HTTP 5xx)",
    SCICAT_INVALID_DATASET: "the dataset failed validation before anything was uploaded",
    SCICAT_UPLOAD_FAILED: "SciCat refused the dataset; the uploaded files were reverted (see `filesReverted`)",
    SCICAT_PARTIAL_UPLOAD: "the dataset exists but some orig datablocks or attachments could not be created (see `state`)",
    SCICAT_CHECKSUM_MISMATCH: "a downloaded file's checksum differs from the one recorded in SciCat; the file was removed",
    SCICAT_FILE_EXISTS: "a file transfer refused to overwrite an existing remote or local file",
    SCICAT_TRANSFER: "a file transfer failed (connection, permission, missing file)",
  },
);

/**
 * One of the {@link ScicatErrorCode} values.
 *
 * @example
 * ```ts
 * const code: ScicatErrorCode = ScicatErrorCode.NotFound;
 * ```
 */
export type ScicatErrorCode = (typeof ScicatErrorCode)[keyof typeof ScicatErrorCode];

declare module "@catkit/core" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the SciCat codes
  interface CatkitErrorCodeRegistry extends Record<ScicatErrorCode, true> {}
}
