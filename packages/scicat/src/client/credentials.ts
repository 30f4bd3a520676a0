// The two ways into SciCat (scitacean Client.from_token / from_credentials):
// - a token: its JWT `exp` is read (no signature check) and a token within 2 s of expiry is
//   refused before anything is sent (SCT:util/credentials.py ExpiringToken);
// - username and password: POST /api/v3/auth/login, reading `id` (= access_token), and one
//   re-login when the server answers 401 SESSION_EXPIRED (the api's auth policy asks renew()).
//   Users that are not functional accounts log in through LDAP: scitacean tries auth/login and
//   then auth/msad (SCT:client.py _get_token); "auto" does the same, trying the Nest backend's
//   /api/v3/auth/msad before the root /auth/msad of the LoopBack backend, and keeps the route
//   that worked for re-logins.
import { AuthError, bearerToken, registerSecret, sessionCredential, CoreErrorCode, type Credential, type SessionCredential } from "@catkit/core";
import { jwtExpiry } from "@catkit/core/internal";
import type { LoginRoute } from "../api/auth-api.js";
import type { ScicatApi } from "../api/scicat-api.js";
import { ScicatNotFoundError, ScicatUnauthorizedError } from "../errors/scicat-http-errors.js";

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

/**
 * How {@link ScicatClient.fromCredentials} logs in: one route, or "auto" (scitacean's order:
 * local, then msad).
 *
 * @example
 * ```ts
 * const login: LoginStrategy = "auto";
 * ```
 */
export type LoginStrategy = LoginRoute | "auto";

const AUTO: readonly LoginRoute[] = ["local", "msad", "msad-root"];

/** A credential that logs in with username and password, and again when the token expires. */
export function loginCredential(api: () => ScicatApi, username: string, password: string, strategy: LoginStrategy = "auto"): SessionCredential {
  registerSecret(password);
  let routes: readonly LoginRoute[] = strategy === "auto" ? AUTO : [strategy];
  const loginOnce = async (signal: AbortSignal | undefined) => {
    let refused: ScicatUnauthorizedError | ScicatNotFoundError | undefined;
    for (const route of routes) {
      try {
        const answer = await api().auth.login(username, password, { route, ...(signal ? { signal } : {}) });
        routes = [route]; // re-logins go straight to the route that worked
        return answer;
      } catch (err) {
        // the next route only when this one refused the credentials (401) or does not exist (404)
        if (!(err instanceof ScicatUnauthorizedError || err instanceof ScicatNotFoundError)) throw err;
        // what the caller hears when every route failed: a refusal, rather than a missing legacy route
        if (refused === undefined || (err instanceof ScicatUnauthorizedError && !(refused instanceof ScicatUnauthorizedError))) refused = err;
      }
    }
    throw refused as ScicatUnauthorizedError | ScicatNotFoundError; // routes is never empty
  };
  return sessionCredential({
    async login(options) {
      const answer = await loginOnce(options.signal);
      registerSecret(answer.id);
      const exp = jwtExpiry(answer.id);
      const expiresAt = exp !== undefined ? exp * 1000 : answer.expires_in !== undefined ? Date.now() + answer.expires_in * 1000 : undefined;
      return { token: answer.id, ...(expiresAt === undefined ? {} : { expiresAt }) };
    },
  });
}
