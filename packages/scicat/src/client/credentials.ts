// The two ways into SciCat (scitacean Client.from_token / from_credentials):
// - a token: its JWT `exp` is read (no signature check) and a token within 2 s of expiry is
//   refused before anything is sent (SCT:util/credentials.py ExpiringToken);
// - username and password: POST /api/v3/auth/login, reading `id` (= access_token), and one
//   re-login when the server answers 401 SESSION_EXPIRED (the api's auth policy asks renew()).
import { AuthError, bearerToken, registerSecret, sessionCredential, CoreErrorCode, type Credential, type SessionCredential } from "@catkit/core";
import { jwtExpiry } from "@catkit/core/internal";
import type { ScicatApi } from "../api/scicat-api.js";

/** scitacean refuses a token 2 s before its expiry. */
const MIN_VALIDITY_MS = 2_000;

/** A credential for a fixed token; throws now when it is already expired. */
export function tokenCredential(token: string, now: () => number = Date.now): Credential {
  registerSecret(token);
  const exp = jwtExpiry(token);
  if (exp !== undefined && exp * 1000 - now() < MIN_VALIDITY_MS) {
    throw new AuthError(`The SciCat token expired at ${new Date(exp * 1000).toISOString()}; obtain a new one (or log in with credentials).`, { code: CoreErrorCode.TokenExpired });
  }
  return bearerToken(token, { minValidityMs: MIN_VALIDITY_MS, now });
}

/** A credential that logs in with username and password, and again when the token expires. */
export function loginCredential(api: () => ScicatApi, username: string, password: string): SessionCredential {
  registerSecret(password);
  return sessionCredential({
    async login(options) {
      const answer = await api().auth.login(username, password, options.signal ? { signal: options.signal } : {});
      registerSecret(answer.id);
      const exp = jwtExpiry(answer.id);
      const expiresAt = exp !== undefined ? exp * 1000 : answer.expires_in !== undefined ? Date.now() + answer.expires_in * 1000 : undefined;
      return { token: answer.id, ...(expiresAt === undefined ? {} : { expiresAt }) };
    },
  });
}
