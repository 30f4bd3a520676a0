// store_dataset(..., store_filename=X) and store_dataset_from_file (pyicat-plus
// client/metadata.py): ".xml" is appended when the name has no extension; directories are
// created. catkit writes through a temp file and a rename, so a crash never leaves half a file.
import { mkdir, readFile } from "node:fs/promises";
import { dirname, extname } from "node:path";
import { InvalidMetadataError } from "../errors/icat-plus-errors.js";
import { writeFileDurably } from "../fs/write-file-durably.js";

/**
 * The file name pyicat-plus uses: ".xml" added when there is no extension.
 *
 * @example
 * ```ts
 * xmlFileName("/data/__icat__/sample_0001"); // "/data/__icat__/sample_0001.xml"
 * ```
 */
export function xmlFileName(file: string): string {
  return extname(file) === "" ? `${file}.xml` : file;
}

/**
 * Writes a message's XML to `file` durably (temp, fsync, rename); returns the path written.
 *
 * @example
 * ```ts
 * await writeXmlFile("/data/visitor/hg123/id00/20240301/RAW_DATA/__icat__/sample_0001", xml);
 * ```
 */
export async function writeXmlFile(file: string, xml: string): Promise<string> {
  const path = xmlFileName(file);
  await mkdir(dirname(path), { recursive: true });
  await writeFileDurably(path, xml);
  return path;
}

/**
 * Reads a saved message to re-send it unchanged.
 *
 * @throws {InvalidMetadataError} when the file is empty or holds a NUL (it would cut the frame).
 * @example
 * ```ts
 * const xml = await readXmlFile("/data/__icat__/sample_0001.xml");
 * ```
 */
export async function readXmlFile(file: string): Promise<string> {
  const text = await readFile(xmlFileName(file), "utf8");
  if (text.trim() === "" || text.includes("\0")) {
    throw new InvalidMetadataError(`${xmlFileName(file)} is empty or holds a NUL byte; it is not a saved message`, { argument: "storeFilename" });
  }
  return text;
}
