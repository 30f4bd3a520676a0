// Partial files of downloads. A download writes into `.<name>.<key>.part` beside its destination,
// where `key` is derived from what is downloaded: the same call finds the same part again after a
// crash (even SIGKILL, when nothing can clean up) and continues it with a Range request; a part
// is only continued when the final size and CRC32 can be checked, and is removed when they fail.
// These helpers list and remove parts that no call will come back for.
// The key is 48 bits of FNV-1a (64-bit) over the UTF-8 description: it only has to tell apart
// downloads into one directory under one name (a wrong match fails the size/CRC32 check), and
// unlike sha256 it does not load node:crypto (3 MiB of resident memory in every download).
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

function key(what: string): string {
  let hash = FNV_OFFSET;
  for (const byte of Buffer.from(what, "utf8")) hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  return (hash & 0xffffffffffffn).toString(16).padStart(12, "0");
}

const PART = /^\..+\.[0-9a-f]{12}\.part$/;

/**
 * The part file name for a download of `what` (a description of the target) into `name`.
 *
 * @example
 * ```ts
 * partName("run1.nxs", "datafileIds=12"); // ".run1.nxs.<12 hex>.part"
 * ```
 */
export function partName(name: string, what: string): string {
  return `.${name}.${key(what)}.part`;
}

/**
 * A partial download found in a directory.
 *
 * @example
 * ```ts
 * const part: PartialDownload = { path: "/data/.run1.nxs.3f2a9c01b7de.part", size: 1_048_576, modified: new Date() };
 * ```
 */
export interface PartialDownload {
  path: string;
  size: number;
  modified: Date;
}

/**
 * The partial downloads in `directory` (not its subdirectories).
 *
 * @example
 * ```ts
 * for (const p of await listPartialDownloads("/data/ds7")) console.log(p.path, p.size, p.modified);
 * ```
 */
export async function listPartialDownloads(directory: string): Promise<PartialDownload[]> {
  const names = await readdir(directory).catch((err: unknown) => {
    if ((err as { code?: unknown }).code === "ENOENT") return [];
    throw err;
  });
  const found: PartialDownload[] = [];
  for (const name of names.filter((n) => PART.test(n))) {
    const path = join(directory, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) found.push({ path, size: info.size, modified: info.mtime });
  }
  return found;
}

/**
 * Removes the partial downloads in `directory`, or only those not touched for `olderThanMs`;
 * resolves with what was removed.
 *
 * @example
 * ```ts
 * await removePartialDownloads("/data/ds7", { olderThanMs: 7 * 24 * 3_600_000 });
 * ```
 */
export async function removePartialDownloads(directory: string, options: { olderThanMs?: number } = {}): Promise<PartialDownload[]> {
  const cutoff = options.olderThanMs === undefined ? Infinity : Date.now() - options.olderThanMs;
  const removed: PartialDownload[] = [];
  for (const part of await listPartialDownloads(directory)) {
    if (part.modified.getTime() > cutoff) continue;
    await rm(part.path, { force: true });
    removed.push(part);
  }
  return removed;
}
