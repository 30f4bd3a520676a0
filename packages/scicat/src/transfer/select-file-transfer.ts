// SelectFileTransfer (scitacean transfer/select.py): tries its children in order and uses the
// first whose connection succeeds (ESS uses link → copy → SFTP).
import { FileTransferError } from "../errors/transfer-errors.js";
import type { Dataset } from "../models/dataset.js";
import type { DownloadConnection, FileTransfer, UploadConnection } from "./file-transfer.js";

/**
 * Uses the first file transfer that connects.
 *
 * @example
 * ```ts
 * const transfer = new SelectFileTransfer([new LinkFileTransfer(), new SftpFileTransfer({ host, username, privateKeyPath })]);
 * ```
 */
export class SelectFileTransfer implements FileTransfer {
  readonly #children: readonly FileTransfer[];
  constructor(children: readonly FileTransfer[]) {
    if (children.length === 0) throw new FileTransferError("SelectFileTransfer needs at least one file transfer");
    this.#children = children;
  }

  sourceFolderFor(dataset: Dataset): string {
    return (this.#children[0] as FileTransfer).sourceFolderFor(dataset);
  }

  connectForDownload(dataset: Dataset, options?: { signal?: AbortSignal | undefined }): Promise<DownloadConnection> {
    return this.#first((t) => t.connectForDownload(dataset, options), "download");
  }

  connectForUpload(dataset: Dataset, options?: { signal?: AbortSignal | undefined }): Promise<UploadConnection> {
    return this.#first((t) => t.connectForUpload(dataset, options), "upload");
  }

  async #first<C>(connect: (t: FileTransfer) => Promise<C>, what: string): Promise<C> {
    const errors: unknown[] = [];
    for (const child of this.#children) {
      try {
        return await connect(child);
      } catch (err) {
        errors.push(err);
      }
    }
    const reasons = errors.map((e) => (e instanceof Error ? e.message : String(e))).join("; ");
    throw new FileTransferError(`no file transfer could connect for ${what}: ${reasons}`, { cause: new AggregateError(errors) });
  }
}
