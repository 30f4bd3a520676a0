// Typed errors for SciCat's HTTP answers. The backend renders Nest exceptions as
// `{message, error, statusCode}` (message a string, or a list for validation failures) and the
// v3 dataset validators as `{status, message: "<JSON>"}` (backend#363); `messages` holds them
// either way, parsed.
import { HttpError, type HttpErrorInit } from "@catkit/core";
import { ScicatErrorCode } from "./scicat-error-codes.js";

/** What a SciCat HTTP error is built from. */
export interface ScicatHttpErrorInit extends Omit<HttpErrorInit, "code"> {
  /** The server's message(s), parsed from either error body shape. */
  messages?: readonly string[];
}

/**
 * SciCat answered with an error status. `messages` lists the server's messages.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof ScicatHttpError) console.error(err.status, err.messages.join("; ")); }
 * ```
 */
export class ScicatHttpError extends HttpError {
  static override readonly kind: string = "scicat.ScicatHttpError";
  readonly messages: readonly string[];
  constructor(init: ScicatHttpErrorInit, code: ScicatErrorCode = ScicatErrorCode.Server) {
    const messages = init.messages ?? [];
    super({ ...init, code: code, message: init.message ?? `${init.method} ${String(init.url)} failed with HTTP ${init.status}${messages.length ? `: ${messages.join("; ")}` : ""}` });
    this.messages = messages;
  }
  protected override details(): Record<string, unknown> {
    return { ...super.details(), messages: this.messages };
  }
}

/**
 * The dataset (or sample, proposal…) does not exist, or the public route answered 200 with an
 * empty body (unknown or unpublished), backend#1893.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof ScicatNotFoundError) return undefined; }
 * ```
 */
export class ScicatNotFoundError extends ScicatHttpError {
  static override readonly kind: string = "scicat.ScicatNotFoundError";
  constructor(init: ScicatHttpErrorInit) {
    super(init, ScicatErrorCode.NotFound);
  }
}

/**
 * SciCat refused access (403): not the owner, not in an access group, or anonymous.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof ScicatForbiddenError) console.error("log in or ask for access"); }
 * ```
 */
export class ScicatForbiddenError extends ScicatHttpError {
  static override readonly kind: string = "scicat.ScicatForbiddenError";
  constructor(init: ScicatHttpErrorInit) {
    super(init, ScicatErrorCode.Forbidden);
  }
}

/**
 * SciCat rejected the body or filter (400); `messages` lists class-validator's messages.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof ScicatBadRequestError) console.error(err.messages); }
 * ```
 */
export class ScicatBadRequestError extends ScicatHttpError {
  static override readonly kind: string = "scicat.ScicatBadRequestError";
  constructor(init: ScicatHttpErrorInit) {
    super(init, ScicatErrorCode.BadRequest);
  }
}

/**
 * SciCat refused the credentials (401), or the token expired (code SCICAT_SESSION_EXPIRED, the
 * v5 backend's `SESSION_EXPIRED`).
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof ScicatUnauthorizedError && err.code === ScicatErrorCode.SessionExpired) relogin(); }
 * ```
 */
export class ScicatUnauthorizedError extends ScicatHttpError {
  static override readonly kind: string = "scicat.ScicatUnauthorizedError";
  constructor(init: ScicatHttpErrorInit) {
    super(init, init.messages?.includes("SESSION_EXPIRED") ? ScicatErrorCode.SessionExpired : ScicatErrorCode.Unauthorized);
  }
}

/**
 * A resource with this id exists already (409), e.g. a dataset pid.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof ScicatConflictError) console.error("pid taken"); }
 * ```
 */
export class ScicatConflictError extends ScicatHttpError {
  static override readonly kind: string = "scicat.ScicatConflictError";
  constructor(init: ScicatHttpErrorInit) {
    super(init, ScicatErrorCode.Conflict);
  }
}

/**
 * The resource changed after the `If-Unmodified-Since` date (412).
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof ScicatPreconditionFailedError) reloadAndRetry(); }
 * ```
 */
export class ScicatPreconditionFailedError extends ScicatHttpError {
  static override readonly kind: string = "scicat.ScicatPreconditionFailedError";
  constructor(init: ScicatHttpErrorInit) {
    super(init, ScicatErrorCode.PreconditionFailed);
  }
}

/**
 * The JSON body exceeded the backend's MAX_FILE_UPLOAD_SIZE (413): split the file list across
 * several orig datablocks or shrink the thumbnail.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof ScicatPayloadTooLargeError) splitBlocks(); }
 * ```
 */
export class ScicatPayloadTooLargeError extends ScicatHttpError {
  static override readonly kind: string = "scicat.ScicatPayloadTooLargeError";
  constructor(init: ScicatHttpErrorInit) {
    super(init, ScicatErrorCode.PayloadTooLarge);
  }
}
