// Waiting for archived data to come back online (two-level storage). python-icat's restoreData
// (PI client.py:1003-1036) polls getStatus every 30 s and calls restore while ARCHIVED; users
// wrote that loop themselves before (python-icat PR#166). Here it has backoff, a deadline, an
// AbortSignal, and the one thing a failed restore needs: IDS remembers the failure and answers
// 500 "Restore failed" until `reset` (ids.server FiniteStateMachine.checkFailure), so reset is
// called once and the restore asked for again; a second failure is reported.
import { backoffDelay, sleep } from "@catkit/core/internal";
import { IdsRestoreFailedError } from "../errors/ids-error.js";
import { IdsRestoreTimeoutError } from "../errors/transfer-errors.js";
import { getStatus } from "../operations/data-info.js";
import type { ResolvedTarget } from "../operations/data-target.js";
import type { IdsContext } from "../operations/ids-context.js";
import { isPrepared } from "../operations/prepare-data.js";
import type { DataStatus } from "../operations/response-schemas.js";
import { reset, restore } from "../operations/storage-control.js";

/**
 * How to wait for a restore.
 *
 * @example
 * ```ts
 * await ids.restoreAndWait(selection, { timeoutMs: 3_600_000, initialDelayMs: 5_000, onStatus: console.log });
 * ```
 */
export interface RestoreWaitOptions {
  /** Give up after this long, ms (default 1 hour). */
  timeoutMs?: number;
  /** First pause between polls, ms (default 1 s); it doubles up to `maxDelayMs`. */
  initialDelayMs?: number;
  /** Longest pause between polls, ms (default 30 s, python-icat's interval). */
  maxDelayMs?: number;
  signal?: AbortSignal | undefined;
  /** Called with each status seen. */
  onStatus?: (status: DataStatus) => void;
}

async function poll(ctx: IdsContext, target: ResolvedTarget, signal: AbortSignal | undefined): Promise<DataStatus> {
  if (target.kind === "selection") return getStatus(ctx, target.selection, { signal });
  // isPrepared also (re)starts the restores of what is still archived (IdsBean.isPrepared).
  return (await isPrepared(ctx, target.preparedId, { signal })) ? "ONLINE" : "RESTORING";
}

const formatSeconds = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);

/**
 * Polls until the data is ONLINE, asking for a restore while it is ARCHIVED and resetting once
 * after a "Restore failed". Resolves with the number of polls made.
 *
 * @example
 * ```ts
 * await waitUntilOnline(ctx, resolveTarget(selection), { timeoutMs: 600_000 });
 * ```
 */
export async function waitUntilOnline(ctx: IdsContext, target: ResolvedTarget, options: RestoreWaitOptions = {}, cause?: unknown): Promise<number> {
  const timeoutMs = options.timeoutMs ?? 3_600_000;
  const started = Date.now();
  const deadline = started + timeoutMs;
  let resetDone = false;
  let lastStatus: DataStatus | undefined;
  for (let polls = 1; ; polls++) {
    let status: DataStatus;
    try {
      status = await poll(ctx, target, options.signal);
    } catch (err) {
      if (!(err instanceof IdsRestoreFailedError) || resetDone) throw err;
      resetDone = true;
      await reset(ctx, target.kind === "prepared" ? target.preparedId : target.selection, { signal: options.signal });
      status = "ARCHIVED";
    }
    lastStatus = status;
    options.onStatus?.(status);
    if (status === "ONLINE") return polls;
    if (status === "ARCHIVED" && target.kind === "selection") await restore(ctx, target.selection, { signal: options.signal });
    // The last poll is made at the deadline itself, not one pause before it: a timeoutMs of
    // 1.5 s waits 1.5 s, and the message says how long was really waited.
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new IdsRestoreTimeoutError(
        `The data was still ${lastStatus} after ${formatSeconds(Date.now() - started)} of waiting for the restore (timeoutMs ${timeoutMs}); try again later or raise timeoutMs.`,
        { lastStatus, timeoutMs, ...(cause === undefined ? {} : { cause }) },
      );
    }
    await sleep(Math.min(backoffDelay(polls, options.initialDelayMs ?? 1_000, options.maxDelayMs ?? 30_000), left), options.signal);
  }
}
