// The session cache: one login serves several commands. A JSON file (mode 0600, written to a
// temporary file and renamed) maps an ICAT URL to its session id, user and IDS URL. It never
// holds a password. Location: --session-cache, $CATKIT_SESSION_CACHE, or
// $XDG_CACHE_HOME/catkit/sessions.json (~/.cache/catkit/sessions.json).
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

/** One cached session. */
export interface CachedSession {
  sessionId: string;
  username?: string;
  auth?: string;
  idsUrl?: string;
  /** ISO time of the login. */
  loggedInAt: string;
}

/**
 * The cache file path.
 *
 * @example
 * ```ts
 * sessionCachePath(undefined, { XDG_CACHE_HOME: "/tmp/c" }); // "/tmp/c/catkit/sessions.json"
 * ```
 */
export function sessionCachePath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.CATKIT_SESSION_CACHE) return env.CATKIT_SESSION_CACHE;
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "catkit", "sessions.json");
}

async function readAll(file: string): Promise<Record<string, CachedSession>> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as unknown;
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, CachedSession>) : {};
  } catch {
    return {};
  }
}

async function writeAll(file: string, sessions: Record<string, CachedSession>): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(sessions, null, 2)}\n`, { mode: 0o600 });
    await chmod(temp, 0o600);
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Reads the session cached for an ICAT URL.
 *
 * @example
 * ```ts
 * const cached = await readSession(file, "https://icat.example.org/icat");
 * ```
 */
export async function readSession(file: string, icatUrl: string): Promise<CachedSession | undefined> {
  return (await readAll(file))[icatUrl];
}

/**
 * Stores (or with `undefined`, removes) the session of an ICAT URL.
 *
 * @example
 * ```ts
 * await writeSession(file, url, { sessionId, username: "nbour", loggedInAt: new Date().toISOString() });
 * ```
 */
export async function writeSession(file: string, icatUrl: string, session: CachedSession | undefined): Promise<void> {
  const all = await readAll(file);
  if (session === undefined) delete all[icatUrl];
  else all[icatUrl] = session;
  await writeAll(file, all);
}
