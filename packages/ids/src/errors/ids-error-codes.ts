// The error codes of @catkit/ids: one per ids.server exception (IdsExceptionMapper's `code`), plus
// the client's own transfer checks. Registered with core at load, so describeErrorCode() knows
// them, and added to core's CatkitErrorCodeRegistry so `err.code` narrows to them.
import { registerErrorCodes } from "@catkit/core";

/**
 * Every error code @catkit/ids uses.
 *
 * @example
 * ```ts
 * import { isCatkitError } from "@catkit/core";
 * import { IdsErrorCode } from "@catkit/ids";
 * try { await ids.getData(selection); }
 * catch (err) { if (isCatkitError(err) && err.code === IdsErrorCode.DataNotOnline) await ids.restoreAndWait(selection); }
 * ```
 */
export const IdsErrorCode = registerErrorCodes(
  {
    BadRequest: "IDS_BAD_REQUEST",
    InsufficientPrivileges: "IDS_INSUFFICIENT_PRIVILEGES",
    NotFound: "IDS_NOT_FOUND",
    Internal: "IDS_INTERNAL",
    InsufficientStorage: "IDS_INSUFFICIENT_STORAGE",
    NotImplemented: "IDS_NOT_IMPLEMENTED",
    DataNotOnline: "IDS_DATA_NOT_ONLINE",
    ChecksumMismatch: "IDS_CHECKSUM_MISMATCH",
    SizeMismatch: "IDS_SIZE_MISMATCH",
    RestoreFailed: "IDS_RESTORE_FAILED",
    RestoreTimeout: "IDS_RESTORE_TIMEOUT",
    IncompleteDelete: "IDS_INCOMPLETE_DELETE",
    ResumeLimit: "IDS_RESUME_LIMIT",
    Destination: "IDS_DESTINATION",
    PutOutcomeUnknown: "IDS_PUT_OUTCOME_UNKNOWN",
  } as const,
  {
    IDS_BAD_REQUEST: "IDS rejected the request (BadRequestException, HTTP 400)",
    IDS_INSUFFICIENT_PRIVILEGES: "IDS refused access (InsufficientPrivilegesException, HTTP 403)",
    IDS_NOT_FOUND: "IDS could not find the data or prepared id (NotFoundException, HTTP 404)",
    IDS_INTERNAL: "IDS failed internally (InternalException, HTTP 500)",
    IDS_INSUFFICIENT_STORAGE: "IDS storage is full (InsufficientStorageException)",
    IDS_NOT_IMPLEMENTED: "IDS does not offer this call here (NotImplementedException, HTTP 501)",
    IDS_DATA_NOT_ONLINE: "the data is archived or busy; a restore was requested (DataNotOnlineException, HTTP 503)",
    IDS_CHECKSUM_MISMATCH: "the CRC32 computed locally differs from the server's or ICAT's",
    IDS_SIZE_MISMATCH: "the number of bytes received differs from the expected size",
    IDS_RESTORE_FAILED: "IDS reported that restoring the data from archive storage failed",
    IDS_RESTORE_TIMEOUT: "the data did not come online before the restore timeout",
    IDS_INCOMPLETE_DELETE:
      "a delete sent in several requests deleted only part of the selection, or was refused before deleting anything",
    IDS_RESUME_LIMIT: "a download gave up after its connection broke more often than maxResumes allows",
    IDS_PUT_OUTCOME_UNKNOWN: "a put lost its answer after the bytes were sent, and whether IDS created the datafile could not be settled",
    IDS_DESTINATION: "the download destination cannot be written (permissions, a file in the path, read-only or virtual file system, disk full)",
  },
);

/**
 * One of the {@link IdsErrorCode} values.
 *
 * @example
 * ```ts
 * const code: IdsErrorCode = IdsErrorCode.NotFound;
 * ```
 */
export type IdsErrorCode = (typeof IdsErrorCode)[keyof typeof IdsErrorCode];

declare module "@catkit/core" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the IDS codes
  interface CatkitErrorCodeRegistry extends Record<IdsErrorCode, true> {}
}
