// The file count an ingester stores in the hidden `__fileCount` dataset parameter (read back by
// pyicat-plus's registered_datasets): regular files under the dataset directory, recursively;
// 0 when the directory does not exist (yet).
import { readdir } from "node:fs/promises";

/**
 * Counts regular files under `dir`.
 *
 * @example
 * ```ts
 * await countFiles("/data/visitor/hg123/id00/20240301/RAW_DATA/s/s_0001"); // 3
 * ```
 */
export async function countFiles(dir: string): Promise<number> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).length;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return 0;
    throw err;
  }
}
