// How an ICAT session goes on IDS requests, and how IDS says that session is gone. IDS has no
// SESSION code of its own: ICAT's SESSION becomes 403 InsufficientPrivilegesException with
// ICAT's message ("Unable to find user by sessionid: …", "Session id:… has expired") (ids.server
// DataSelection.java, IdsBean.java getServiceStatus). A renewable credential (an ICAT login)
// is then asked for a new session and the request is sent once more.
import { peekBody, tokenAs, type ApplyToken, type CatkitResponse } from "@catkit/core";
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

const SESSION_GONE = /sessionid|session id|session.*expired/i;

/**
 * Recognises IDS's answer to an unknown or expired ICAT session, leaving the body readable.
 *
 * @example
 * ```ts
 * const { failed, response: again } = await isIdsSessionFailure(response);
 * ```
 */
export async function isIdsSessionFailure(response: CatkitResponse): Promise<{ failed: boolean; response: CatkitResponse }> {
  if (response.status !== 403) return { failed: false, response };
  const peeked = await peekBody(response, 16 * 1024);
  const text = peeked.bytes.toString("utf8");
  const failed = text.includes("InsufficientPrivilegesException") && SESSION_GONE.test(text);
  return { failed, response: peeked.response };
}
