// ids.server sends `Content-Disposition: attachment; filename="<name>"` with the name as is:
// quotes inside it are not escaped (IdsBean.getData). What reaches the client for a name that is
// not printable ASCII depends on the servlet container: GlassFish/Payara's Grizzly replaces every
// such character with a space (HttpCodecUtils.toCheckedByteArray), others send the UTF-8 bytes,
// which arrive here as Latin-1 characters. A proxy may rewrite the header to RFC 6266's
// `filename*=UTF-8''<percent-encoded>` (RFC 5987). So: filename* is decoded first; a plain name
// with bytes above 0x7F is kept only when they are valid UTF-8; control characters, or bytes that
// are not UTF-8, give undefined: never a mojibake name.

const PRINTABLE_ASCII = /^[\x20-\x7e\t]*$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused in a file name
const CONTROL = /[\x00-\x1f\x7f]/;

// RFC 5987 ext-value: percent-encoded octets in the stated charset (UTF-8 or ISO-8859-1).
function decodeExtended(charset: string, encoded: string): string | undefined {
  if (/%(?![0-9a-fA-F]{2})/.test(encoded)) return undefined;
  const bytes = Buffer.from(encoded.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1");
  const label = charset.toLowerCase();
  if (label === "iso-8859-1") return bytes.toString("latin1");
  return label === "utf-8" ? utf8(bytes) : undefined;
}

function utf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

// A plain filename as undici hands it over (each byte one Latin-1 character).
function plainName(value: string): string | undefined {
  if (PRINTABLE_ASCII.test(value)) return value;
  const decoded = utf8(Buffer.from(value, "latin1"));
  return decoded === undefined || CONTROL.test(decoded) ? undefined : decoded;
}

/**
 * The file name a Content-Disposition header gives, or undefined when there is none or it cannot
 * be decoded without guessing.
 *
 * @example
 * ```ts
 * fileNameFromContentDisposition('attachment; filename="greet-jdoe.txt"'); // "greet-jdoe.txt"
 * fileNameFromContentDisposition("attachment; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt"); // "日本.txt"
 * ```
 */
export function fileNameFromContentDisposition(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const extended = /filename\*\s*=\s*([A-Za-z0-9!#$&+^`{}~-]+)'[^']*'([^;\s]+)/.exec(header);
  if (extended?.[1] !== undefined && extended[2] !== undefined) {
    const name = decodeExtended(extended[1], extended[2]);
    if (name !== undefined && name !== "" && !CONTROL.test(name)) return name;
  }
  // Greedy up to the last quote: IDS does not escape quotes inside the name.
  const quoted = /filename\s*=\s*"(.*)"/.exec(header);
  if (quoted?.[1] !== undefined) return plainName(quoted[1]) || undefined;
  const bare = /filename\s*=\s*([^;]+)/.exec(header);
  const value = bare?.[1]?.trim();
  return value ? plainName(value) : undefined;
}
