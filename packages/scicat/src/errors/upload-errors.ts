// Errors of the multi-step dataset upload (scitacean's order, §2.4): the server refused the
// dataset after files were uploaded (files reverted), or the dataset exists but some of its orig
// datablocks or attachments do not. Each says exactly what exists (backend#314: no atomicity).
import { CatkitError } from "@catkit/core";
import { ScicatErrorCode } from "./scicat-error-codes.js";

/**
 * What an interrupted upload left behind.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof PartialUploadError) console.error(err.state.origDatablocksCreated.length, "of", err.state.origDatablocksTotal); }
 * ```
 */
export interface UploadState {
  /** The created dataset's pid, when the dataset exists. */
  datasetPid?: string;
  /** Remote paths of the files uploaded (and not reverted). */
  filesUploaded: readonly string[];
  /** Ids of the orig datablocks created, and how many were attempted. */
  origDatablocksCreated: readonly string[];
  origDatablocksTotal: number;
  /** Ids of the attachments created, and how many were attempted. */
  attachmentsCreated: readonly string[];
  attachmentsTotal: number;
}

/**
 * SciCat refused the dataset after its files were uploaded; the files were reverted
 * (`filesReverted`), or reverting failed too (`revertError`, and `state.filesUploaded` lists
 * what is left on the file server).
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof DatasetUploadError && !err.filesReverted) console.error("left on server:", err.state.filesUploaded); }
 * ```
 */
export class DatasetUploadError extends CatkitError {
  static override readonly kind: string = "scicat.DatasetUploadError";
  readonly filesReverted: boolean;
  readonly state: UploadState;
  readonly revertError: unknown;
  constructor(message: string, init: { cause: unknown; filesReverted: boolean; state: UploadState; revertError?: unknown }) {
    super(ScicatErrorCode.UploadFailed, message, { cause: init.cause });
    this.filesReverted = init.filesReverted;
    this.state = init.state;
    this.revertError = init.revertError;
  }
  protected override details(): Record<string, unknown> {
    return { filesReverted: this.filesReverted, state: this.state };
  }
}

/**
 * The dataset exists, with its files, but creating an orig datablock or an attachment failed.
 * Nothing was rolled back (as scitacean): `state` lists what exists; create the missing parts
 * with the low-level client.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof PartialUploadError) console.error(err.state.datasetPid, err.state.origDatablocksCreated); }
 * ```
 */
export class PartialUploadError extends CatkitError {
  static override readonly kind: string = "scicat.PartialUploadError";
  readonly state: UploadState;
  constructor(message: string, init: { cause: unknown; state: UploadState }) {
    super(ScicatErrorCode.PartialUpload, message, { cause: init.cause });
    this.state = init.state;
  }
  protected override details(): Record<string, unknown> {
    return { state: this.state };
  }
}
