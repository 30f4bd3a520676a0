// ls-style permission strings ("-rw-r--r--"), the form scitacean records in DataFile.perm.

/**
 * Renders a stat mode as ls does.
 *
 * @example
 * ```ts
 * fileMode(0o100644); // "-rw-r--r--"
 * ```
 */
export function fileMode(mode: number): string {
  const type = (mode & 0o170000) === 0o040000 ? "d" : (mode & 0o170000) === 0o120000 ? "l" : "-";
  const rwx = ["r", "w", "x"];
  let out = type;
  for (let shift = 6; shift >= 0; shift -= 3) for (let bit = 0; bit < 3; bit++) out += mode & (1 << (shift + 2 - bit)) ? rwx[bit] : "-";
  return out;
}
