// catkit scicat login | logout | whoami. login asks SciCat for a token (POST /api/v3/auth/login,
// through @catkit/scicat) and caches it; the password comes from $CATKIT_SCICAT_PASSWORD,
// --password-file or a hidden prompt and is never stored.
import type { CommandContext } from "../../runtime/context.js";
import { UsageError } from "../../runtime/exit-codes.js";
import { scicatClient, scicatPassword, scicatUrl, type ScicatFlags } from "../../shared/scicat-client.js";
import { readSession, sessionCachePath, writeSession } from "../../shared/session-cache.js";

async function askPassword(ctx: CommandContext, user: string): Promise<string> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) throw new UsageError("no password: set $CATKIT_SCICAT_PASSWORD, use --password-file FILE, or run in a terminal to be asked");
  const { password } = await import("@inquirer/prompts");
  return password({ message: `SciCat password for ${user}:`, mask: false }, { output: process.stderr, signal: ctx.signal });
}

/**
 * `catkit scicat login --username NAME`.
 *
 * @example
 * ```ts
 * await login(ctx, { scicatUrl: "http://127.0.0.1:3000", username: "ingestor" });
 * ```
 */
export async function login(ctx: CommandContext, flags: ScicatFlags & { username?: string }): Promise<void> {
  const url = scicatUrl(flags);
  const username = flags.username ?? process.env.CATKIT_SCICAT_USERNAME;
  if (!username) throw new UsageError("no user name: give --username NAME or $CATKIT_SCICAT_USERNAME");
  const password = (await scicatPassword(ctx.globals)) ?? (await askPassword(ctx, username));
  const { ScicatApi } = await import("@catkit/scicat");
  const api = new ScicatApi({ url });
  try {
    const answer = await api.auth.login(username, password, { signal: ctx.signal });
    const cache = sessionCachePath(ctx.globals.sessionCache);
    await writeSession(cache, url, { sessionId: answer.id, username, loggedInAt: new Date().toISOString() });
    ctx.out.data({ url, username, cache }, `logged in to ${url} as ${username} (token cached in ${cache})`);
  } finally {
    await api.close();
  }
}

/**
 * `catkit scicat logout`: ends the token's session on SciCat and forgets it.
 *
 * @example
 * ```ts
 * await logout(ctx, { scicatUrl: "http://127.0.0.1:3000" });
 * ```
 */
export async function logout(ctx: CommandContext, flags: ScicatFlags): Promise<void> {
  const url = scicatUrl(flags);
  const cache = sessionCachePath(ctx.globals.sessionCache);
  if ((await readSession(cache, url)) === undefined) {
    ctx.out.log(`not logged in to ${url}`);
    return;
  }
  const client = await scicatClient(ctx.globals, flags);
  try {
    await client.scicat.auth.logout({ signal: ctx.signal }).catch((err: unknown) => ctx.out.warn(`SciCat logout failed (${err instanceof Error ? err.message : String(err)}); the token is forgotten anyway`));
  } finally {
    await client.close();
  }
  await writeSession(cache, url, undefined);
  ctx.out.data({ url, loggedOut: true }, `logged out of ${url}`);
}

/**
 * `catkit scicat whoami`.
 *
 * @example
 * ```ts
 * await whoami(ctx, {});
 * ```
 */
export async function whoami(ctx: CommandContext, flags: ScicatFlags): Promise<void> {
  const client = await scicatClient(ctx.globals, flags);
  try {
    const me = await client.scicat.auth.whoami({ signal: ctx.signal });
    const name = typeof me.username === "string" ? me.username : JSON.stringify(me.id);
    ctx.out.data(me, `${name}${typeof me.email === "string" ? ` <${me.email}>` : ""}`);
  } finally {
    await client.close();
  }
}
