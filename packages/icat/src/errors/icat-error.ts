// Errors ICAT reports: its JSON body `{"code":"<TYPE>","message":"…","offset":n?}`
// (icat.server exposed/IcatExceptionMapper.java) becomes one typed class per IcatExceptionType,
// each an HttpError so that generic catkit code (CLI exit codes, server status mapping) still works.
import { CoreErrorCode, HttpError, redact, type CatkitErrorCode, type CatkitErrorOptions } from "@catkit/core";
import { quoteUrl } from "@catkit/core/internal";
import { IcatErrorCode } from "./icat-error-codes.js";

/**
 * What an {@link IcatError} is built from: the failed request and ICAT's answer.
 *
 * @example
 * ```ts
 * new IcatValidationError({ status: 412, method: "POST", url, icatCode: "VALIDATION", icatMessage: "Dataset: name cannot be null.", offset: 2 });
 * ```
 */
export interface IcatErrorInit extends CatkitErrorOptions {
  status: number;
  method: string;
  url: string;
  /** The type ICAT sent in `code`, e.g. "BAD_PARAMETER". */
  icatCode?: string | undefined;
  /** The text ICAT sent in `message`. */
  icatMessage?: string | undefined;
  /** Index of the failing element of a batch create/update/delete, when ICAT sent one. */
  offset?: number | undefined;
  /** The whole error body, for debugging. */
  body?: unknown;
}

function describe(init: IcatErrorInit, hint: string): string {
  const what = init.icatCode === undefined ? `HTTP ${init.status}` : `${init.icatCode} (HTTP ${init.status})`;
  const said = init.icatMessage ? `: ${init.icatMessage}` : "";
  const at = init.offset === undefined ? "" : ` [element ${init.offset} of the batch]`;
  return `ICAT ${init.method} ${quoteUrl(init.url)} failed with ${what}${said}${at}. ${hint}`.trim();
}

/**
 * Base class of the errors ICAT reports. `icatCode` is ICAT's type ("SESSION"…),
 * `icatMessage` its text (redacted) and `offset` the failing element of a batch write or delete;
 * `status`, `method`, `url` (redacted) and `body` come from {@link HttpError}.
 *
 * @example
 * ```ts
 * try { await icat.createMany("Datafile", files); }
 * catch (err) { if (err instanceof IcatError) console.error(err.icatCode, err.icatMessage, err.offset); }
 * ```
 */
export class IcatError extends HttpError {
  static override readonly kind: string = "catkit.IcatError";
  readonly icatCode: string | undefined;
  readonly icatMessage: string | undefined;
  readonly offset: number | undefined;

  constructor(init: IcatErrorInit, code: CatkitErrorCode = CoreErrorCode.Http, hint = "") {
    super({ ...init, code, message: describe(init, hint) });
    this.icatCode = init.icatCode;
    this.icatMessage = init.icatMessage === undefined ? undefined : redact(init.icatMessage);
    this.offset = init.offset;
  }

  protected override details(): Record<string, unknown> {
    return {
      ...super.details(),
      icatCode: this.icatCode,
      icatMessage: this.icatMessage,
      ...(this.offset === undefined ? {} : { offset: this.offset }),
    };
  }
}

/**
 * ICAT rejected a parameter (BAD_PARAMETER, HTTP 400): a query it cannot parse, an unknown
 * entity or field, a badly formatted date, a malformed JSON value.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IcatBadParameterError) console.error(err.icatMessage); }
 * ```
 */
export class IcatBadParameterError extends IcatError {
  static override readonly kind: string = "catkit.IcatBadParameterError";
  constructor(init: IcatErrorInit) {
    super(init, IcatErrorCode.BadParameter, "Check the query or the entity values sent.");
  }
}

/**
 * The session is missing, unknown or expired, or a login failed (SESSION, HTTP 403). ICAT uses
 * the same status for INSUFFICIENT_PRIVILEGES; the code tells them apart.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IcatSessionError) await icat.login("db", { username, password }); }
 * ```
 */
export class IcatSessionError extends IcatError {
  static override readonly kind: string = "catkit.IcatSessionError";
  constructor(init: IcatErrorInit) {
    super(init, IcatErrorCode.Session, "Log in again (or check the authenticator and credentials).");
  }
}

/**
 * ICAT's authorization rules refused the operation (INSUFFICIENT_PRIVILEGES, HTTP 403).
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IcatInsufficientPrivilegesError) console.error("not allowed:", err.icatMessage); }
 * ```
 */
export class IcatInsufficientPrivilegesError extends IcatError {
  static override readonly kind: string = "catkit.IcatInsufficientPrivilegesError";
  constructor(init: IcatErrorInit) {
    super(init, IcatErrorCode.InsufficientPrivileges, "The user may not do this; ask the facility for access.");
  }
}

/**
 * The object does not exist (NO_SUCH_OBJECT_FOUND, HTTP 404), e.g. a get of an unknown id.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IcatNoSuchObjectFoundError) return undefined; }
 * ```
 */
export class IcatNoSuchObjectFoundError extends IcatError {
  static override readonly kind: string = "catkit.IcatNoSuchObjectFoundError";
  constructor(init: IcatErrorInit) {
    super(init, IcatErrorCode.NoSuchObjectFound, "Check the id.");
  }
}

/**
 * A uniqueness constraint was violated (OBJECT_ALREADY_EXISTS, HTTP 412), also within one batch.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IcatObjectAlreadyExistsError) dataset = await icat.searchMatching("Dataset", dataset); }
 * ```
 */
export class IcatObjectAlreadyExistsError extends IcatError {
  static override readonly kind: string = "catkit.IcatObjectAlreadyExistsError";
  constructor(init: IcatErrorInit) {
    super(init, IcatErrorCode.ObjectAlreadyExists, "An object with the same unique key exists; search for it instead (searchMatching).");
  }
}

/**
 * ICAT validation failed (VALIDATION, HTTP 412): a required field missing, or a search that would
 * return more than `maxEntities` objects (use paginate).
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IcatValidationError) for await (const ds of icat.paginate(query)) use(ds); }
 * ```
 */
export class IcatValidationError extends IcatError {
  static override readonly kind: string = "catkit.IcatValidationError";
  constructor(init: IcatErrorInit) {
    super(init, IcatErrorCode.Validation, "Fill in the required fields, or page through large results with paginate().");
  }
}

/**
 * ICAT failed internally (INTERNAL, HTTP 500), or threw an unexpected exception.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IcatInternalError) reportToFacility(err.icatMessage); }
 * ```
 */
export class IcatInternalError extends IcatError {
  static override readonly kind: string = "catkit.IcatInternalError";
  constructor(init: IcatErrorInit) {
    super(init, IcatErrorCode.Internal, "This is a server-side failure; report it to the facility if it persists.");
  }
}

/**
 * ICAT does not implement the call (NOT_IMPLEMENTED, HTTP 501); also every unknown REST path.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IcatNotImplementedError) console.error("this ICAT is too old for that call"); }
 * ```
 */
export class IcatNotImplementedError extends IcatError {
  static override readonly kind: string = "catkit.IcatNotImplementedError";
  constructor(init: IcatErrorInit) {
    super(init, IcatErrorCode.NotImplemented, "This ICAT server does not offer this call (check its version).");
  }
}
