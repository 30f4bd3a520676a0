// Errors IDS itself reports: its JSON body `{"code":"<ExceptionSimpleName>","message":"…"}`
// (ids.server exceptions/IdsExceptionMapper.java) becomes one typed class per exception, each an
// HttpError so that generic catkit code (CLI exit codes, server status mapping) still works.
import { CoreErrorCode, HttpError, redact, type CatkitErrorCode, type CatkitErrorOptions } from "@catkit/core";
import { quoteUrl } from "@catkit/core/internal";
import { IdsErrorCode } from "./ids-error-codes.js";

/**
 * What an {@link IdsError} is built from: the failed request and IDS's answer.
 *
 * @example
 * ```ts
 * const init: IdsErrorInit = { status: 404, method: "GET", url, idsCode: "NotFoundException", idsMessage: "Datafile 12" };
 * ```
 */
export interface IdsErrorInit extends CatkitErrorOptions {
  status: number;
  method: string;
  url: string;
  /** The exception name IDS sent in `code`, e.g. "NotFoundException". */
  idsCode?: string | undefined;
  /** The text IDS sent in `message`. */
  idsMessage?: string | undefined;
  /** The whole error body, for debugging. */
  body?: unknown;
}

function describe(init: IdsErrorInit, hint: string): string {
  const what = init.idsCode === undefined ? `HTTP ${init.status}` : `${init.idsCode} (HTTP ${init.status})`;
  const said = init.idsMessage ? `: ${init.idsMessage}` : "";
  return `IDS ${init.method} ${quoteUrl(init.url)} failed with ${what}${said}. ${hint}`;
}

/**
 * Base class of the errors IDS reports. `idsCode` is the exception name IDS sent
 * ("DataNotOnlineException"…), `idsMessage` its text (redacted); `status`, `method`, `url` (redacted) and
 * `body` come from {@link HttpError}.
 *
 * @example
 * ```ts
 * try { await ids.getData({ datafileIds: [12] }); }
 * catch (err) { if (err instanceof IdsError) console.error(err.idsCode, err.idsMessage); }
 * ```
 */
export class IdsError extends HttpError {
  static override readonly kind: string = "catkit.IdsError";
  readonly idsCode: string | undefined;
  readonly idsMessage: string | undefined;

  constructor(init: IdsErrorInit, code: CatkitErrorCode = CoreErrorCode.Http, hint = "") {
    super({ ...init, code, message: describe(init, hint).trim() });
    this.idsCode = init.idsCode;
    this.idsMessage = init.idsMessage === undefined ? undefined : redact(init.idsMessage);
  }

  protected override details(): Record<string, unknown> {
    return { ...super.details(), idsCode: this.idsCode, idsMessage: this.idsMessage };
  }
}

/**
 * IDS rejected the request (BadRequestException, HTTP 400): a malformed id list, UUID, range or
 * a missing parameter.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IdsBadRequestError) console.error(err.idsMessage); }
 * ```
 */
export class IdsBadRequestError extends IdsError {
  static override readonly kind: string = "catkit.IdsBadRequestError";
  constructor(init: IdsErrorInit) {
    super(init, IdsErrorCode.BadRequest, "Check the arguments of the call.");
  }
}

// IDS has no SESSION code of its own: ICAT's SESSION becomes 403 InsufficientPrivilegesException
// carrying ICAT's message ("Unable to find user by sessionid: …", "Session id:… has expired"),
// while a privilege failure carries another text ("<user> is not included in the ids
// rootUserNames set.", ICAT's INSUFFICIENT_PRIVILEGES message) (ids.server DataSelection.java,
// IdsBean.java getServiceStatus). The message is all that tells the two apart.
const SESSION_GONE = /sessionid|session id|session.*expired/i;

/**
 * IDS refused access (InsufficientPrivilegesException, HTTP 403). ICAT's SESSION and
 * INSUFFICIENT_PRIVILEGES both end up here (ids.server DataSelection.java); `sessionInvalid`
 * tells which, from IDS's message, and the hint follows it (log in again, or ask for access).
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IdsInsufficientPrivilegesError && err.sessionInvalid) await relogin(); }
 * ```
 */
