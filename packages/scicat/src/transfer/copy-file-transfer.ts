// CopyFileTransfer (scitacean transfer/copy.py): the "file server" is a local or mounted
// filesystem. Uploads copy (or hard-link) into the source folder and never overwrite; downloads
// copy (or hard-link) and are verified like any other download.
import { createReadStream } from "node:fs";
import { link, mkdir, open, rename, rm, rmdir, stat, type FileHandle } from "node:fs/promises";
import { dirname, posix } from "node:path";
import { checksumOfFile } from "../files/checksum.js";
import { fileMode } from "../files/file-mode.js";
import { runPool } from "../files/pool.js";
import { writeFully } from "../files/write-fully.js";
import { downloadVerified } from "../files/verified-download.js";
import { ChecksumMismatchError, FileTransferError } from "../errors/transfer-errors.js";
import type { Dataset } from "../models/dataset.js";
import type { DownloadConnection, DownloadItem, FileTransfer, TransferOptions, UploadConnection } from "./file-transfer.js";
import { batchProgress } from "./progress.js";
import { datasetSourceFolder, formatSourceFolder } from "./source-folder.js";
import { uploadBatch, type RemoteWriter } from "./upload-batch.js";

/**
 * Options of {@link CopyFileTransfer}.
 *
 * @example
 * ```ts
 * new CopyFileTransfer({ sourceFolder: "/mnt/data/{owner}/{uid}", hardLink: true });
 * ```
 */
export interface CopyFileTransferOptions {
  /** Source-folder pattern, e.g. "/data/{owner}/{uid}"; default: the dataset's sourceFolder. */
  sourceFolder?: string;
  /** Downloads hard-link instead of copying (same filesystem only; uploads always copy, so that the checksum is computed while streaming). */
  hardLink?: boolean;
}

const notFound = (err: unknown) => (err as NodeJS.ErrnoException).code === "ENOENT";

/** Removes files, then empty directories up to `root` (inclusive). */
export async function removeLocal(paths: readonly string[], root: string): Promise<void> {
  for (const p of paths) await rm(p, { force: true });
  const dirs = [...new Set(paths.map((p) => dirname(p)))].sort((a, b) => b.length - a.length);
  for (let dir of dirs) {
    while (dir.startsWith(root)) {
      try {
        await rmdir(dir);
      } catch {
        break;
      }
      if (dir === root) break;
      dir = dirname(dir);
    }
  }
}

const localWriter: RemoteWriter = {
  mkdirs: async (dir) => void (await mkdir(dir, { recursive: true })),
  async create(path) {
    let file: FileHandle;
    try {
      file = await open(path, "wx");
    } catch (err) {
      const exists = (err as NodeJS.ErrnoException).code === "EEXIST";
      throw new FileTransferError(exists ? `refusing to overwrite ${path}: it already exists` : `cannot create ${path}`, { path, exists, cause: err });
    }
    return {
      write: (chunk, position) => writeFully(file, chunk, position),
      close: () => file.close(),
    };
  },
  async stat(path) {
    const st = await stat(path);
    return { uid: String(st.uid), gid: String(st.gid), perm: fileMode(st.mode), size: st.size };
  },
  remove: removeLocal,
};

/**
 * Transfers files by copying on the local filesystem.
 *
 * @example
 * ```ts
 * const transfer = new CopyFileTransfer({ sourceFolder: "/mnt/data/{owner}/{uid}" });
 * ```
 */
export class CopyFileTransfer implements FileTransfer {
  readonly #options: CopyFileTransferOptions;
  constructor(options: CopyFileTransferOptions = {}) {
    this.#options = options;
  }

  sourceFolderFor(dataset: Dataset): string {
    return this.#options.sourceFolder === undefined ? datasetSourceFolder(dataset) : formatSourceFolder(this.#options.sourceFolder, dataset);
  }

  connectForDownload(): Promise<DownloadConnection> {
    const hardLink = this.#options.hardLink === true;
    return Promise.resolve({
      async download(items: readonly DownloadItem[], options: TransferOptions = {}) {
        const progress = batchProgress("scicat.download", options.onProgress, { files: items.length });
        await runPool(items, options.concurrency ?? 4, async (item) => {
          try {
            if (hardLink) await linkVerified(item);
            else await downloadVerified(item.local, (offset) => Promise.resolve(createReadStream(item.remote, { start: offset, highWaterMark: 256 * 1024 })), item.expected, { signal: options.signal, onBytes: (n) => progress.bytes(item.local, n) });
          } catch (err) {
            if (notFound(err)) throw new FileTransferError(`${item.remote} does not exist on the file server`, { path: item.remote, cause: err });
            throw err;
          }
          progress.file(item.local);
        }, { signal: options.signal });
      },
      close: () => Promise.resolve(),
    });
  }

  connectForUpload(dataset: Dataset): Promise<UploadConnection> {
    const root = datasetSourceFolder(dataset);
    return Promise.resolve({
      upload: (files, options) => uploadBatch(localWriter, root, dataset.checksumAlgorithm, files, options),
      revert: (files) => removeLocal(files.map((f) => posix.join(root, f.remotePath)), root),
      close: () => Promise.resolve(),
    });
  }
}

/** Hard-links the remote file to a temp name, verifies it, then renames into place. */
async function linkVerified(item: DownloadItem): Promise<void> {
  const tmp = `${item.local}.part`;
  await mkdir(dirname(item.local), { recursive: true });
  await rm(tmp, { force: true });
  await link(item.remote, tmp);
  const { checksum, algorithm } = item.expected;
  if (checksum !== undefined && algorithm !== undefined) {
    const actual = await checksumOfFile(tmp, algorithm);
    if (actual !== checksum.toLowerCase()) {
      await rm(tmp, { force: true });
      throw new ChecksumMismatchError({ path: item.local, algorithm, expected: checksum, actual });
    }
  }
  await rename(tmp, item.local);
}

