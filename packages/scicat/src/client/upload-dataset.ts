// Client.upload_new_dataset_now in scitacean's order (SCT:client.py, §2.4):
//   validate (locally, then POST datasets/isValid) → upload files → POST datasets (on refusal:
//   revert the files) → POST origdatablocks → POST attachments.
// Nothing can be reserved in advance (backend#314), so once the dataset exists a failure is
// reported exactly (PartialUploadError.state) rather than rolled back, as scitacean does.
import type { ScicatApi } from "../api/scicat-api.js";
import { DatasetValidationError } from "../errors/transfer-errors.js";
import { DatasetUploadError, PartialUploadError, type UploadState } from "../errors/upload-errors.js";
import { InvalidArgumentError } from "@catkit/core";
import { formatIssues } from "@catkit/core/internal";
import { attachmentToWire } from "../models/attachment.js";
import type { Dataset } from "../models/dataset.js";
import type { File } from "../models/file.js";
import { origDatablockToWire } from "../models/orig-datablock.js";
import { remotePath, sourceFolder } from "../models/remote-path.js";
import { UploadDatasetSchema } from "../models/wire-schemas.js";
import type { FileTransfer, TransferOptions } from "../transfer/file-transfer.js";

/**
 * Options of uploadNewDatasetNow.
 *
 * @example
 * ```ts
 * await client.uploadNewDatasetNow(dataset, { concurrency: 8, onProgress: (e) => console.log(e.bytesDone) });
 * ```
 */
export type UploadOptions = TransferOptions;

type Json = Record<string, unknown>;

function checkFiles(dataset: Dataset): void {
  const seen = new Set<string>();
  for (const f of dataset.files) {
    const path = remotePath(f.remotePath);
    if (seen.has(path)) throw new InvalidArgumentError(`two files of the dataset have the remote path ${path}`, { argument: "files" });
    seen.add(path);
  }
}

/** Validates locally (typed issues) and with the server (POST /api/v4/datasets/isValid). */
async function validate(api: ScicatApi, dataset: Dataset, signal: AbortSignal | undefined): Promise<Json> {
  const body = dataset.toUploadModel();
  const local = UploadDatasetSchema.safeParse(body);
  if (!local.success) throw new DatasetValidationError("the dataset is not valid for upload", formatIssues(local.error.issues));
  const { valid } = await api.datasets.validate(body, signal ? { signal } : {});
  if (!valid) throw new DatasetValidationError("SciCat says the dataset is not valid (POST /api/v4/datasets/isValid)", ["see the server's validation rules for this dataset type"]);
  return body;
}

/** Client.upload_new_dataset_now; returns the dataset as SciCat now has it. */
export async function uploadNewDataset(api: ScicatApi, transfer: FileTransfer | undefined, input: Dataset, options: UploadOptions = {}): Promise<{ created: Json; blocks: Json[]; attachments: Json[] }> {
  const dataset = transfer ? input.with({ sourceFolder: transfer.sourceFolderFor(input) }) : input;
  sourceFolder(dataset.fields.sourceFolder ?? "");
  checkFiles(dataset);
  const local = dataset.origDatablocks.flatMap((b) => b.files.filter((f) => f.localPath !== undefined));
  if (local.length > 0 && !transfer) throw new InvalidArgumentError("the dataset has local files but the client has no file transfer to upload them", { argument: "fileTransfer" });
  const body = await validate(api, dataset, options.signal);
  const o = options.signal ? { signal: options.signal } : {};

  // files first: a dataset must never point at files that are not there
  let uploaded: File[] = [];
  const connection = local.length > 0 && transfer ? await transfer.connectForUpload(dataset, o) : undefined;
  try {
    if (connection) uploaded = await connection.upload(local, options);
    const blocksMade: string[] = [];
    const attachmentsMade: string[] = [];
    const state: UploadState = { filesUploaded: uploaded.map((f) => f.remotePath), origDatablocksCreated: blocksMade, origDatablocksTotal: dataset.origDatablocks.length, attachmentsCreated: attachmentsMade, attachmentsTotal: dataset.attachments?.length ?? 0 };
    let created: Json;
    try {
      created = await api.datasets.create(body, o);
    } catch (err) {
      if (!connection || uploaded.length === 0) throw err;
      try {
        await connection.revert(uploaded);
      } catch (revertError) {
        throw new DatasetUploadError(`SciCat refused the dataset, and removing its ${uploaded.length} uploaded files failed too; they are still on the file server under ${dataset.fields.sourceFolder}`, { cause: err, filesReverted: false, state, revertError });
      }
      throw new DatasetUploadError(`SciCat refused the dataset; its ${uploaded.length} uploaded files were removed again`, { cause: err, filesReverted: true, state: { ...state, filesUploaded: [] } });
    }
    const pid = String(created.pid);
    state.datasetPid = pid;
    const byPath = new Map(uploaded.map((f) => [f.remotePath, f]));
    const blocks: Json[] = [];
    for (const block of dataset.origDatablocks) {
      const files = block.files.map((f) => byPath.get(f.remotePath) ?? f);
      try {
        const made = await api.origDatablocks.create(origDatablockToWire({ ...block, files }, pid), o);
        blocks.push(made);
        blocksMade.push(String(made._id));
      } catch (err) {
        throw new PartialUploadError(`dataset ${pid} and its files were uploaded, but orig datablock ${blocks.length + 1} of ${dataset.origDatablocks.length} could not be created, so ${dataset.origDatablocks.length - blocks.length} block(s) of files are not linked to it; create them with scicat.origDatablocks.create`, { cause: err, state });
      }
    }
    const attachments: Json[] = [];
    for (const a of dataset.attachments ?? []) {
      try {
        const made = await api.attachments.create(attachmentToWire(a, { pid, ownerGroup: String(created.ownerGroup), accessGroups: (created.accessGroups as string[] | undefined) ?? [], isPublished: created.isPublished === true }), o);
        attachments.push(made);
        attachmentsMade.push(String(made.aid));
      } catch (err) {
        throw new PartialUploadError(`dataset ${pid}, its files and orig datablocks were uploaded, but attachment ${attachments.length + 1} of ${state.attachmentsTotal} ("${a.caption}") could not be created; create the rest with scicat.attachments.create`, { cause: err, state });
      }
    }
    return { created, blocks, attachments };
  } finally {
    await connection?.close();
  }
}
