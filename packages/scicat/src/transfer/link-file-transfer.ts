// LinkFileTransfer (scitacean transfer/link.py): "downloads" as symbolic links to the files on
// a mounted file server; uploading is not possible. The link target is still checksum-verified.
import { mkdir, rm, symlink } from "node:fs/promises";
import { dirname } from "node:path";
import { FileTransferError, ChecksumMismatchError } from "../errors/transfer-errors.js";
import { checksumOfFile } from "../files/checksum.js";
import { runPool } from "../files/pool.js";
import type { Dataset } from "../models/dataset.js";
import type { DownloadConnection, FileTransfer, UploadConnection } from "./file-transfer.js";
import { batchProgress } from "./progress.js";
import { datasetSourceFolder, formatSourceFolder } from "./source-folder.js";
import { access } from "node:fs/promises";

/**
 * Makes dataset files available as symlinks (read-only access to a mounted file server).
 *
 * @example
 * ```ts
 * const client = ScicatClient.fromToken({ url, token, fileTransfer: new LinkFileTransfer() });
 * ```
 */
export class LinkFileTransfer implements FileTransfer {
  readonly #pattern: string | undefined;
  constructor(options: { sourceFolder?: string } = {}) {
    this.#pattern = options.sourceFolder;
  }

  sourceFolderFor(dataset: Dataset): string {
    return this.#pattern === undefined ? datasetSourceFolder(dataset) : formatSourceFolder(this.#pattern, dataset);
  }

  async connectForDownload(dataset: Dataset): Promise<DownloadConnection> {
    const root = datasetSourceFolder(dataset);
    try {
      await access(root);
    } catch (err) {
      throw new FileTransferError(`${root} is not reachable from this machine`, { path: root, cause: err });
    }
    return {
      async download(items, options = {}) {
        const progress = batchProgress("scicat.download", options.onProgress, { files: items.length });
        await runPool(items, options.concurrency ?? 4, async (item) => {
          try {
            await access(item.remote);
          } catch (err) {
            throw new FileTransferError(`${item.remote} does not exist on the file server`, { path: item.remote, cause: err });
          }
          const { checksum, algorithm } = item.expected;
          if (checksum !== undefined && algorithm !== undefined) {
            const actual = await checksumOfFile(item.remote, algorithm, options.signal);
            if (actual !== checksum.toLowerCase()) throw new ChecksumMismatchError({ path: item.remote, algorithm, expected: checksum, actual });
          }
          await mkdir(dirname(item.local), { recursive: true });
          await rm(item.local, { force: true });
          await symlink(item.remote, item.local);
          progress.file(item.local);
        }, { signal: options.signal });
      },
      close: () => Promise.resolve(),
    };
  }

  connectForUpload(): Promise<UploadConnection> {
    return Promise.reject(new FileTransferError("LinkFileTransfer cannot upload files: use CopyFileTransfer or SftpFileTransfer"));
  }
}
