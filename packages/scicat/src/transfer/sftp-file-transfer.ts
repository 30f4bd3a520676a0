// SftpFileTransfer (scitacean transfer/sftp.py, on ssh2 instead of paramiko): uploads create the
// source folder recursively, never overwrite, record uid/gid/perm/size, and revert the batch on
// failure (removing the source folder when it is left empty); downloads keep many read
// requests in flight, verify checksums, and resume an interrupted file from its `.part` length.
import { posix } from "node:path";
import { AbortError } from "@catkit/core";
import { FileTransferError } from "../errors/transfer-errors.js";
import { fileMode } from "../files/file-mode.js";
import { runPool } from "../files/pool.js";
import { downloadVerified } from "../files/verified-download.js";
import type { Dataset } from "../models/dataset.js";
import type { DownloadConnection, DownloadItem, FileTransfer, TransferOptions, UploadConnection } from "./file-transfer.js";
import { batchProgress } from "./progress.js";
import { openSftp, type SftpConnectOptions, type SftpSession } from "./sftp-session.js";
import { sftpChunks } from "./sftp-read-chunks.js";
import { datasetSourceFolder, formatSourceFolder } from "./source-folder.js";
import { uploadBatch, type RemoteWriter } from "./upload-batch.js";

/**
 * Options of {@link SftpFileTransfer}.
 *
 * @example
 * ```ts
 * new SftpFileTransfer({ host: "login.example.org", username: "ada", privateKeyPath: "~/.ssh/id_ed25519", attempts: 5 });
 * ```
 */
export interface SftpFileTransferOptions extends SftpConnectOptions {
  /** Source-folder pattern for uploads, e.g. "/data/{owner}/{uid}"; default the dataset's. */
  sourceFolder?: string;
  /** Attempts per file when the connection drops mid-file, each resuming where the last stopped (default 3). */
  attempts?: number;
  /** Read requests in flight per file (default: 2 MiB worth, at least 4). */
  readsInFlight?: number;
  /** Bytes per read request (default: the largest the server takes, 255 KiB on OpenSSH). */
  readChunkSize?: number;
}

function writer(session: SftpSession): RemoteWriter {
  return {
    chunkSize: session.maxWrite,
    mkdirs: (dir) => session.mkdirs(dir),
    async create(path) {
      const sftp = session.sftp;
      // "wx" is SSH_FXF_CREAT|SSH_FXF_EXCL: the server refuses an existing file, so nothing is
      // overwritten; a stat after a refusal only tells which error to report.
      const handle = await new Promise<Buffer>((resolve, reject) => sftp.open(path, "wx", { mode: 0o644 }, (err, h) => (err ? reject(err) : resolve(h)))).catch(async (err: Error) => {
        if ((await session.stat(path).catch(() => undefined)) !== undefined) throw new FileTransferError(`refusing to overwrite ${path} on the file server: it already exists`, { path, exists: true });
        throw new FileTransferError(`cannot create ${path} on the file server: ${err.message}`, { path, cause: err });
      });
      return {
        // ssh2 splits a chunk above the server's write limit (limits@openssh.com)
        write: (chunk, position) => new Promise<void>((resolve, reject) => sftp.write(handle, chunk, 0, chunk.length, position, (err) => (err ? reject(err) : resolve()))),
        close: () => new Promise<void>((resolve, reject) => sftp.close(handle, (err) => (err ? reject(err) : resolve()))),
      };
    },
    async stat(path) {
      const st = await session.stat(path);
      if (!st) throw new FileTransferError(`${path} vanished after upload`, { path });
      return { uid: String(st.uid), gid: String(st.gid), perm: fileMode(st.mode), size: st.size };
    },
    async remove(paths, root) {
      for (const p of paths) await session.unlink(p).catch(() => undefined);
      const dirs = [...new Set(paths.map((p) => posix.dirname(p)))].sort((a, b) => b.length - a.length);
      for (let dir of dirs) {
        while (dir.startsWith(root) && (await session.rmdir(dir)) && dir !== root) dir = posix.dirname(dir);
      }
    },
  };
}

/**
 * Transfers files over SFTP (OpenSSH and compatible servers).
 *
 * @example
 * ```ts
 * const transfer = new SftpFileTransfer({ host: "login.example.org", username: "ada", privateKeyPath: "/home/ada/.ssh/id_ed25519", sourceFolder: "/data/{owner}/{uid}" });
 * ```
 */
export class SftpFileTransfer implements FileTransfer {
  readonly #options: SftpFileTransferOptions;
  constructor(options: SftpFileTransferOptions) {
    this.#options = options;
  }

  sourceFolderFor(dataset: Dataset): string {
    return this.#options.sourceFolder === undefined ? datasetSourceFolder(dataset) : formatSourceFolder(this.#options.sourceFolder, dataset);
  }

  async connectForDownload(_dataset: Dataset, o: { signal?: AbortSignal | undefined } = {}): Promise<DownloadConnection> {
    const opts = this.#options;
    let session = await openSftp(opts, o.signal);
    const pool: Buffer[] = []; // read buffers, reused across the connection's files
    const reconnect = async () => {
      session.close();
      session = await openSftp(opts, o.signal);
    };
    const one = async (item: DownloadItem, options: TransferOptions, onBytes: (n: number) => void) => {
      const attempts = opts.attempts ?? 3;
      for (let attempt = 1; ; attempt++) {
        try {
          await downloadVerified(item.local, (start) => sftpChunks(session.sftp, item.remote, { start, pool, chunkSize: opts.readChunkSize ?? session.maxRead, ...(opts.readsInFlight ? { inFlight: opts.readsInFlight } : {}) }), item.expected, { signal: options.signal, onBytes });
          return;
        } catch (err) {
          if ((err as { code?: unknown }).code === 2) throw new FileTransferError(`${item.remote} does not exist on the file server`, { path: item.remote, cause: err });
          const dropped = err instanceof Error && /(?:No response|not connected|ECONNRESET|closed|EPIPE)/i.test(err.message);
          if (options.signal?.aborted) throw new AbortError(`download of ${item.remote} aborted; the partial file is kept to resume from`, { cause: err });
          if (!dropped || attempt >= attempts) throw err;
          await reconnect(); // the .part file stays: the next attempt resumes from its length
        }
      }
    };
    return {
      async download(items, options = {}) {
        const progress = batchProgress("scicat.download", options.onProgress, { files: items.length, bytes: items.reduce((n, i) => n + (i.expected.size ?? 0), 0) });
        await runPool(items, options.concurrency ?? 4, async (item) => {
          await one(item, options, (n) => progress.bytes(item.local, n));
          progress.file(item.local);
        }, { signal: options.signal });
      },
      close: () => Promise.resolve(session.close()),
    };
  }

  async connectForUpload(dataset: Dataset, o: { signal?: AbortSignal | undefined } = {}): Promise<UploadConnection> {
    const root = datasetSourceFolder(dataset);
    const session = await openSftp(this.#options, o.signal);
    const w = writer(session);
    return {
      upload: (files, options) => uploadBatch(w, root, dataset.checksumAlgorithm, files, options),
      revert: (files) => w.remove(files.map((f) => posix.join(root, f.remotePath)), root),
      close: () => Promise.resolve(session.close()),
    };
  }
}
