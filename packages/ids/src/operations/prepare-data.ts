// prepareData (POST form) and isPrepared (GET). prepareData stores the selection under a new
// preparedId and, on two-level storage, starts restoring what is archived (IdsBean.prepareData).
import { isIdsUuid, assertPreparedId } from "../validation.js";
import { DataSelection, type SelectionInput } from "../data-selection.js";
import { sendIds, type CallOptions, type IdsContext, callSettings } from "./ids-context.js";
import { readBooleanAnswer, readMatchingAnswer } from "./read-answer.js";

/**
 * Options of prepareData: the zip and compress flags used by the later getData.
 *
 * @example
 * ```ts
 * const preparedId = await ids.prepareData({ datasetIds: [7] }, { zip: true, compress: true });
 * ```
 */
export interface PrepareDataOptions extends CallOptions {
  /** Zip even a single file (several files are always zipped). */
  zip?: boolean | undefined;
  /** Deflate the zip entries (otherwise they are stored). */
  compress?: boolean | undefined;
}

/**
 * `POST prepareData`: returns a preparedId for getData, getStatus, getSize, isPrepared.
 *
 * @example
 * ```ts
 * const preparedId = await prepareData(ctx, { datasetIds: [7] }, { compress: true });
 * ```
 */
export async function prepareData(ctx: IdsContext, selection: SelectionInput, options: PrepareDataOptions = {}): Promise<string> {
  const sel = DataSelection.from(selection);
  const res = await sendIds(ctx, {
    method: "POST",
    path: "prepareData",
    form: { ...sel.toParams(), ...(options.zip ? { zip: true } : {}), ...(options.compress ? { compress: true } : {}) },
    session: "required",
    // A second preparedId for the same selection is harmless: safe to retry.
    idempotent: true,
    operation: "ids.prepareData",
    ...callSettings(options),
  });
  return readMatchingAnswer(res, isIdsUuid, "a preparedId (lowercase UUID)");
}

/**
 * `GET isPrepared`: true once the prepared data is online. On two-level storage each call also
 * starts restoring what is still archived.
 *
 * @example
 * ```ts
 * while (!(await isPrepared(ctx, preparedId))) await sleep(5_000);
 * ```
 */
export async function isPrepared(ctx: IdsContext, preparedId: string, options: CallOptions = {}): Promise<boolean> {
  assertPreparedId(preparedId);
  const res = await sendIds(ctx, {
    method: "GET",
    path: "isPrepared",
    query: { preparedId },
    session: "none",
    operation: "ids.isPrepared",
    ...callSettings(options),
  });
  return readBooleanAnswer(res);
}
