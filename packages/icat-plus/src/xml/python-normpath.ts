// Python's posixpath.normpath, which pyicat-plus applies to the dataset location and to each
// input_datasets entry. Unlike Node's path.posix.normalize it keeps exactly two leading slashes
// ("//a" stays "//a", POSIX leaves that case implementation-defined) and drops a trailing slash.

/**
 * `os.path.normpath` on POSIX.
 *
 * @example
 * ```ts
 * pythonNormpath("/data/visitor/./hg123/../hg124/"); // "/data/visitor/hg124"
 * pythonNormpath("//server/share"); // "//server/share"
 * ```
 */
export function pythonNormpath(path: string): string {
  if (path === "") return ".";
  let initial = path.startsWith("/") ? 1 : 0;
  if (initial && path.startsWith("//") && !path.startsWith("///")) initial = 2;
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part !== ".." || (!initial && parts.length === 0) || parts.at(-1) === "..") parts.push(part);
    else if (parts.length > 0) parts.pop();
  }
  return "/".repeat(initial) + parts.join("/") || ".";
}
