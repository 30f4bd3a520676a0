// Calls that change where data lives: archive, restore, write, reset (POST forms) and delete
// (DELETE with query parameters) (ids.server IdsService.java). archive, restore and write answer
// 501 on single-level storage; delete 501 on a read-only server. They return no body (204).
import { DataSelection, type SelectionInput } from "../data-selection.js";
import { resolveTarget, splitSelection, targetParams, type DataTarget } from "./data-target.js";
import { noDataNotOnlineRetry, sendIds, type CallOptions, type IdsContext } from "./ids-context.js";

const NO_CONTENT = [200, 204] as const;

async function postSelection(ctx: IdsContext, path: "archive" | "restore" | "write", selection: SelectionInput, options: CallOptions): Promise<void> {
  await sendIds(ctx, {
    method: "POST",
    path,
    form: DataSelection.from(selection).toParams(),
    session: "required",
    expected: NO_CONTENT,
    // Queuing the same request twice changes nothing.
    idempotent: true,
    ...(path === "write" ? { retry: noDataNotOnlineRetry() } : {}),
    operation: `ids.${path}`,
    signal: options.signal,
  });
}

/**
 * `POST archive`: queue the data for moving to archive storage (two-level IDS only).
 *
 * @example
 * ```ts
 * await archive(ctx, { datasetIds: [7] });
 * ```
 */
export function archive(ctx: IdsContext, selection: SelectionInput, options: CallOptions = {}): Promise<void> {
  return postSelection(ctx, "archive", selection, options);
}

/**
 * `POST restore`: queue the data for restoring to main storage (two-level IDS only).
 *
 * @example
 * ```ts
 * await restore(ctx, { datasetIds: [7] });
 * ```
 */
export function restore(ctx: IdsContext, selection: SelectionInput, options: CallOptions = {}): Promise<void> {
  return postSelection(ctx, "restore", selection, options);
}

/**
 * `POST write`: queue writing the data to archive storage now (two-level IDS, `enableWrite`).
 *
 * @example
 * ```ts
 * await write(ctx, { datasetIds: [7] });
 * ```
 */
export function write(ctx: IdsContext, selection: SelectionInput, options: CallOptions = {}): Promise<void> {
  return postSelection(ctx, "write", selection, options);
}

/**
 * `POST reset`: forget remembered restore failures, so getStatus and isPrepared work again.
 *
 * @example
 * ```ts
 * await reset(ctx, { datasetIds: [7] });
 * await reset(ctx, preparedId);
 * ```
 */
export async function reset(ctx: IdsContext, target: DataTarget, options: CallOptions = {}): Promise<void> {
  const resolved = resolveTarget(target);
  await sendIds(ctx, {
    method: "POST",
    path: "reset",
    form: targetParams(resolved),
    session: resolved.kind === "prepared" ? "none" : "required",
    expected: NO_CONTENT,
    idempotent: true,
    operation: "ids.reset",
    signal: options.signal,
  });
}

/**
 * `DELETE delete`: delete the datafiles from storage and from ICAT. A selection too long for one
 * URL is deleted in several requests.
 *
 * @example
 * ```ts
 * await deleteData(ctx, { datafileIds: [12, 13] });
 * ```
 */
export async function deleteData(ctx: IdsContext, selection: SelectionInput, options: CallOptions = {}): Promise<void> {
  for (const part of splitSelection(ctx, "delete", DataSelection.from(selection))) {
    await sendIds(ctx, {
      method: "DELETE",
      path: "delete",
      query: part.toParams(),
      session: "required",
      expected: NO_CONTENT,
      retry: noDataNotOnlineRetry(),
      operation: "ids.delete",
      signal: options.signal,
    });
  }
}
