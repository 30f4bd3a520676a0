// Where the outbox lives when not configured: per user, in the XDG state directory
// ($XDG_STATE_HOME, else ~/.local/state), or %LOCALAPPDATA% on Windows.
import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The default outbox directory.
 *
 * @example
 * ```ts
 * defaultOutboxDir(); // "/home/opid00/.local/state/catkit/icat-plus/outbox"
 * ```
 */
export function defaultOutboxDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === "win32" && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, "catkit", "icat-plus", "outbox");
  const state = env.XDG_STATE_HOME || join(homedir(), ".local", "state");
  return join(state, "catkit", "icat-plus", "outbox");
}
