// A login-backed session that refreshes itself, modelled on Azure core's tokenCycler and on
// python-icat's autoRefresh (refresh when fewer than 30 minutes remain, client.py:87, 475-487):
// - getToken() logs in when there is no session, and refreshes once inside the refresh window;
//   concurrent callers share the one login or refresh in flight;
// - a refresh that fails for a network reason keeps the current session while it is still
//   valid (refreshing is a "should"; only expiry is a "must");
// - a refresh the server answers with "no such session" falls back to a fresh login, when
//   credentials are held;
// - renew(rejected) re-logs in after the server rejected a session (ICAT SESSION error).
import { AuthError } from "../errors/client-errors.js";
import { registerSecret } from "../errors/redact.js";
import type { AccessToken, Credential, GetTokenOptions } from "./credential.js";

/** The protocol-specific half of a session: how to log in, refresh and log out. */
export interface SessionSource {
  /** Logs in with the credentials it holds. Leave out to wrap an existing session only. */
  login?(options: GetTokenOptions): Promise<AccessToken>;
  /** Extends the session. Resolves `null` when the server says the session no longer exists. */
  refresh?(token: string, options: GetTokenOptions): Promise<{ expiresAt?: number } | null>;
  logout?(token: string, options: GetTokenOptions): Promise<void>;
}

/** Options of {@link sessionCredential}. */
export interface SessionCredentialOptions {
  /** Start from an existing session instead of logging in. */
  initial?: AccessToken;
  /** Refresh when less than this remains, ms (default 30 min, python-icat's AutoRefreshRemain), capped at half the session's lifetime. */
  refreshWindowMs?: number;
  now?: () => number;
}

/** A {@link Credential} backed by a session that can log out. */
export interface SessionCredential extends Credential {
  /** Ends the session on the server (if it can) and forgets it. */
  logout(options?: GetTokenOptions): Promise<void>;
  /** The session held now, if any, without logging in or refreshing. */
  peek(): AccessToken | undefined;
}

interface Held extends AccessToken {
  readonly obtainedAt: number;
}

/**
 * Creates a self-refreshing session credential from a protocol's {@link SessionSource}.
 *
 * @example
 * ```ts
 * const credential = sessionCredential({
 *   login: async () => ({ token: await icatLogin(), expiresAt: Date.now() + 120 * 60_000 }),
 *   refresh: async (token) => ({ expiresAt: Date.now() + 120 * 60_000 }),
 * });
 * ```
 */
export function sessionCredential(source: SessionSource, options: SessionCredentialOptions = {}): SessionCredential {
  const now = options.now ?? Date.now;
  const windowMs = options.refreshWindowMs ?? 30 * 60_000;
  let held: Held | undefined = options.initial ? { ...options.initial, obtainedAt: now() } : undefined;
  if (held) registerSecret(held.token);
  let inFlight: Promise<Held> | undefined;

  const share = (work: () => Promise<Held>): Promise<Held> => {
    inFlight ??= work().then(
      (value) => {
        inFlight = undefined;
        held = value;
        registerSecret(value.token);
        return value;
      },
      (err: unknown) => {
        inFlight = undefined;
        throw err;
      },
    );
    return inFlight;
  };

  const login = (o: GetTokenOptions): Promise<Held> => {
    if (!source.login) return Promise.reject(new AuthError("The session is gone and no credentials are held to log in again. Log in and pass the new session."));
    const doLogin = source.login.bind(source);
    return share(async () => ({ ...(await doLogin(o)), obtainedAt: now() }));
  };

  const refresh = (current: Held, o: GetTokenOptions): Promise<Held> =>
    share(async () => {
      if (!source.refresh) return current;
      let result: { expiresAt?: number } | null;
      try {
        result = await source.refresh(current.token, o);
      } catch (err) {
        if (current.expiresAt === undefined || current.expiresAt > now()) return current;
        throw err;
      }
      if (result === null) {
        if (!source.login) throw new AuthError("The session expired or was removed on the server, and no credentials are held to log in again.");
        return { ...(await source.login(o)), obtainedAt: now() };
      }
      return { token: current.token, obtainedAt: now(), ...(result.expiresAt === undefined ? {} : { expiresAt: result.expiresAt }) };
    });

  const inWindow = (h: Held): boolean => {
    if (h.expiresAt === undefined) return false;
    const window = Math.min(windowMs, (h.expiresAt - h.obtainedAt) / 2);
    return h.expiresAt - now() <= window;
  };

  return {
    async getToken(o = {}) {
      if (inFlight) return inFlight;
      if (!held) return login(o);
      if (inWindow(held)) return source.refresh ? refresh(held, o) : held;
      return held;
    },
    async renew(rejected, o = {}) {
      if (inFlight) {
        await inFlight;
        return true;
      }
      if (held && held.token !== rejected) return true; // someone renewed it already
      if (!source.login) return false;
      held = undefined;
      await login(o);
      return true;
    },
    async logout(o = {}) {
      const current = held;
      held = undefined;
      if (current && source.logout) await source.logout(current.token, o);
    },
    peek: () => (held ? { token: held.token, ...(held.expiresAt === undefined ? {} : { expiresAt: held.expiresAt }) } : undefined),
  };
}
