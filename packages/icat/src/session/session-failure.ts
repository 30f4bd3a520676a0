// How ICAT says a session is gone: HTTP 403 with code SESSION. INSUFFICIENT_PRIVILEGES is 403 as
// well (icat-ids.md §1.6), so the body decides; it is peeked at, not consumed, so the caller
// still gets the whole error when the session cannot be renewed.
import { peekBody, type CatkitResponse } from "@catkit/core";

/**
 * Recognises ICAT's answer to an unknown or expired session, leaving the body readable.
 *
 * @example
 * ```ts
 * createClientContext(options, { name: "catkit-icat", version, auth: { apply, isAuthFailure: isIcatSessionFailure } });
 * ```
 */
export async function isIcatSessionFailure(response: CatkitResponse): Promise<{ failed: boolean; response: CatkitResponse }> {
  if (response.status !== 403) return { failed: false, response };
  const peeked = await peekBody(response, 16 * 1024);
  let failed = false;
  try {
    const body = JSON.parse(peeked.bytes.toString("utf8")) as { code?: unknown };
    failed = body.code === "SESSION";
  } catch {
    // Not ICAT's JSON (a proxy's page): not a session failure.
  }
  return { failed, response: peeked.response };
}
