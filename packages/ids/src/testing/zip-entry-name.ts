// Zip entry names of ids.storage_file's standard ZipMapper (ZipMapper.java getFullEntryName):
// `ids/<facility>/<investigation>/<visitId>/<dataset>/<datafile>`, the first four parts
// encoded with java.net.URLEncoder (UTF-8), the datafile name as is (it may contain '/').
import type { CatalogueDatafile, CatalogueDataset } from "./catalogue.js";

/**
 * java.net.URLEncoder.encode(text, "UTF-8"): letters, digits and `.-*_` stay, a space becomes
 * `+`, every other byte `%XX` (uppercase hex).
 *
 * @example
 * ```ts
 * javaUrlEncode("1.1-P");   // "1.1-P"
 * javaUrlEncode("a b/ü~");  // "a+b%2F%C3%BC%7E"
 * ```
 */
export function javaUrlEncode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/**
 * The entry name of a datafile in an IDS zip.
 *
 * @example
 * ```ts
 * zipEntryName(dataset, datafile); // "ids/ESNF/12100409-ST/1.1-P/greetings/greet-jdoe.txt"
 * ```
 */
export function zipEntryName(dataset: CatalogueDataset, datafile: Pick<CatalogueDatafile, "name">): string {
  const inv = dataset.investigation;
  return `ids/${[inv.facility.name, inv.name, inv.visitId, dataset.name].map(javaUrlEncode).join("/")}/${datafile.name}`;
}
