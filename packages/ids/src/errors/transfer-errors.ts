// Errors found by the client while moving bytes, not reported by IDS.
import { CatkitError, type CatkitErrorOptions } from "@catkit/core";
import { IdsErrorCode } from "./ids-error-codes.js";

/**
 * The CRC32 computed over the bytes sent or received differs from the one IDS or ICAT gave.
 * After a put, the datafile exists on the server (`datafileId`): delete it and upload again.
 *
 * @example
 * ```ts
 * catch (err) {
 *   if (err instanceof IdsChecksumMismatchError && err.datafileId !== undefined) await ids.delete({ datafileIds: [err.datafileId] });
 * }
 * ```
 */
export class IdsChecksumMismatchError extends CatkitError {
  static override readonly kind: string = "catkit.IdsChecksumMismatchError";
  /** The checksum computed locally, lowercase hex. */
  readonly actual: string;
  /** The checksum expected (from IDS or ICAT), lowercase hex. */
  readonly expected: string;
  readonly datafileId: number | undefined;
  constructor(message: string, init: CatkitErrorOptions & { actual: string; expected: string; datafileId?: number }) {
    super(IdsErrorCode.ChecksumMismatch, message, init);
    this.actual = init.actual;
    this.expected = init.expected;
    this.datafileId = init.datafileId;
  }
  protected override details(): Record<string, unknown> {
    return { actual: this.actual, expected: this.expected, ...(this.datafileId === undefined ? {} : { datafileId: this.datafileId }) };
  }
}

/**
 * The number of bytes transferred differs from the size announced (Content-Length, ICAT
 * fileSize, or the size IDS reports after a put).
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IdsSizeMismatchError) console.error(err.actual, "bytes instead of", err.expected); }
 * ```
 */
export class IdsSizeMismatchError extends CatkitError {
  static override readonly kind: string = "catkit.IdsSizeMismatchError";
  readonly actual: number;
  readonly expected: number;
  readonly datafileId: number | undefined;
  constructor(message: string, init: CatkitErrorOptions & { actual: number; expected: number; datafileId?: number }) {
    super(IdsErrorCode.SizeMismatch, message, init);
    this.actual = init.actual;
    this.expected = init.expected;
    this.datafileId = init.datafileId;
  }
  protected override details(): Record<string, unknown> {
    return { actual: this.actual, expected: this.expected, ...(this.datafileId === undefined ? {} : { datafileId: this.datafileId }) };
  }
}

/**
 * The data did not come online before the restore timeout. `lastStatus` is what getStatus said
 * last.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IdsRestoreTimeoutError) console.error("still", err.lastStatus); }
 * ```
 */
export class IdsRestoreTimeoutError extends CatkitError {
  static override readonly kind: string = "catkit.IdsRestoreTimeoutError";
  readonly lastStatus: string | undefined;
  readonly timeoutMs: number;
  constructor(message: string, init: CatkitErrorOptions & { lastStatus?: string; timeoutMs: number }) {
    super(IdsErrorCode.RestoreTimeout, message, init);
    this.lastStatus = init.lastStatus;
    this.timeoutMs = init.timeoutMs;
  }
  protected override details(): Record<string, unknown> {
    return { timeoutMs: this.timeoutMs, ...(this.lastStatus === undefined ? {} : { lastStatus: this.lastStatus }) };
  }
}

/**
 * A download whose connection broke more often than `maxResumes` allows. `resumes` is how often it
 * was continued, `bytesReceived` how much had arrived in the partial file when it gave up; the
 * last network error is the `cause`.
 *
 * @example
 * ```ts
 * catch (err) {
 *   if (err instanceof IdsResumeLimitError) console.error(`gave up after ${err.resumes} resumes, ${err.bytesReceived} bytes in`);
 * }
 * ```
 */
export class IdsResumeLimitError extends CatkitError {
  static override readonly kind: string = "catkit.IdsResumeLimitError";
  readonly resumes: number;
  readonly bytesReceived: number;
  readonly bytesExpected: number | undefined;
  constructor(message: string, init: CatkitErrorOptions & { resumes: number; bytesReceived: number; bytesExpected?: number | undefined }) {
    super(IdsErrorCode.ResumeLimit, message, init);
    this.resumes = init.resumes;
    this.bytesReceived = init.bytesReceived;
    this.bytesExpected = init.bytesExpected;
  }
  protected override details(): Record<string, unknown> {
    return { resumes: this.resumes, bytesReceived: this.bytesReceived, ...(this.bytesExpected === undefined ? {} : { bytesExpected: this.bytesExpected }) };
  }
}

/**
 * The download destination cannot be written: `directory` is where, `errno` the file system's
 * reason (EACCES, EROFS, ENOTDIR, ENOSPC, …), also said in words in the message.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IdsDestinationError && err.errno === "EACCES") console.error("choose a writable directory"); }
 * ```
 */
export class IdsDestinationError extends CatkitError {
  static override readonly kind: string = "catkit.IdsDestinationError";
  readonly directory: string;
  readonly errno: string;
  constructor(message: string, init: CatkitErrorOptions & { directory: string; errno: string }) {
    super(IdsErrorCode.Destination, message, init);
    this.directory = init.directory;
    this.errno = init.errno;
  }
  protected override details(): Record<string, unknown> {
    return { directory: this.directory, errno: this.errno };
  }
}

/**
 * A put lost its answer after the bytes were sent, and whether IDS created the datafile could not
 * be settled: `existing` is what a look-up found (a datafile whose size or checksum differs), or
 * undefined when no look-up was possible.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof IdsPutOutcomeUnknownError) console.error(err.datasetId, err.datafileName, err.existing); }
 * ```
 */
export class IdsPutOutcomeUnknownError extends CatkitError {
  static override readonly kind: string = "catkit.IdsPutOutcomeUnknownError";
  readonly datasetId: number;
  readonly datafileName: string;
  readonly existing: { id: number; size: number | undefined; checksum: string | undefined } | undefined;
  constructor(
    message: string,
    init: CatkitErrorOptions & { datasetId: number; datafileName: string; existing: { id: number; size: number | undefined; checksum: string | undefined } | undefined },
  ) {
    super(IdsErrorCode.PutOutcomeUnknown, message, init);
    this.datasetId = init.datasetId;
    this.datafileName = init.datafileName;
    this.existing = init.existing === undefined ? undefined : { id: init.existing.id, size: init.existing.size, checksum: init.existing.checksum };
  }
  protected override details(): Record<string, unknown> {
    return { datasetId: this.datasetId, datafileName: this.datafileName, ...(this.existing === undefined ? {} : { existing: this.existing }) };
  }
}