export class IdsInsufficientPrivilegesError extends IdsError {
  static override readonly kind: string = "catkit.IdsInsufficientPrivilegesError";
  /** True when IDS's message says the ICAT session is unknown or expired, not that the user lacks a privilege. */
  readonly sessionInvalid: boolean;
  constructor(init: IdsErrorInit) {
    const sessionInvalid = SESSION_GONE.test(init.idsMessage ?? "");
    super(
      init,
      IdsErrorCode.InsufficientPrivileges,
      sessionInvalid
        ? "The ICAT session is invalid or expired: log in again."
        : "The session's user lacks the privilege for this call or data: ask the facility for access.",
    );
    this.sessionInvalid = sessionInvalid;
  }

  protected override details(): Record<string, unknown> {
    return { ...super.details(), sessionInvalid: this.sessionInvalid };
  }
}

/**
 * Data, dataset, datafile or preparedId unknown to IDS (NotFoundException, HTTP 404).
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IdsNotFoundError) console.error("no such data:", err.idsMessage); }
 * ```
 */
export class IdsNotFoundError extends IdsError {
  static override readonly kind: string = "catkit.IdsNotFoundError";
  constructor(init: IdsErrorInit) {
    super(init, IdsErrorCode.NotFound, "Check the ids (and that the datafiles have a location), or prepare the data again.");
  }
}

/**
 * IDS failed internally (InternalException, HTTP 500), or an unexpected exception
 * (RuntimeExceptionMapper also answers code "InternalException").
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IdsInternalError) reportToFacility(err.idsMessage); }
 * ```
 */
export class IdsInternalError extends IdsError {
  static override readonly kind: string = "catkit.IdsInternalError";
  constructor(init: IdsErrorInit, code: CatkitErrorCode = IdsErrorCode.Internal, hint = "This is a server-side failure; report it to the facility if it persists.") {
    super(init, code, hint);
  }
}

/**
 * A restore from archive storage failed, and IDS remembers it: getStatus and isPrepared answer
 * 500 "Restore failed" until `reset` (ids.server FiniteStateMachine.java `checkFailure`).
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IdsRestoreFailedError) { await ids.reset(selection); await ids.restore(selection); } }
 * ```
 */
export class IdsRestoreFailedError extends IdsInternalError {
  static override readonly kind: string = "catkit.IdsRestoreFailedError";
  constructor(init: IdsErrorInit) {
    super(init, IdsErrorCode.RestoreFailed, "Call reset() on the selection and restore it again (restoreAndWait does this once by itself).");
  }
}

/**
 * IDS storage is full (InsufficientStorageException; ids.server sends it with HTTP 500).
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IdsInsufficientStorageError) alertOperators(); }
 * ```
 */
export class IdsInsufficientStorageError extends IdsError {
  static override readonly kind: string = "catkit.IdsInsufficientStorageError";
  constructor(init: IdsErrorInit) {
    super(init, IdsErrorCode.InsufficientStorage, "The IDS storage is full; contact the facility.");
  }
}

/**
 * IDS does not offer the call here (NotImplementedException, HTTP 501): read-only server,
 * single-level storage for archive/restore/write, getLink disabled, or an unknown path.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IdsNotImplementedError) console.warn("not available on this IDS"); }
 * ```
 */
export class IdsNotImplementedError extends IdsError {
  static override readonly kind: string = "catkit.IdsNotImplementedError";
  constructor(init: IdsErrorInit) {
    super(
      init,
      IdsErrorCode.NotImplemented,
      "This IDS does not offer the call (read-only, single-level storage, feature disabled, or an older server).",
    );
  }
}

/**
 * The data is not online (DataNotOnlineException, HTTP 503): it is archived and IDS has queued a
 * restore, or it is locked ("Data is busy").
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IdsDataNotOnlineError) await ids.restoreAndWait(selection); }
 * ```
 */
export class IdsDataNotOnlineError extends IdsError {
  static override readonly kind: string = "catkit.IdsDataNotOnlineError";
  constructor(init: IdsErrorInit) {
    super(
      init,
      IdsErrorCode.DataNotOnline,
      "Wait for the restore with restoreAndWait(), or pass waitForRestore to getData/download.",
    );
  }
}
