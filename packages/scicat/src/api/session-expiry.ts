// How the client recognises a rejected token: the v5 backend answers an expired JWT with 401
// `{"message":"SESSION_EXPIRED",…}` (BE:src/auth/guards/jwt-auth.guard.ts, commit d40cd036).
// Older backends treat it as anonymous (writes then fail with 403), which no client can tell
// apart from a real permission problem, so only the 401 triggers a re-login.
import { ScicatErrorCode } from "../errors/scicat-error-codes.js";
import { ScicatUnauthorizedError } from "../errors/scicat-http-errors.js";

/** True for the typed error of a 401 SESSION_EXPIRED (core's auth policy then logs in again once). */
export function isSessionExpired(error: Error): boolean {
  return error instanceof ScicatUnauthorizedError && error.code === ScicatErrorCode.SessionExpired;
}
