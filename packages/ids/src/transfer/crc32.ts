// CRC32 as IDS uses it: ids.server streams uploads through java.util.zip.CRC32, answers the put
// with the value as a decimal JSON number, and stores it in ICAT's Datafile.checksum as
// Long.toHexString: lowercase hex without zero padding (IdsBean.put, registerDatafile).
// zlib.crc32 (Node >= 22.2) computes the same polynomial incrementally.
import { InvalidArgumentError } from "@catkit/core";

/**
 * A CRC32 as ICAT stores it: lowercase hex, no zero padding.
 *
 * @example
 * ```ts
 * crc32Hex(0x0bef32c7); // "bef32c7"
 * ```
 */
export function crc32Hex(value: number): string {
  return (value >>> 0).toString(16);
}

/**
 * Reads a CRC32 given as ICAT's hex string or as a number; undefined when `value` is not a CRC32
 * (ICAT's checksum field is free text: some facilities store other digests there).
 *
 * @example
 * ```ts
 * parseCrc32("bef32c73"); // 3203476595
 * parseCrc32("md5:…");    // undefined
 * ```
 */
export function parseCrc32(value: string | number | null | undefined): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 && value <= 0xffffffff ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim().toLowerCase();
  return /^[0-9a-f]{1,8}$/.test(text) ? Number.parseInt(text, 16) : undefined;
}

/**
 * Like {@link parseCrc32}, but throws when a checksum was given and is not a CRC32.
 *
 * @example
 * ```ts
 * requireCrc32(options.checksum, "checksum"); // number | undefined
 * ```
 */
export function requireCrc32(value: string | number | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const crc = parseCrc32(value);
  if (crc !== undefined) return crc;
  throw new InvalidArgumentError(`${what} must be a CRC32: ICAT's lowercase hex form (e.g. "bef32c73") or a number, got ${JSON.stringify(value)}`, {
    argument: what,
  });
}
