// The file transfer interface (scitacean FileTransfer, SCT:src/scitacean/typing.py), async:
// a transfer names the dataset's source folder, and opens connections for downloading and
// uploading. Uploads never overwrite and can be reverted; downloads resume and are verified.
import type { ProgressListener } from "@catkit/core";
import type { Dataset } from "../models/dataset.js";
import type { File } from "../models/file.js";
import type { ExpectedFile } from "../files/verified-download.js";

/**
 * Options of a batch of transfers.
 *
 * @example
 * ```ts
 * const options: TransferOptions = { concurrency: 8, signal: AbortSignal.timeout(600_000), onProgress: (e) => console.log(e.bytesDone) };
 * ```
 */
export interface TransferOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ProgressListener | undefined;
  /** Files in flight at once (default 4). */
  concurrency?: number | undefined;
}

/**
 * One file to download.
 *
 * @example
 * ```ts
 * const item: DownloadItem = { remote: "/data/ds1/a.nxs", local: "./a.nxs", expected: { size: 10, checksum, algorithm: "md5" } };
 * ```
 */
export interface DownloadItem {
  /** Absolute remote path (sourceFolder + file.remotePath). */
  remote: string;
  /** Final local path. */
  local: string;
  expected: ExpectedFile;
}

/**
 * An open download connection.
 *
 * @example
 * ```ts
 * const connection = await transfer.connectForDownload(dataset);
 * try { await connection.download(items); } finally { await connection.close(); }
 * ```
 */
export interface DownloadConnection {
  /** Downloads each item to its local path, verified (temp + rename). */
  download(items: readonly DownloadItem[], options?: TransferOptions): Promise<void>;
  close(): Promise<void>;
}

/**
 * An open upload connection.
 *
 * @example
 * ```ts
 * const connection = await transfer.connectForUpload(dataset);
 * const uploaded = await connection.upload(dataset.files);
 * ```
 */
export interface UploadConnection {
  /**
   * Uploads local files under the source folder; never overwrites. Returns the files with their
   * remote metadata and checksums. On failure, the files of this batch already uploaded are
   * removed before the error is thrown.
   */
  upload(files: readonly File[], options?: TransferOptions): Promise<File[]>;
  /** Removes uploaded files (and the source folder when it is left empty). */
  revert(files: readonly File[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Moves a dataset's files between this machine and the file server.
 *
 * @example
 * ```ts
 * const transfer: FileTransfer = new CopyFileTransfer({ sourceFolder: "/data/{owner}/{uid}" });
 * const client = ScicatClient.fromToken({ url, token, fileTransfer: transfer });
 * ```
 */
export interface FileTransfer {
  /**
   * The source folder for a new dataset's files (from the pattern, else the dataset's own).
   * The client stores it in the dataset before connecting, and connections use the dataset's
   * sourceFolder, so a pattern with "{uid}" is expanded once.
   */
  sourceFolderFor(dataset: Dataset): string;
  connectForDownload(dataset: Dataset, options?: { signal?: AbortSignal | undefined }): Promise<DownloadConnection>;
  connectForUpload(dataset: Dataset, options?: { signal?: AbortSignal | undefined }): Promise<UploadConnection>;
}
