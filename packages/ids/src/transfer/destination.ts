// Where downloads are written, and what to say when the file system refuses. One rule for
// `download` and `downloadMany`: a missing parent directory is created. Directories are made one
// level at a time (not `mkdir -p`): Node's recursive mkdir can spin forever under /proc, and one
// level at a time gives the exact place that failed. Every refusal becomes IdsDestinationError
// naming the directory and the reason, never the internal `.part` file.
import { mkdir, rmdir, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { IdsDestinationError } from "../errors/transfer-errors.js";

const REASONS: Record<string, string> = {
  EACCES: "permission denied: the user running this cannot write there",
  EPERM: "the operation is not permitted there",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is exhausted",
  ENOTDIR: "a part of the path is a file, not a directory",
  ENOENT: "the file system refuses new files there (a virtual file system such as /proc?)",
  EISDIR: "the destination is a directory",
  ENAMETOOLONG: "the path is too long",
};

/**
 * The typed error for a file-system refusal while writing into `directory`.
 *
 * @example
 * ```ts
 * try { await open(tmp, "w"); } catch (err) { throw destinationError(err, "/data/ds7"); }
 * ```
 */
export function destinationError(err: unknown, directory: string): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== "string" || !(code in REASONS)) return err;
  return new IdsDestinationError(`Cannot write into ${directory}: ${REASONS[code]} (${code}).`, { directory, errno: code, cause: err });
}

/**
 * Makes sure `directory` exists (creating missing levels) and is a directory. Resolves with the
 * levels it created, outermost first, so that a failed download can remove them again.
 *
 * @example
 * ```ts
 * const created = await ensureDirectory("/data/visitor/ma1234/raw");
 * ```
 */
export async function ensureDirectory(directory: string): Promise<string[]> {
  const missing: string[] = [];
  for (let current = directory; ; ) {
    const found = await stat(current).catch((err: unknown) => err as NodeJS.ErrnoException);
    if (!(found instanceof Error)) {
      if (!found.isDirectory()) {
        throw new IdsDestinationError(`Cannot write into ${directory}: ${current} is a file, not a directory.`, { directory, errno: "ENOTDIR" });
      }
      break;
    }
    if (found.code !== "ENOENT" && found.code !== "ENOTDIR") throw destinationError(found, directory);
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const created: string[] = [];
  for (const level of missing) {
    try {
      await mkdir(level);
      created.push(level);
    } catch (err) {
      if ((err as { code?: unknown }).code !== "EEXIST") throw destinationError(err, directory);
    }
  }
  return created;
}

/**
 * Removes directories {@link ensureDirectory} created, innermost first, keeping any that is no
 * longer empty.
 *
 * @example
 * ```ts
 * await removeCreated(created);
 * ```
 */
export async function removeCreated(created: readonly string[]): Promise<void> {
  for (const level of [...created].reverse()) await rmdir(level).catch(() => undefined);
}
