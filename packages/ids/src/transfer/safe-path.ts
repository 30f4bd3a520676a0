// Datafile names come from ICAT, i.e. from whoever catalogued the data, and IDS itself allows
// '/' in them (ids.storage_file ZipMapper.java leaves the datafile name unencoded). Before a name
// becomes a local path it must not be able to leave the target directory: no absolute paths,
// no drive letters, no backslashes, no '.' or '..' segments, no NUL, and the directories that
// will hold the file must really be inside the target (no symlink pointing out).
import { realpath } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
import { InvalidArgumentError } from "@catkit/core";
import { ensureDirectory } from "./destination.js";

function reject(name: string, why: string, what: string): never {
  throw new InvalidArgumentError(`${what} ${JSON.stringify(name)} is not a safe relative path: ${why}`, { argument: what });
}

/**
 * Checks a relative file name (segments separated by '/') and returns its segments.
 *
 * @example
 * ```ts
 * safeSegments("raw/scan-001.nxs", "datafile name"); // ["raw", "scan-001.nxs"]
 * safeSegments("../etc/passwd", "datafile name");    // throws InvalidArgumentError
 * ```
 */
export function safeSegments(name: unknown, what: string): string[] {
  if (typeof name !== "string" || name.length === 0) reject(String(name), "it is empty or not a string", what);
  if (name.includes("\0")) reject(name, "it contains a NUL character", what);
  if (name.includes("\\")) reject(name, "it contains a backslash (a path separator on Windows)", what);
  if (name.startsWith("/") || isAbsolute(name)) reject(name, "it is absolute", what);
  if (/^[A-Za-z]:/.test(name)) reject(name, "it starts with a drive letter", what);
  const segments = name.split("/");
  for (const segment of segments) {
    if (segment === "") reject(name, "it has an empty segment (leading, trailing or doubled '/')", what);
    if (segment === "." || segment === "..") reject(name, `it has a '${segment}' segment`, what);
    if (Buffer.byteLength(segment) > 255) reject(name, "a segment is longer than 255 bytes", what);
  }
  return segments;
}

/**
 * The path of `name` inside `directory`, after checking the name.
 *
 * @example
 * ```ts
 * pathInside("/downloads", "raw/scan-001.nxs", "datafile name"); // "/downloads/raw/scan-001.nxs"
 * ```
 */
export function pathInside(directory: string, name: string, what: string): string {
  const target = join(directory, ...safeSegments(name, what));
  const rel = relative(directory, target);
  if (rel === "" || rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel)) reject(name, "it resolves outside the target directory", what);
  return target;
}

/**
 * Creates the directories that will hold files inside one target directory, and checks that,
 * symlinks resolved, they are still inside it. Each directory is checked once.
 *
 * @example
 * ```ts
 * const parents = new SafeParents("/downloads");
 * await parents.prepare("/downloads/raw/scan-001.nxs");
 * ```
 */
export class SafeParents {
  readonly #directory: string;
  readonly #checked = new Map<string, Promise<void>>();
  #root: Promise<string> | undefined;

  constructor(directory: string) {
    this.#directory = directory;
  }

  /** Creates and checks the parent directory of `file`. */
  prepare(file: string): Promise<void> {
    const parent = join(file, "..");
    let check = this.#checked.get(parent);
    if (!check) {
      check = this.#check(parent, file);
      this.#checked.set(parent, check);
    }
    return check;
  }

  async #check(parent: string, file: string): Promise<void> {
    this.#root ??= ensureDirectory(this.#directory).then(() => realpath(this.#directory));
    const root = await this.#root;
    await ensureDirectory(parent);
    const real = await realpath(parent);
    if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) {
      throw new InvalidArgumentError(`${file} would be written through a link that leaves ${this.#directory}; refusing to write there`, { argument: "directory" });
    }
  }
}
