// How the client recognises a rejected token: the v5 backend answers an expired JWT with 401
// `{"message":"SESSION_EXPIRED",…}` (BE:src/auth/guards/jwt-auth.guard.ts, commit d40cd036).
// Older backends treat it as anonymous (writes then fail with 403), which no client can tell
// apart from a real permission problem, so only the 401 triggers a re-login.
import { peekBody, type CatkitResponse } from "@catkit/core";

/** Resolves `failed: true` for a 401 whose body says SESSION_EXPIRED; leaves the body readable. */
export async function isSessionExpired(response: CatkitResponse): Promise<{ failed: boolean; response: CatkitResponse }> {
  if (response.status !== 401) return { failed: false, response };
  const { bytes, response: again } = await peekBody(response, 4096);
  return { failed: bytes.toString("utf8").includes("SESSION_EXPIRED"), response: again };
}
