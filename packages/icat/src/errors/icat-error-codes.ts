// The error codes of @catkit/icat: one per icat.server IcatExceptionType (the `code` of its error
// body), plus the client's own checks. Registered with core at load, so describeErrorCode() knows
// them, and added to core's CatkitErrorCodeRegistry so `err.code` narrows to them.
import { registerErrorCodes } from "@catkit/core";

/**
 * Every error code @catkit/icat uses.
 *
 * @example
 * ```ts
 * import { isCatkitError } from "@catkit/core";
 * import { IcatErrorCode } from "@catkit/icat";
 * try { await icat.create("Facility", { name: "ESRF" }); }
 * catch (err) { if (isCatkitError(err) && err.code === IcatErrorCode.ObjectAlreadyExists) console.error("exists"); }
 * ```
 */
export const IcatErrorCode = registerErrorCodes(
  {
    BadParameter: "ICAT_BAD_PARAMETER",
    Internal: "ICAT_INTERNAL",
    InsufficientPrivileges: "ICAT_INSUFFICIENT_PRIVILEGES",
    NoSuchObjectFound: "ICAT_NO_SUCH_OBJECT_FOUND",
    ObjectAlreadyExists: "ICAT_OBJECT_ALREADY_EXISTS",
    Session: "ICAT_SESSION",
    Validation: "ICAT_VALIDATION",
    NotImplemented: "ICAT_NOT_IMPLEMENTED",
    SearchAssertion: "ICAT_SEARCH_ASSERTION",
    Query: "ICAT_QUERY",
    UnknownEntity: "ICAT_UNKNOWN_ENTITY",
    DateFormat: "ICAT_DATE_FORMAT",
  } as const,
  {
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
    ICAT_UNKNOWN_ENTITY: "a name is not one of ICAT's entity types",
    ICAT_DATE_FORMAT: "a date is not in ICAT's format (yyyy-MM-dd'T'HH:mm:ss.SSSXXX)",
  },
);

/**
 * One of the {@link IcatErrorCode} values.
 *
 * @example
 * ```ts
 * const code: IcatErrorCode = IcatErrorCode.Session;
 * ```
 */
export type IcatErrorCode = (typeof IcatErrorCode)[keyof typeof IcatErrorCode];

declare module "@catkit/core" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the ICAT codes
  interface CatkitErrorCodeRegistry extends Record<IcatErrorCode, true> {}
}
