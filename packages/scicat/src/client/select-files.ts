// scitacean's `select` argument of download_files (SCT:client.py _file_selector): true/false,
// an exact remote path, a list of them, a RegExp searched in the POSIX remote path, or a
// predicate.
import type { File } from "../models/file.js";

/**
 * Which files to download.
 *
 * @example
 * ```ts
 * const onlyNexus: FileSelector = (file) => file.remotePath.endsWith(".nxs");
 * ```
 */
export type FileSelector = boolean | string | readonly string[] | RegExp | ((file: File) => boolean);

/**
 * A predicate for a selector.
 *
 * @example
 * ```ts
 * dataset.files.filter(fileSelector(/\.nxs$/));
 * ```
 */
export function fileSelector(select: FileSelector): (file: File) => boolean {
  if (typeof select === "boolean") return () => select;
  if (typeof select === "string") return (f) => f.remotePath === select;
  if (select instanceof RegExp) {
    // a global/sticky RegExp keeps lastIndex between calls; search on a fresh copy each time
    const re = new RegExp(select.source, select.flags.replace(/[gy]/g, ""));
    return (f) => re.test(f.remotePath);
  }
  if (typeof select === "function") return select;
  const set = new Set(select);
  return (f) => set.has(f.remotePath);
}
