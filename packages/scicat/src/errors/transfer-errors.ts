// Errors of file transfers and local file checks.
import { CatkitError } from "@catkit/core";
import { ScicatErrorCode } from "./scicat-error-codes.js";

/**
 * A downloaded file's checksum differs from the one SciCat records. The file was not kept.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof ChecksumMismatchError) console.error(err.path, err.expected, err.actual); }
 * ```
 */
export class ChecksumMismatchError extends CatkitError {
  static override readonly kind: string = "scicat.ChecksumMismatchError";
  readonly path: string;
  readonly algorithm: string;
  readonly expected: string;
  readonly actual: string;
  constructor(init: { path: string; algorithm: string; expected: string; actual: string }) {
    super(ScicatErrorCode.ChecksumMismatch, `${init.path}: ${init.algorithm} checksum ${init.actual} differs from SciCat's ${init.expected}; the download was discarded`);
    this.path = init.path;
    this.algorithm = init.algorithm;
    this.expected = init.expected;
    this.actual = init.actual;
  }
  protected override details(): Record<string, unknown> {
    return { path: this.path, algorithm: this.algorithm, expected: this.expected, actual: this.actual };
  }
}

/**
 * A file transfer failed. `code` is SCICAT_FILE_EXISTS when it refused to overwrite a file,
 * SCICAT_TRANSFER otherwise. `path` names the file concerned, when one is.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof FileTransferError) console.error(err.path, err.message); }
 * ```
 */
export class FileTransferError extends CatkitError {
  static override readonly kind: string = "scicat.FileTransferError";
  readonly path: string | undefined;
  constructor(message: string, options: { path?: string; exists?: boolean; cause?: unknown } = {}) {
    super(options.exists ? ScicatErrorCode.FileExists : ScicatErrorCode.Transfer, message, { cause: options.cause });
    this.path = options.path;
  }
  protected override details(): Record<string, unknown> {
    return this.path === undefined ? {} : { path: this.path };
  }
}

/**
 * The dataset failed validation before anything was sent: `issues` lists each problem as
 * "field: what is wrong".
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof DatasetValidationError) console.error(err.issues.join("\n")); }
 * ```
 */
export class DatasetValidationError extends CatkitError {
  static override readonly kind: string = "scicat.DatasetValidationError";
  readonly issues: readonly string[];
  constructor(message: string, issues: readonly string[]) {
    super(ScicatErrorCode.InvalidDataset, `${message}: ${issues.slice(0, 5).join("; ")}${issues.length > 5 ? "; …" : ""}`);
    this.issues = issues;
  }
  protected override details(): Record<string, unknown> {
    return { issues: this.issues };
  }
}
