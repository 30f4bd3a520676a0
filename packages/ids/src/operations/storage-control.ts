// Calls that change where data lives: archive, restore, write, reset (POST forms) and delete
// (DELETE with query parameters) (ids.server IdsService.java). archive, restore and write answer
// 501 on single-level storage; delete 501 on a read-only server. They return no body (204).
import { HttpError } from "@catkit/core";
import { DataSelection, type SelectionInput } from "../data-selection.js";
import { IdsIncompleteDeleteError, listIds } from "../errors/incomplete-delete-error.js";
import { getDatafileIds, getStatus } from "./data-info.js";
import { resolveTarget, splitSelection, targetParams, type DataTarget } from "./data-target.js";
import { noDataNotOnlineRetry, sendIds, type CallOptions, type IdsContext, callSettings } from "./ids-context.js";

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
    ...callSettings(options),
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
    ...callSettings(options),
  });
}

function deleteOnce(ctx: IdsContext, selection: DataSelection, options: CallOptions): Promise<unknown> {
  return sendIds(ctx, {
    method: "DELETE",
    path: "delete",
    query: selection.toParams(),
    session: "required",
    expected: NO_CONTENT,
    retry: noDataNotOnlineRetry(),
    operation: "ids.delete",
    ...callSettings(options),
  });
}

// IdsBean.delete refuses with 4xx, 501 or 503 before ICAT's deleteMany (one transaction), so
// nothing of the request was deleted. A 500 may come after deleteMany (a storage I/O failure),
// and a request whose answer never came may have been carried out.
function refusedBeforeDeleting(err: unknown): boolean {
  return err instanceof HttpError && ((err.status >= 400 && err.status < 500) || err.status === 501 || err.status === 503);
}

/**
 * `DELETE delete`: delete the datafiles from storage and from ICAT.
 *
 * ids.server deletes one selection all-or-nothing (IdsBean.delete: one ICAT deleteMany). A
 * selection too long for one URL cannot be one request, so it is checked first, before anything
 * is deleted: its datafile ids are listed with getDatafileIds (which fails, as delete would, on an
 * unknown id or one the user may not read) and its status must be ONLINE. Then exactly those
 * datafiles are deleted, in parts. If a part still fails (the user may read but not delete, the
 * server broke down), {@link IdsIncompleteDeleteError} lists what was deleted and what was not; if
 * nothing was deleted yet, IDS's own error is thrown as it is.
 *
 * @example
 * ```ts
 * await deleteData(ctx, { datafileIds: [12, 13] });
 * ```
 */
export async function deleteData(ctx: IdsContext, selection: SelectionInput, options: CallOptions = {}): Promise<void> {
  const whole = DataSelection.from(selection);
  if (splitSelection(ctx, "delete", whole).length === 1) {
    await deleteOnce(ctx, whole, options);
    return;
  }
  // Datafile ids, not the selection's datasets or investigations: what is deleted is then
  // exactly what was checked, and parts cannot overlap.
  const { ids } = await getDatafileIds(ctx, whole, options);
  if (ids.length === 0) return;
  const status = await getStatus(ctx, { datafileIds: ids }, options);
  if (status !== "ONLINE") {
    throw new IdsIncompleteDeleteError(
      `Nothing was deleted: the selection (${ids.length} datafiles) is too long for one delete request and some of it is ${status}; a delete sent in parts is only started when all of it is ONLINE. Call restoreAndWait(selection) first.`,
      { deleted: [], notDeleted: ids },
    );
  }
  const deleted: number[] = [];
  for (const part of splitSelection(ctx, "delete", new DataSelection({ datafileIds: ids }))) {
    try {
      await deleteOnce(ctx, part, options);
    } catch (err) {
      const answered = refusedBeforeDeleting(err);
      if (deleted.length === 0 && answered) throw err;
      const failed = part.datafileIds;
      const notDeleted = ids.slice(deleted.length + (answered ? 0 : failed.length));
      const uncertain = answered ? [] : failed;
      throw new IdsIncompleteDeleteError(
        `Delete incomplete: the selection was too long for one request and was sent in parts; ${deleted.length} datafiles were deleted (${listIds(deleted)}), then a request failed (${(err as Error).message}). ` +
          `${notDeleted.length} were NOT deleted (${listIds(notDeleted)})${uncertain.length > 0 ? `; ${uncertain.length} may or may not have been (${listIds(uncertain)})` : ""}. See the error's deleted, notDeleted and uncertain lists.`,
        { deleted, notDeleted, uncertain, cause: err },
      );
    }
    deleted.push(...part.datafileIds);
  }
}
