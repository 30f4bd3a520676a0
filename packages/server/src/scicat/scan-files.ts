// The files of a dataset, found on disk for its orig datablock: a streamed recursive walk
// (opendir yields entries as it reads them, so memory stays bounded by one block's worth),
// stat for size, times and ownership, and the checksum (scitacean's hashlib names, read as a
// stream by @catkit/scicat) when one is configured. A missing directory has no files yet, as
// the ICAT side's `__fileCount` says (countFiles answers 0).
import { opendir, lstat } from "node:fs/promises";
import { join, relative } from "node:path";
import { checksumOfFile } from "@catkit/scicat";

/**
 * One regular file under a dataset's location.
 *
 * @example
 * ```ts
 * for await (const f of scanFiles("/data/hg123/ds1")) console.log(f.path, f.size);
 * ```
 */
export interface FoundFile {
  /** Relative to the dataset's location, with "/" separators. */
  path: string;
  size: number;
  mtime: Date;
  uid: number;
  gid: number;
  mode: number;
  checksum?: string;
}

/**
 * Walks `dir` recursively, yielding its regular files (symbolic links are not followed).
 *
 * @example
 * ```ts
 * for await (const f of scanFiles("/data/hg123/ds1", "sha256")) console.log(f.path, f.checksum);
 * ```
 */
export async function* scanFiles(dir: string, checksumAlgorithm?: string): AsyncGenerator<FoundFile> {
  let handle;
  try {
    handle = await opendir(dir, { recursive: true, bufferSize: 64 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return;
    throw err;
  }
  for await (const entry of handle) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const info = await lstat(full);
    yield {
      path: relative(dir, full).split("\\").join("/"), size: info.size, mtime: info.mtime, uid: info.uid, gid: info.gid, mode: info.mode,
      ...(checksumAlgorithm === undefined ? {} : { checksum: await checksumOfFile(full, checksumAlgorithm) }),
    };
  }
}
