// catkit icat login | logout | whoami. The password comes from $CATKIT_PASSWORD, --password-file,
// the config file or a hidden prompt (a kept prompt library); it is never written anywhere.
import { AuthError } from "@catkit/core";
import { IcatClient } from "@catkit/icat";
import type { CommandContext } from "../../runtime/context.js";
import { UsageError } from "../../runtime/exit-codes.js";
import { connection, login as doLogin } from "../../shared/connect.js";
import { readSession, writeSession } from "../../shared/session-cache.js";

async function askPassword(ctx: CommandContext, user: string): Promise<string> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new UsageError("no password: set $CATKIT_PASSWORD, use --password-file FILE, or run in a terminal to be asked");
  }
  const { password } = await import("@inquirer/prompts");
  return password({ message: `password for ${user}:`, mask: false }, { output: process.stderr, signal: ctx.signal });
}

/**
 * `catkit icat login`.
 *
 * @example
 * ```ts
 * await login(ctx);
 * ```
 */
export async function login(ctx: CommandContext): Promise<void> {
  const conn = await connection(ctx.globals);
  if (!conn.settings.username) throw new UsageError("no user name: give -u USER, $ICAT_USER or username in icat.cfg");
  const password = conn.settings.password ?? (await askPassword(ctx, conn.settings.username));
  const session = await doLogin(conn, password);
  ctx.out.data({ url: conn.icatUrl, username: session.username, auth: session.auth, cache: conn.cacheFile }, `logged in to ${conn.icatUrl} as ${session.auth}/${session.username} (session cached in ${conn.cacheFile})`);
}

/**
 * `catkit icat logout`: ends the session on the server and forgets it.
 *
 * @example
 * ```ts
 * await logout(ctx);
 * ```
 */
export async function logout(ctx: CommandContext): Promise<void> {
  const conn = await connection(ctx.globals);
  const cached = await readSession(conn.cacheFile, conn.icatUrl);
  if (cached === undefined) {
    ctx.out.data({ url: conn.icatUrl, loggedOut: false }, `no cached session for ${conn.icatUrl}`);
    return;
  }
  const icat = new IcatClient({ url: conn.icatUrl, credential: cached.sessionId });
  try {
    await icat.logout({ signal: ctx.signal }).catch((err: unknown) => ctx.out.warn(`the server did not end the session (${err instanceof Error ? err.message : String(err)}); forgetting it anyway`));
  } finally {
    await icat.close();
    await writeSession(conn.cacheFile, conn.icatUrl, undefined);
  }
  ctx.out.data({ url: conn.icatUrl, loggedOut: true }, `logged out of ${conn.icatUrl}`);
}

/**
 * `catkit icat whoami`: the session's user and remaining minutes.
 *
 * @example
 * ```ts
 * await whoami(ctx);
 * ```
 */
export async function whoami(ctx: CommandContext): Promise<void> {
  const conn = await connection(ctx.globals);
  const cached = process.env.CATKIT_SESSION_ID ? { sessionId: process.env.CATKIT_SESSION_ID } : await readSession(conn.cacheFile, conn.icatUrl);
  if (cached === undefined) throw new AuthError(`not logged in to ${conn.icatUrl}: run "catkit icat login" first`);
  const icat = new IcatClient({ url: conn.icatUrl, credential: cached.sessionId });
  try {
    const user = await icat.getUserName({ signal: ctx.signal });
    const minutes = await icat.getRemainingMinutes({ signal: ctx.signal });
    ctx.out.data({ url: conn.icatUrl, user, remainingMinutes: minutes }, `${user} on ${conn.icatUrl} (${minutes.toFixed(1)} minutes left)`);
  } finally {
    await icat.close();
  }
}
