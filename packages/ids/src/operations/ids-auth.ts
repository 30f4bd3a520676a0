// How an ICAT session goes on IDS requests, and how IDS says that session is gone: a 403
// InsufficientPrivilegesException whose message is ICAT's SESSION text (see
// IdsInsufficientPrivilegesError.sessionInvalid). A renewable credential (an ICAT login) is then
// asked for a new session and the request is sent once more. The body is parsed once, by
// idsErrorMapper; the auth policy hands its typed error here.
import { tokenAs, type ApplyToken } from "@catkit/core";
import { IdsInsufficientPrivilegesError } from "../errors/ids-error.js";
import { assertSessionId } from "../validation.js";

const placeSession = tokenAs.sessionParam("sessionId");

/**
 * Puts the session id on a request (query or form field) after checking it is a lowercase
 * UUID, so a wrong credential fails here instead of as IDS's 400.
 *
 * @example
 * ```ts
 * createClientContext(options, { name: "catkit-ids", version, auth: { apply: applyIdsSession } });
 * ```
 */
export const applyIdsSession: ApplyToken = (request, token) => {
  assertSessionId(token);
  return placeSession(request, token);
};

/**
 * Recognises IDS's answer to an unknown or expired ICAT session in the typed error of a failed call.
 *
 * @example
 * ```ts
 * createClientContext(options, { name: "catkit-ids", version, errorMapper: idsErrorMapper, auth: { apply: applyIdsSession, isAuthFailure: isIdsSessionFailure } });
 * ```
 */
export function isIdsSessionFailure(error: unknown): boolean {
  return error instanceof IdsInsufficientPrivilegesError && error.sessionInvalid;
}
