// Lists the entries of a zip file that the demo downloaded, with yauzl: each entry is streamed
// through CRC32 (zlib.crc32) and never held whole; the text of entries up to 1 KiB is kept so the
// demo can print the tutorial's greetings.
import { crc32 } from "node:zlib";
import yauzl from "yauzl";

/** One file of a zip. */
export interface ZipEntry {
  name: string;
  size: number;
  /** CRC32 of the bytes read, checked against the one the zip records. */
  crc32: number;
  /** The entry's text when it is at most 1 KiB. */
  text: string | undefined;
}

const SMALL = 1024;

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream))));
}

/**
 * The entries of the zip file at `path`, each checked against the CRC32 the zip records.
 *
 * @example
 * ```ts
 * for (const entry of await zipEntries("greetings.zip")) console.log(entry.name, entry.size);
 * ```
 */
export async function zipEntries(path: string): Promise<ZipEntry[]> {
  const zip = await openZip(path);
  const entries: ZipEntry[] = [];
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
        zip.once("entry", resolve).once("end", () => resolve(undefined)).once("error", reject);
        zip.readEntry();
      });
      zip.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
      if (entry === undefined) return entries;
      let crc = 0;
      const small: Buffer[] = [];
      for await (const chunk of (await openEntry(zip, entry)) as AsyncIterable<Buffer>) {
        crc = crc32(chunk, crc);
        if (entry.uncompressedSize <= SMALL) small.push(chunk);
      }
      if (crc >>> 0 !== entry.crc32) throw new Error(`zip entry ${entry.fileName}: CRC32 mismatch`);
      const text = entry.uncompressedSize <= SMALL ? small.map((b) => b.toString("utf8")).join("") : undefined;
      entries.push({ name: entry.fileName, size: entry.uncompressedSize, crc32: entry.crc32, text });
    }
  } finally {
    zip.close();
  }
}
