// A ScicatClient for `catkit scicat …`: the URL from --scicat-url or $CATKIT_SCICAT_URL; the token
// from --token-file, $CATKIT_SCICAT_TOKEN, or the one `catkit scicat login` cached (same cache
// file as ICAT sessions, keyed by the SciCat URL, mode 0600; never a password). With
// $CATKIT_SCICAT_USERNAME and a password ($CATKIT_SCICAT_PASSWORD or --password-file) the
// client logs in itself. Tokens and passwords never come from flags.
import { readFile } from "node:fs/promises";
import { AuthError, registerSecret } from "@catkit/core";
import type { FileTransfer, ScicatClient } from "@catkit/scicat";
import type { GlobalOptions } from "../runtime/context.js";
import { UsageError } from "../runtime/exit-codes.js";
import { readSession, sessionCachePath } from "./session-cache.js";
import { requireUrl } from "./settings.js";

/** Flags every SciCat command has. */
export interface ScicatFlags {
  scicatUrl?: string;
  tokenFile?: string;
}

/**
 * The SciCat URL (usage error when none is given).
 *
 * @example
 * ```ts
 * scicatUrl({ scicatUrl: "http://127.0.0.1:3000/api/v3" });
 * ```
 */
export function scicatUrl(flags: ScicatFlags): string {
  return requireUrl(flags.scicatUrl ?? process.env.CATKIT_SCICAT_URL, "SciCat", "--scicat-url URL or $CATKIT_SCICAT_URL");
}

/**
 * Reads a secret from a file given by a flag (trailing newline dropped), registered for redaction.
 *
 * @example
 * ```ts
 * const token = await secretFile("~/.scicat-token", "--token-file");
 * ```
 */
export async function secretFile(file: string, flag: string): Promise<string> {
  const text = await readFile(file, "utf8").catch(() => {
    throw new UsageError(`cannot read ${flag} ${file}`);
  });
  const secret = text.replace(/\r?\n$/, "");
  registerSecret(secret);
  return secret;
}

/**
 * The password for SciCat without asking: $CATKIT_SCICAT_PASSWORD or --password-file.
 *
 * @example
 * ```ts
 * const password = await scicatPassword(ctx.globals);
 * ```
 */
export async function scicatPassword(globals: GlobalOptions): Promise<string | undefined> {
  if (globals.passwordFile !== undefined) return secretFile(globals.passwordFile, "--password-file");
  const fromEnv = process.env.CATKIT_SCICAT_PASSWORD;
  if (fromEnv) registerSecret(fromEnv);
  return fromEnv || undefined;
}

/**
 * An authenticated client (token, cached login, or username + configured password).
 *
 * @example
 * ```ts
 * const client = await scicatClient(ctx.globals, { scicatUrl: url });
 * try { await client.getDataset(pid); } finally { await client.close(); }
 * ```
 */
export async function scicatClient(globals: GlobalOptions, flags: ScicatFlags, fileTransfer?: FileTransfer): Promise<ScicatClient> {
  const url = scicatUrl(flags);
  const { ScicatClient } = await import("@catkit/scicat");
  const base = { url, ...(fileTransfer ? { fileTransfer } : {}) };
  const token = flags.tokenFile !== undefined ? await secretFile(flags.tokenFile, "--token-file") : process.env.CATKIT_SCICAT_TOKEN || (await readSession(sessionCachePath(globals.sessionCache), url))?.sessionId;
  if (token) return ScicatClient.fromToken({ ...base, token });
  const username = process.env.CATKIT_SCICAT_USERNAME;
  const password = await scicatPassword(globals);
  if (username && password !== undefined) return ScicatClient.fromCredentials({ ...base, username, password });
  throw new AuthError(`not logged in to ${url}: run "catkit scicat login", or give --token-file FILE or $CATKIT_SCICAT_TOKEN`);
}
