// The resume loop of a download. A connection that breaks mid-body is picked up where the file
// ends, with `Range: bytes=<n>-` (IDS answers 206 without Content-Range: IdsService.getData,
// RangeOutputStream). That is only sound when IDS will send the same bytes again: a single file
// is, a zip is rebuilt on every request with the current time in its entries (IdsBean SO.write
// via java.util.zip), so a zip is started over unless the caller knows better (`resumeZip`).
import { NetworkError, TimeoutError, type ProgressListener } from "@catkit/core";
import { backoffDelay, sleep, toCatkitError } from "@catkit/core/internal";
import { IdsResumeLimitError, IdsSizeMismatchError } from "../errors/transfer-errors.js";
import { getDatafileIds } from "../operations/data-info.js";
import type { ResolvedTarget } from "../operations/data-target.js";
import { fetchData, type DataRequestOptions } from "../operations/get-data.js";
import type { CallOptions, IdsContext } from "../operations/ids-context.js";
import type { FileSink } from "./file-sink.js";
import type { RestoreWaitOptions } from "./restore-wait.js";

/** Options of the attempt loop. */
export interface AttemptOptions extends DataRequestOptions, CallOptions {
  maxResumes: number;
  resumeZip: boolean;
  /** Whether the data is a zip, when known before asking (from the original selection). */
  knownZip?: boolean | undefined;
  waitForRestore?: boolean | RestoreWaitOptions | undefined;
  onProgress?: ProgressListener | undefined;
  progressName: string;
}

/** What the loop learnt about the transfer. */
export interface AttemptState {
  expectedTotal: number | undefined;
  fileName: string | undefined;
  zip: boolean;
  /** Times the transfer continued from the bytes already written. */
  resumes: number;
  /** Times it started over from byte 0. */
  restarts: number;
}

function isBrokenTransfer(err: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted) return false;
  return err instanceof NetworkError || (err instanceof TimeoutError && err.phase === "body");
}

async function canResume(ctx: IdsContext, target: ResolvedTarget, state: AttemptState, options: AttemptOptions): Promise<boolean> {
  if (options.resumeZip) return true;
  if (options.knownZip !== undefined) return !options.knownZip;
  if (target.kind === "selection") return !state.zip;
  // A preparedId's zip flag is only certain from IDS itself.
  const info = await getDatafileIds(ctx, target.preparedId, { signal: options.signal });
  return info.zip === false;
}

/**
 * Fetches `target` into `sink`, resuming or restarting after broken connections.
 *
 * @example
 * ```ts
 * const state = { expectedTotal: undefined, fileName: undefined, zip: false, resumes: 0, restarts: 0 };
 * await fetchWithResume(ctx, target, sink, state, { maxResumes: 5, resumeZip: false, progressName: "data.nxs" });
 * ```
 */
export async function fetchWithResume(ctx: IdsContext, target: ResolvedTarget, sink: FileSink, state: AttemptState, options: AttemptOptions): Promise<void> {
  for (let broken = 0; ; ) {
    const offset = sink.bytes;
    const data = await fetchData(ctx, target, { ...options, offset });
    if (offset > 0 && data.offset !== offset) {
      // The server ignored the Range: what comes is the whole thing again.
      await sink.truncate();
      state.restarts++;
    }
    state.fileName ??= data.fileName;
    state.zip = data.zip;
    if (data.size !== undefined) {
      const announced = data.offset + data.size;
      if (state.expectedTotal !== undefined && state.expectedTotal !== announced) {
        data.cancel();
        throw new IdsSizeMismatchError(`IDS announces ${announced} bytes for ${options.progressName}, but ${state.expectedTotal} were expected`, {
          actual: announced,
          expected: state.expectedTotal,
        });
      }
      state.expectedTotal = announced;
    }
    const report = (bytes: number) =>
      options.onProgress?.({
        operation: "ids.download",
        name: options.progressName,
        bytesDone: bytes,
        ...(state.expectedTotal === undefined ? {} : { bytesTotal: state.expectedTotal }),
        done: false,
      });
    try {
      await sink.consume(data, report);
      return;
    } catch (caught) {
      data.cancel();
      const err = toCatkitError(caught, { method: "GET", url: ctx.core.url("getData"), signal: options.signal });
      if (!isBrokenTransfer(err, options.signal)) throw err;
      if (broken >= options.maxResumes) {
        const total = state.expectedTotal === undefined ? "" : ` of ${state.expectedTotal}`;
        throw new IdsResumeLimitError(
          `Download of ${options.progressName} gave up: the connection broke ${broken + 1} times and maxResumes is ${options.maxResumes}; ${sink.bytes}${total} bytes had arrived (last error: ${err.message}). Try again later or raise maxResumes.`,
          { resumes: broken, bytesReceived: sink.bytes, bytesExpected: state.expectedTotal, cause: err },
        );
      }
      broken++;
      if (await canResume(ctx, target, state, options)) state.resumes++;
      else {
        await sink.truncate();
        state.restarts++;
      }
      ctx.core.logger.warn({ operation: "ids.download", bytes: sink.bytes, attempt: broken, error: err.message }, "download interrupted; continuing");
      await sleep(backoffDelay(broken, 200, 5_000), options.signal);
    }
  }
}
