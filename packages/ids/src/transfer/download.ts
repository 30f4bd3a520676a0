// download(): getData into a file, safely. Bytes go to a temporary file beside the destination;
// a broken connection is resumed (download-attempts.ts); size and CRC32 are checked; only then
// is the file renamed into place, atomically. On any failure or abort the temporary file is
// removed, so the destination is either the complete, verified file or untouched.
import { rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { InvalidArgumentError, type ProgressListener } from "@catkit/core";
import { IdsChecksumMismatchError, IdsSizeMismatchError } from "../errors/transfer-errors.js";
import { resolveTarget, type DataTarget } from "../operations/data-target.js";
import { fitDataTarget, type DataRequestOptions } from "../operations/get-data.js";
import type { CallOptions, IdsContext } from "../operations/ids-context.js";
import { crc32Hex, requireCrc32 } from "./crc32.js";
import { destinationError, ensureDirectory, removeCreated } from "./destination.js";
import { fetchWithResume, type AttemptState } from "./download-attempts.js";
import { FileSink } from "./file-sink.js";
import { partName } from "./partial-downloads.js";
import type { RestoreWaitOptions } from "./restore-wait.js";
import { safeSegments } from "./safe-path.js";

/**
 * Options of download().
 *
 * @example
 * ```ts
 * await ids.download({ datafileIds: [12] }, "scan.nxs", { checksum: "bef32c73", expectedSize: 12, onProgress: console.log });
 * ```
 */
export interface DownloadOptions extends DataRequestOptions, CallOptions {
  onProgress?: ProgressListener;
  /** The size the file must have (e.g. ICAT's Datafile.fileSize). */
  expectedSize?: number;
  /** The CRC32 the file must have: ICAT's Datafile.checksum (hex) or a number. */
  checksum?: string | number;
  /** Broken connections to recover from before giving up (default 5). */
  maxResumes?: number;
  /** Resume zips with Range too: only if this IDS is known to send identical zip bytes (default false). */
  resumeZip?: boolean;
  /** On 503 DataNotOnline, wait for the restore and continue. */
  waitForRestore?: boolean | RestoreWaitOptions;
  /** Replace an existing destination file (default true). */
  overwrite?: boolean;
  /** fsync the file before renaming it into place (default false). */
  sync?: boolean;
  /**
   * The file name for a download into a directory, instead of the name IDS sends. ids.server's
   * container sends non-ASCII names as spaces (see content-disposition.ts), so a caller that knows
   * the datafile's name (as `@catkit/icat`'s download does) passes it here.
   */
  fileName?: string;
}

/**
 * What download() wrote.
 *
 * @example
 * ```ts
 * const { path, size, checksum } = await ids.download({ datafileIds: [12] }, "greet.txt");
 * ```
 */
export interface DownloadResult {
  /** The file written. */
  path: string;
  size: number;
  /** CRC32 of the file, lowercase hex as ICAT stores it. */
  checksum: string;
  /** The name IDS gave in Content-Disposition. */
  fileName: string | undefined;
  zip: boolean;
  /** Times the transfer continued after a broken connection. */
  resumes: number;
  /** Times it had to start over from byte 0. */
  restarts: number;
  /** Set when a long selection was prepared first. */
  preparedId: string | undefined;
}

interface Place {
  directory: string;
  /** The final path; undefined when it comes from Content-Disposition. */
  file: string | undefined;
}

async function place(destination: string, overwrite: boolean): Promise<Place> {
  if (typeof destination !== "string" || destination === "") {
    throw new InvalidArgumentError("destination must be a file path or a directory", { argument: "destination" });
  }
  const path = resolve(destination);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) return { directory: path, file: undefined };
  if (existing && !overwrite) throw new InvalidArgumentError(`${path} exists and overwrite is false`, { argument: "destination" });
  return { directory: dirname(path), file: path };
}

async function createSink(tmp: string, directory: string, created: readonly string[], continuable: boolean): Promise<FileSink> {
  try {
    return await (continuable ? FileSink.resume(tmp) : FileSink.create(tmp));
  } catch (err) {
    await removeCreated(created);
    throw destinationError(err, directory);
  }
}

function checkCount(value: number | undefined, what: string): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
    throw new InvalidArgumentError(`${what} must be a non-negative integer, got ${String(value)}`, { argument: what });
  }
}

