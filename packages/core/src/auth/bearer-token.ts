// A bearer token (SciCat issues JWTs). We decode `exp` and refuse to send a token that expires
// within `minValidityMs`: a clear error now beats a 401 halfway through an upload.
import { AuthError } from "../errors/client-errors.js";
import { CoreErrorCode } from "../errors/error-codes.js";
import { registerSecret } from "../errors/redact.js";
import type { AccessToken, Credential, GetTokenOptions } from "./credential.js";
import { jwtExpiry } from "./jwt.js";

/** Options of {@link bearerToken}. */
export interface BearerTokenOptions {
  /** Refuse tokens expiring sooner than this, ms (default 30 s). */
  minValidityMs?: number;
  now?: () => number;
}

/**
 * A bearer-token credential. Pass the token, or a function that fetches a fresh one (called
 * again once the previous one is within `minValidityMs` of expiry).
 *
 * @example
 * ```ts
 * const credential = bearerToken(process.env.SCICAT_TOKEN!);
 * const credential2 = bearerToken(() => fetchTokenFromVault(), { minValidityMs: 60_000 });
 * ```
 */
export function bearerToken(token: string | ((options: GetTokenOptions) => Promise<string>), options: BearerTokenOptions = {}): Credential {
  const minValidity = options.minValidityMs ?? 30_000;
  const now = options.now ?? Date.now;
  let current: AccessToken | undefined;
  let pending: Promise<AccessToken> | undefined;

  const check = (value: string): AccessToken => {
    registerSecret(value);
    const exp = jwtExpiry(value);
    if (exp === undefined) return { token: value };
    const expiresAt = exp * 1000;
    const left = expiresAt - now();
    if (left < minValidity) {
      const when = new Date(expiresAt).toISOString();
      const state = left <= 0 ? `expired at ${when}` : `expires at ${when}, in ${Math.round(left / 1000)} s`;
      throw new AuthError(
        `The bearer token ${state}, less than the required ${Math.round(minValidity / 1000)} s of validity. Obtain a new token and try again.`,
        { code: CoreErrorCode.TokenExpired },
      );
    }
    return { token: value, expiresAt };
  };
  const fresh = (o: GetTokenOptions) => (typeof token === "string" ? Promise.resolve(check(token)) : token(o).then(check));
  const usable = (t: AccessToken | undefined): t is AccessToken =>
    t !== undefined && (t.expiresAt === undefined || t.expiresAt - now() >= minValidity);

  return {
    async getToken(o = {}) {
      if (usable(current)) return current;
      pending ??= fresh(o).finally(() => (pending = undefined));
      current = await pending;
      return current;
    },
    async renew(rejected, o = {}) {
      if (typeof token === "string") return false;
      if (current?.token === rejected) current = undefined;
      await this.getToken(o);
      return true;
    },
  };
}
