// ids.server sends `Content-Disposition: attachment; filename="<name>"` with the name as is:
// quotes inside it are not escaped (IdsBean.getData). RFC 6266's filename* form is read too, in
// case a proxy rewrites the header.

/**
 * The file name a Content-Disposition header gives, or undefined.
 *
 * @example
 * ```ts
 * fileNameFromContentDisposition('attachment; filename="greet-jdoe.txt"'); // "greet-jdoe.txt"
 * ```
 */
export function fileNameFromContentDisposition(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1] !== undefined) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain form
    }
  }
  // Greedy up to the last quote: IDS does not escape quotes inside the name.
  const quoted = /filename\s*=\s*"(.*)"/.exec(header);
  if (quoted?.[1] !== undefined) return quoted[1];
  const bare = /filename\s*=\s*([^;]+)/.exec(header);
  return bare?.[1]?.trim() || undefined;
}
