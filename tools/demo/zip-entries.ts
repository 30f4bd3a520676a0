// Reads the entries of a small zip held in memory (what the demo downloads from the IDS
// sandbox): the central directory gives names, methods, sizes and CRC32s; each entry's bytes are
// stored (method 0) or deflated (method 8). Enough for the demo; not a general zip library.
import { crc32, inflateRawSync } from "node:zlib";

/** One file of a zip. */
export interface ZipEntry {
  name: string;
  data: Buffer;
  /** The CRC32 the zip records for it. */
  crc32: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip, each checked against the CRC32 the zip records.
 *
 * @example
 * ```ts
 * for (const entry of zipEntries(buffer)) console.log(entry.name, entry.data.length);
 * ```
 */
export function zipEntries(zip: Buffer): ZipEntry[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== EOCD) end--;
  if (end < 0) throw new Error("not a zip: no end of central directory record");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error(`zip central directory entry ${i} is malformed`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error(`zip entry ${name}: bad local header`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : undefined;
    if (data === undefined) throw new Error(`zip entry ${name}: compression method ${method} is not supported`);
    if (crc32(data) >>> 0 !== crc) throw new Error(`zip entry ${name}: CRC32 mismatch`);
    entries.push({ name, data, crc32: crc });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}
