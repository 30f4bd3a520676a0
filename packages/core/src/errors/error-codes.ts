// The one registry of catkit error codes. Every error catkit throws carries one of these codes,
// so callers (and the CLI's exit codes, and the server's status mapping) switch on `err.code`
// instead of on message text. Protocol packages add their codes here, not in their own files,
// so that one table covers everything (fastify's FST_ERR_* registry is the model).

/**
 * Every error code catkit uses.
 *
 * @example
 * ```ts
 * import { CatkitErrorCode, isCatkitError } from "@catkit/core";
 * try { await ids.getData(selection); }
 * catch (err) { if (isCatkitError(err) && err.code === CatkitErrorCode.IdsDataNotOnline) { … } }
 * ```
 */
export const CatkitErrorCode = {
  // transport and core
  Http: "CATKIT_HTTP",
  Network: "CATKIT_NETWORK",
  Timeout: "CATKIT_TIMEOUT",
  Aborted: "CATKIT_ABORTED",
  Auth: "CATKIT_AUTH",
  TokenExpired: "CATKIT_TOKEN_EXPIRED",
  ResponseValidation: "CATKIT_RESPONSE_VALIDATION",
  ResponseTooLarge: "CATKIT_RESPONSE_TOO_LARGE",
  InvalidArgument: "CATKIT_INVALID_ARGUMENT",
  Config: "CATKIT_CONFIG",
  Unexpected: "CATKIT_UNEXPECTED",
  // IDS (ids.server exception names, plus client-side checks)
  IdsBadRequest: "IDS_BAD_REQUEST",
  IdsInsufficientPrivileges: "IDS_INSUFFICIENT_PRIVILEGES",
  IdsNotFound: "IDS_NOT_FOUND",
  IdsInternal: "IDS_INTERNAL",
  IdsInsufficientStorage: "IDS_INSUFFICIENT_STORAGE",
  IdsNotImplemented: "IDS_NOT_IMPLEMENTED",
  IdsDataNotOnline: "IDS_DATA_NOT_ONLINE",
  IdsChecksumMismatch: "IDS_CHECKSUM_MISMATCH",
  IdsSizeMismatch: "IDS_SIZE_MISMATCH",
  IdsRestoreFailed: "IDS_RESTORE_FAILED",
  IdsRestoreTimeout: "IDS_RESTORE_TIMEOUT",
  // ICAT (icat.server IcatException types, plus client-side checks)
  IcatBadParameter: "ICAT_BAD_PARAMETER",
  IcatInternal: "ICAT_INTERNAL",
  IcatInsufficientPrivileges: "ICAT_INSUFFICIENT_PRIVILEGES",
  IcatNoSuchObjectFound: "ICAT_NO_SUCH_OBJECT_FOUND",
  IcatObjectAlreadyExists: "ICAT_OBJECT_ALREADY_EXISTS",
  IcatSession: "ICAT_SESSION",
  IcatValidation: "ICAT_VALIDATION",
  IcatNotImplemented: "ICAT_NOT_IMPLEMENTED",
  IcatSearchAssertion: "ICAT_SEARCH_ASSERTION",
  IcatQuery: "ICAT_QUERY",
} as const;

/** One of the {@link CatkitErrorCode} values. */
export type CatkitErrorCode = (typeof CatkitErrorCode)[keyof typeof CatkitErrorCode];

/**
 * What each code means, for documentation, `--help` output and logs.
 *
 * @example
 * ```ts
 * errorCodeDescriptions[CatkitErrorCode.Timeout]; // "a connect, headers, body or overall timeout elapsed"
 * ```
 */
export const errorCodeDescriptions: Readonly<Record<CatkitErrorCode, string>> = {
  CATKIT_HTTP: "the server answered with an HTTP error status",
  CATKIT_NETWORK: "the connection failed or broke (refused, reset, DNS, closed mid-body)",
  CATKIT_TIMEOUT: "a connect, headers, body or overall timeout elapsed",
  CATKIT_ABORTED: "the caller aborted the operation through its AbortSignal",
  CATKIT_AUTH: "authentication failed or no valid credential is available",
  CATKIT_TOKEN_EXPIRED: "the bearer token is expired or about to expire",
  CATKIT_RESPONSE_VALIDATION: "the server's response did not have the expected shape",
  CATKIT_RESPONSE_TOO_LARGE: "a response that should be small exceeded its size limit",
  CATKIT_INVALID_ARGUMENT: "an argument was rejected before any request was sent",
  CATKIT_CONFIG: "a configuration file, variable or flag is invalid",
  CATKIT_UNEXPECTED: "an unexpected internal error",
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
  ICAT_BAD_PARAMETER: "ICAT rejected a parameter or query (BAD_PARAMETER, HTTP 400)",
  ICAT_INTERNAL: "ICAT failed internally (INTERNAL, HTTP 500)",
  ICAT_INSUFFICIENT_PRIVILEGES: "ICAT authorization rules refused the operation (INSUFFICIENT_PRIVILEGES, HTTP 403)",
  ICAT_NO_SUCH_OBJECT_FOUND: "the ICAT object does not exist (NO_SUCH_OBJECT_FOUND, HTTP 404)",
  ICAT_OBJECT_ALREADY_EXISTS: "an ICAT uniqueness constraint was violated (OBJECT_ALREADY_EXISTS, HTTP 412)",
  ICAT_SESSION: "the ICAT session is missing, unknown or expired, or login failed (SESSION, HTTP 403)",
  ICAT_VALIDATION: "ICAT validation failed, e.g. more than maxEntities results (VALIDATION, HTTP 412)",
  ICAT_NOT_IMPLEMENTED: "ICAT does not implement this call (NOT_IMPLEMENTED, HTTP 501)",
  ICAT_SEARCH_ASSERTION: "a search returned fewer or more results than asserted",
  ICAT_QUERY: "a query could not be built from the given parts",
};
