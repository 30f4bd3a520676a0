// Remote paths of dataset files are POSIX paths relative to the dataset's sourceFolder
// (DataFile.path, §1.6). A path that is absolute or climbs out with ".." would let a download
// write outside its target directory or an upload outside the source folder, so it is refused.
import { posix } from "node:path";
import { InvalidArgumentError } from "@catkit/core";

/**
 * Checks and normalises a remote path: relative, POSIX, no "..", no empty segments.
 *
 * @example
 * ```ts
 * remotePath("raw/./scan_001.nxs"); // "raw/scan_001.nxs"
 * remotePath("../etc/passwd");      // throws InvalidArgumentError
 * ```
 */
export function remotePath(path: string): string {
  if (typeof path !== "string" || path === "" || path.includes("\0")) {
    throw new InvalidArgumentError(`invalid remote path ${JSON.stringify(path)}: expected a non-empty relative path`, { argument: "remotePath" });
  }
  const normal = posix.normalize(path.replace(/\\/g, "/"));
  if (posix.isAbsolute(normal) || normal === ".." || normal.startsWith("../") || normal === ".") {
    throw new InvalidArgumentError(`remote path ${JSON.stringify(path)} leaves the dataset's source folder; file paths must be relative and stay inside it`, { argument: "remotePath" });
  }
  return normal.replace(/\/$/, "");
}

/**
 * Checks that a source folder is an absolute POSIX path (scitacean refuses relative ones).
 *
 * @example
 * ```ts
 * sourceFolder("/data/ess/2026/abc"); // ok
 * ```
 */
export function sourceFolder(path: string): string {
  if (typeof path !== "string" || !path.startsWith("/") || path.includes("\0")) {
    throw new InvalidArgumentError(`sourceFolder must be an absolute path, got ${JSON.stringify(path)}`, { argument: "sourceFolder" });
  }
  const normal = posix.normalize(path);
  return normal.length > 1 ? normal.replace(/\/$/, "") : normal;
}
