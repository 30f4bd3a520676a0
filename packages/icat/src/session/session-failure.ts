// How ICAT says a session is gone: code SESSION (HTTP 403). INSUFFICIENT_PRIVILEGES is 403 as
// well (icat-ids.md §1.6), so the code decides. The body is parsed once, by icatErrorMapper; the
// auth policy hands its typed error here (core's mapErrorResponse), and the caller gets that same
// error when the session cannot be renewed.
import { IcatSessionError } from "../errors/icat-error.js";

/**
 * Recognises ICAT's answer to an unknown or expired session in the typed error of a failed call.
 *
 * @example
 * ```ts
 * createClientContext(options, { name: "catkit-icat", version, errorMapper: icatErrorMapper, auth: { apply, isAuthFailure: isIcatSessionFailure } });
 * ```
 */
export function isIcatSessionFailure(error: unknown): boolean {
  return error instanceof IcatSessionError;
}
