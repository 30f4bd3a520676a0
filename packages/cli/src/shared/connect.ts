// Clients for a command: an IcatClient on the cached session (or a fresh login when the password
// is available without asking), and an IdsClient sharing that session. Anonymous IDS calls
// (ping, version, getServiceStatus without session…) get a client without a credential.
import { AuthError, registerSecret } from "@catkit/core";
import type { CatkitSettings } from "@catkit/core/config";
import { IcatClient } from "@catkit/icat";
import { IdsClient } from "@catkit/ids";
import type { GlobalOptions } from "../runtime/context.js";
import { UsageError } from "../runtime/exit-codes.js";
import { readSession, sessionCachePath, writeSession, type CachedSession } from "./session-cache.js";
import { requireUrl, resolveSettings } from "./settings.js";

const ICAT_HOW = "-w URL, $ICAT_SERVICE, or url in icat.cfg (with -s SECTION)";

/** The settings and the session for a command. */
export interface Connection {
  settings: CatkitSettings;
  icatUrl: string;
  cacheFile: string;
}

/**
 * Resolves settings and the ICAT URL (usage error when none is configured).
 *
 * @example
 * ```ts
 * const { icatUrl, settings } = await connection(ctx.globals);
 * ```
 */
export async function connection(globals: GlobalOptions): Promise<Connection> {
  const settings = await resolveSettings(globals);
  return { settings, icatUrl: requireUrl(settings.url, "ICAT", ICAT_HOW), cacheFile: sessionCachePath(globals.sessionCache) };
}

/**
 * Logs in to ICAT and caches the session (never the password).
 *
 * @example
 * ```ts
 * const session = await login(conn, password);
 * ```
 */
export async function login(conn: Connection, password: string): Promise<CachedSession> {
  const { settings } = conn;
  const auth = settings.auth ?? "db";
  if (!settings.username) throw new UsageError("no user name: give -u USER, $ICAT_USER or username in icat.cfg");
  const icat = new IcatClient({ url: conn.icatUrl });
  try {
    const sessionId = await icat.login(auth, { username: settings.username, password });
    registerSecret(sessionId);
    const session: CachedSession = {
      sessionId,
      username: settings.username,
      auth,
      ...(settings.idsUrl === undefined ? {} : { idsUrl: settings.idsUrl }),
      loggedInAt: new Date().toISOString(),
    };
    await writeSession(conn.cacheFile, conn.icatUrl, session);
    return session;
  } finally {
    await icat.close();
  }
}

/**
 * The session to use: $CATKIT_SESSION_ID, the cached one, or a login with a configured password.
 *
 * @example
 * ```ts
 * const { sessionId } = await session(conn);
 * ```
 */
export async function session(conn: Connection): Promise<CachedSession> {
  const fromEnv = process.env.CATKIT_SESSION_ID;
  if (fromEnv) {
    registerSecret(fromEnv);
    return { sessionId: fromEnv, loggedInAt: new Date().toISOString() };
  }
  const cached = await readSession(conn.cacheFile, conn.icatUrl);
  if (cached) {
    registerSecret(cached.sessionId);
    return cached;
  }
  if (conn.settings.password !== undefined) return login(conn, conn.settings.password);
  throw new AuthError(`not logged in to ${conn.icatUrl}: run "catkit icat login" first`);
}

/**
 * An IcatClient on the command's session (with IDS when an IDS URL is known).
 *
 * @example
 * ```ts
 * const icat = await icatClient(ctx.globals);
 * try { await icat.search("Dataset"); } finally { await icat.close(); }
 * ```
 */
export async function icatClient(globals: GlobalOptions): Promise<IcatClient> {
  const conn = await connection(globals);
  const { sessionId, idsUrl } = await session(conn);
  const ids = conn.settings.idsUrl ?? idsUrl;
  return new IcatClient({ url: conn.icatUrl, credential: sessionId, ...(ids === undefined ? {} : { idsUrl: ids }) });
}

/**
 * An IdsClient: with the ICAT session when `withSession`, else anonymous.
 *
 * @example
 * ```ts
 * const ids = await idsClient(ctx.globals, true);
 * ```
 */
export async function idsClient(globals: GlobalOptions, withSession: boolean): Promise<IdsClient> {
  const settings = await resolveSettings(globals);
  const how = "--ids-url URL, $ICAT_DATA_SERVICE, or idsurl in icat.cfg (with -s SECTION)";
  if (!withSession) return new IdsClient({ url: requireUrl(settings.idsUrl, "IDS", how) });
  const conn = await connection(globals);
  const cached = await session(conn);
  return new IdsClient({ url: requireUrl(settings.idsUrl ?? cached.idsUrl, "IDS", how), credential: cached.sessionId });
}
