// The sandbox's main storage: files in a directory, addressed by ICAT location. New files get
// ids.storage_file's layout `<investigationId>/<datasetId>/<uuid>` (MainFileStorage.java put),
// and their CRC32 is computed while they are written, as IdsBean.put does with CRC32.
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { link, mkdir, rm, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { FileSink } from "../transfer/file-sink.js";
import type { CatalogueDataset } from "./catalogue.js";

/**
 * A file written to storage.
 *
 * @example
 * ```ts
 * const { location, size, checksum } = await storage.store(dataset, "Hello John!\n");
 * ```
 */
export interface StoredFile {
  location: string;
  size: number;
  /** CRC32 as a number (IDS's put answer). */
  crc32: number;
  /** CRC32 as ICAT stores it: Long.toHexString, lowercase, no padding. */
  checksum: string;
}

/**
 * Bytes to store.
 *
 * @example
 * ```ts
 * const content: StorageContent = createReadStream("scan.nxs");
 * ```
 */
export type StorageContent = string | Uint8Array | Readable | AsyncIterable<Uint8Array>;

/**
 * Files of the sandbox, under `<dataDir>/main`.
 *
 * @example
 * ```ts
 * const storage = new FileStorage("/tmp/ids-sandbox");
 * const stream = storage.read(location, 0);
 * ```
 */
export class FileStorage {
  /** The main storage directory. */
  readonly root: string;

  constructor(dataDir: string) {
    this.root = resolve(dataDir, "main");
  }

  /** The absolute path of a location; throws when it would leave the storage directory. */
  pathOf(location: string): string {
    const path = resolve(this.root, location);
    const rel = relative(this.root, path);
    if (rel === "" || rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel)) throw new Error(`location ${JSON.stringify(location)} leaves the storage directory`);
    return path;
  }

  /** Writes `content` as a new file of `dataset`; removes it again if writing fails. */
  async store(dataset: Pick<CatalogueDataset, "id" | "investigation">, content: StorageContent): Promise<StoredFile> {
    const location = `${dataset.investigation.id}/${dataset.id}/${randomUUID()}`;
    const path = this.pathOf(location);
    await mkdir(dirname(path), { recursive: true });
    const source = typeof content === "string" || content instanceof Uint8Array ? Readable.from([Buffer.from(content)]) : content;
    // The client's download sink: counts bytes and CRC32 as they reach the file.
    const sink = await FileSink.create(path);
    try {
      await sink.consume(source);
      await sink.close();
    } catch (err) {
      await sink.close();
      await rm(path, { force: true });
      throw err;
    }
    const crc = sink.crc >>> 0;
    return { location, size: sink.bytes, crc32: crc, checksum: crc.toString(16) };
  }

  /** Reads a file from byte `offset` on. */
  read(location: string, offset: number): Readable {
    return createReadStream(this.pathOf(location), { start: offset, highWaterMark: 256 * 1024 });
  }

  /** The size on disk, or undefined when the file is missing. */
  async size(location: string): Promise<number | undefined> {
    const info = await stat(this.pathOf(location)).catch(() => undefined);
    return info?.isFile() ? info.size : undefined;
  }

  /** Removes a file (missing is fine). */
  async delete(location: string): Promise<void> {
    await rm(this.pathOf(location), { force: true });
  }

  /** Makes a hard link to a file under `<dataDir>/link` and returns its path (IdsBean.getLink). */
  async link(location: string, linkDir: string): Promise<string> {
    await mkdir(linkDir, { recursive: true });
    const path = join(linkDir, randomUUID());
    await link(this.pathOf(location), path);
    return path;
  }
}