// A datafile name may contain '/': keep its last segment (checked like every written path).
function lastSegment(name: string, what: string): string {
  const segments = safeSegments(name, what);
  return segments[segments.length - 1] ?? name;
}

function nameFromHeaders(state: AttemptState): string {
  return lastSegment(state.fileName ?? (state.zip ? "ids-data.zip" : "ids-data"), "the file name IDS sent");
}

/**
 * Downloads a selection or preparedId to `destination` (a file path, or an existing directory
 * to use IDS's file name), with resume, size and CRC32 checks and an atomic rename.
 *
 * @example
 * ```ts
 * await download(ctx, { datafileIds: [12] }, "/data/greet-jdoe.txt", { checksum: "bef32c73" });
 * ```
 */
export async function download(ctx: IdsContext, target: DataTarget, destination: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  const expectedCrc = requireCrc32(options.checksum, "checksum");
  checkCount(options.expectedSize, "expectedSize");
  checkCount(options.maxResumes, "maxResumes");
  const resolved = resolveTarget(target);
  const where = await place(destination, options.overwrite ?? true);
  // A deterministic part name: a call killed half-way (even by SIGKILL) is continued by the same
  // call later, when the result can be verified (a single file with a known CRC32).
  const what = resolved.kind === "prepared" ? `preparedId=${resolved.preparedId}` : `${JSON.stringify(resolved.selection.toParams())}&zip=${String(options.zip === true)}`;
  const tmp = join(where.directory, partName(where.file ? basename(where.file) : "ids-download", what));
  const continuable = expectedCrc !== undefined && resolved.kind === "selection" && !resolved.selection.mustZip() && options.zip !== true;
  // Missing parent directories are created (as downloadMany does), and removed again if the
  // download fails: a failed call leaves nothing behind.
  const created = await ensureDirectory(where.directory);
  const sink = await createSink(tmp, where.directory, created, continuable);
  const continued = sink.bytes;
  let renamed = false;
  try {
    const fitted = await fitDataTarget(ctx, resolved, options);
    const state: AttemptState = { expectedTotal: options.expectedSize, fileName: undefined, zip: false, resumes: continued > 0 ? 1 : 0, restarts: 0 };
    const progressName = where.file ? basename(where.file) : "ids-download";
    await fetchWithResume(ctx, fitted, sink, state, {
      ...options,
      maxResumes: options.maxResumes ?? 5,
      resumeZip: options.resumeZip ?? false,
      knownZip: resolved.kind === "selection" ? options.zip === true || resolved.selection.mustZip() : undefined,
      progressName,
    });
    if (state.expectedTotal !== undefined && sink.bytes !== state.expectedTotal) {
      throw new IdsSizeMismatchError(`received ${sink.bytes} bytes for ${progressName}, expected ${state.expectedTotal}`, {
        actual: sink.bytes,
        expected: state.expectedTotal,
      });
    }
    if (expectedCrc !== undefined && sink.crc !== expectedCrc) {
      throw new IdsChecksumMismatchError(
        `CRC32 of the downloaded ${progressName} is ${crc32Hex(sink.crc)}, expected ${crc32Hex(expectedCrc)}: the data was corrupted on the way or at the source${continued > 0 ? ` (or the ${continued} bytes left by an earlier attempt were stale)` : ""}; the file was not kept`,
        { actual: crc32Hex(sink.crc), expected: crc32Hex(expectedCrc) },
      );
    }
    if (options.sync) await sink.sync();
    await sink.close();
    const path = where.file ?? join(where.directory, options.fileName === undefined ? nameFromHeaders(state) : lastSegment(options.fileName, "fileName"));
    await rename(tmp, path);
    renamed = true;
    options.onProgress?.({ operation: "ids.download", name: progressName, bytesDone: sink.bytes, bytesTotal: sink.bytes, done: true });
    return {
      path,
      size: sink.bytes,
      checksum: crc32Hex(sink.crc),
      fileName: state.fileName,
      zip: state.zip,
      resumes: state.resumes,
      restarts: state.restarts,
      preparedId: fitted.kind === "prepared" ? fitted.preparedId : undefined,
    };
  } finally {
    if (!renamed) {
      await sink.close();
      await rm(tmp, { force: true });
      await removeCreated(created);
    }
  }
}
