// An ICAT session as a core SessionCredential: log in with the credentials held, learn the
// expiry from `GET session/{id}` (remainingMinutes), refresh with `PUT session/{id}` inside the
// refresh window (python-icat autoRefresh: 30 minutes, client.py:87), and log in again when ICAT
// has forgotten the session. core's sessionCredential shares one login or refresh in flight.
import { registerSecret, sessionCredential, type AccessToken, type GetTokenOptions, type SessionCredential } from "@catkit/core";
import { IcatSessionError } from "../errors/icat-error.js";
import type { IcatContext } from "../operations/icat-context.js";
import { getSession, login, logoutSession, refreshSession, type LoginCredentials } from "../operations/session-calls.js";

/**
 * How to obtain the session: log in, or start from a session id obtained elsewhere.
 *
 * @example
 * ```ts
 * const byLogin: IcatSessionSpec = { plugin: "db", credentials: { username: "nbour", password: "secret" } };
 * const existing: IcatSessionSpec = { sessionId: "0d9a3706-80d4-4d29-9ff3-4d65d4308a24" };
 * ```
 */
export type IcatSessionSpec =
  | { readonly plugin: string; readonly credentials: LoginCredentials }
  | { readonly sessionId: string };

/**
 * Options of {@link icatSessionCredential}.
 *
 * @example
 * ```ts
 * const options: IcatSessionOptions = { refreshWindowMs: 10 * 60_000 };
 * ```
 */
export interface IcatSessionOptions {
  /** Refresh when less than this remains, ms (default 30 min, capped at half the lifetime). */
  refreshWindowMs?: number;
  now?: () => number;
}

async function expiry(ctx: IcatContext, sessionId: string, signal: AbortSignal | undefined, now: () => number): Promise<number> {
  const started = now();
  const { remainingMinutes } = await getSession(ctx, sessionId, { signal });
  return started + remainingMinutes * 60_000;
}

/**
 * A self-refreshing ICAT session credential that sends its session calls through `ctx`.
 *
 * @example
 * ```ts
 * const credential = icatSessionCredential(ctx, { plugin: "db", credentials: { username: "nbour", password: "secret" } });
 * const { token } = await credential.getToken(); // logs in on first use
 * ```
 */
export function icatSessionCredential(ctx: IcatContext, spec: IcatSessionSpec, options: IcatSessionOptions = {}): SessionCredential {
  const now = options.now ?? Date.now;
  const doLogin =
    "plugin" in spec
      ? async ({ signal }: GetTokenOptions): Promise<AccessToken> => {
          const token = await login(ctx, spec.plugin, spec.credentials, { signal });
          // A secret from the moment it exists: the expiry lookup below already carries it.
          registerSecret(token);
          try {
            return { token, expiresAt: await expiry(ctx, token, signal, now) };
          } catch (err) {
            // The caller never receives this session, so nobody could end it: end it here
            // (without the caller's signal, which may be what aborted), then report the failure.
            await logoutSession(ctx, token).catch(() => undefined);
            throw err;
          }
        }
      : undefined;
  return sessionCredential(
    {
      ...(doLogin ? { login: doLogin } : {}),
      async refresh(token, { signal }) {
        try {
          await refreshSession(ctx, token, { signal });
          return { expiresAt: await expiry(ctx, token, signal, now) };
        } catch (err) {
          // ICAT forgot the session (purged, or logged out elsewhere): core logs in again.
          if (err instanceof IcatSessionError) return null;
          throw err;
        }
      },
      async logout(token, { signal }) {
        await logoutSession(ctx, token, { signal });
      },
    },
    {
      ...(options.refreshWindowMs === undefined ? {} : { refreshWindowMs: options.refreshWindowMs }),
      now,
      ...("sessionId" in spec ? { initial: { token: spec.sessionId } } : {}),
    },
  );
}
