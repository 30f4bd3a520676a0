// Client.download_files (SCT:client.py): pick files with `select`, place each at
// target/remotePath (refusing paths that leave target and two files landing on one path), skip
// files already present with the recorded checksum unless `force`, then download through the
// transfer — verified, via a temp file and rename.
import { access } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { posix } from "node:path";
import { InvalidArgumentError, type Logger } from "@catkit/core";
import { FileTransferError } from "../errors/transfer-errors.js";
import { checksumOfFile, DEFAULT_CHECKSUM_ALGORITHM } from "../files/checksum.js";
import type { Dataset } from "../models/dataset.js";
import type { File } from "../models/file.js";
import { remotePath, sourceFolder } from "../models/remote-path.js";
import type { DownloadItem, FileTransfer, TransferOptions } from "../transfer/file-transfer.js";
import { fileSelector, type FileSelector } from "./select-files.js";

/**
 * Options of downloadFiles.
 *
 * @example
 * ```ts
 * await client.downloadFiles(dataset, { target: "./data", select: /\.nxs$/, checksumAlgorithm: "md5", force: false });
 * ```
 */
export interface DownloadFilesOptions extends TransferOptions {
  /** Directory the files go to (created when missing). */
  target: string;
  /** Which files (default true: all). */
  select?: FileSelector;
  /** Overrides the orig datablock's checksum algorithm. */
  checksumAlgorithm?: string;
  /** Download even when a local file with the right checksum exists. */
  force?: boolean;
}

async function upToDate(local: string, file: File, algorithm: string): Promise<boolean> {
  if (file.checksum === undefined) return false;
  try {
    await access(local);
  } catch {
    return false;
  }
  return (await checksumOfFile(local, algorithm)) === file.checksum.toLowerCase();
}

/** Client.download_files; returns the dataset with `localPath` set on the selected files. */
export async function downloadFiles(transfer: FileTransfer | undefined, logger: Logger, dataset: Dataset, options: DownloadFilesOptions): Promise<Dataset> {
  if (!transfer) throw new InvalidArgumentError("downloadFiles needs a file transfer: create the client with `fileTransfer`", { argument: "fileTransfer" });
  const target = resolve(options.target);
  const root = sourceFolder(dataset.fields.sourceFolder ?? "");
  const pick = fileSelector(options.select ?? true);
  const chosen = dataset.files.filter(pick);
  const locals = new Map<string, File>();
  const items: DownloadItem[] = [];
  const placed = new Map<File, string>();
  for (const file of chosen) {
    const rel = remotePath(file.remotePath);
    const local = resolve(target, ...rel.split("/"));
    const inside = relative(target, local);
    if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) throw new InvalidArgumentError(`remote path ${file.remotePath} would be written outside ${target}`, { argument: "remotePath" });
    if (locals.has(local)) throw new InvalidArgumentError(`${locals.get(local)?.remotePath} and ${file.remotePath} would both be downloaded to ${local}`, { argument: "select" });
    locals.set(local, file);
    placed.set(file, local);
    let algorithm = options.checksumAlgorithm ?? (file.checksumAlgorithm || undefined);
    if (algorithm === undefined && file.checksum !== undefined) {
      logger.warn({ file: file.remotePath }, `no checksum algorithm recorded; assuming ${DEFAULT_CHECKSUM_ALGORITHM}`);
      algorithm = DEFAULT_CHECKSUM_ALGORITHM;
    }
    if (!options.force && algorithm !== undefined && (await upToDate(local, file, algorithm))) continue;
    items.push({ remote: posix.join(root, rel), local, expected: { size: file.size, ...(file.checksum === undefined ? {} : { checksum: file.checksum }), ...(algorithm === undefined ? {} : { algorithm }) } });
  }
  if (items.length > 0) {
    const connection = await transfer.connectForDownload(dataset, options.signal ? { signal: options.signal } : {});
    try {
      await connection.download(items, options);
    } catch (err) {
      if (err instanceof Error && "code" in err) throw err;
      throw new FileTransferError(`downloading files of ${String(dataset.fields.pid)} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    } finally {
      await connection.close();
    }
  }
  return dataset.with({
    origDatablocks: dataset.origDatablocks.map((b) => ({ ...b, files: b.files.map((f) => (placed.has(f) ? { ...f, localPath: placed.get(f) as string } : f)) })),
  });
}
