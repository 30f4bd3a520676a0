// A delete that could not be sent as one request. ids.server deletes one selection
// all-or-nothing (IdsBean.delete: one ICAT deleteMany, then the files), but a selection too long
// for one URL goes out as several DELETE requests, and a request that fails after others
// succeeded leaves part of the data deleted. This error says exactly which part.
import { CatkitError, type CatkitErrorOptions } from "@catkit/core";
import { IdsErrorCode } from "./ids-error-codes.js";

/** What the error is built from: datafile ids in each state. */
export interface IncompleteDeleteInit extends CatkitErrorOptions {
  /** Datafile ids that IDS confirmed deleted. */
  deleted: readonly number[];
  /** Datafile ids certainly still there. */
  notDeleted: readonly number[];
  /** Datafile ids of a request whose answer never came (connection broke, timeout, abort). */
  uncertain?: readonly number[];
}

const SHOWN = 20;

/**
 * Lists ids for a message, at most 20 of them.
 *
 * @example
 * ```ts
 * listIds([1, 2, 3]); // "1, 2, 3"
 * ```
 */
export function listIds(ids: readonly number[]): string {
  const shown = ids.slice(0, SHOWN).join(", ");
  return ids.length > SHOWN ? `${shown} … (${ids.length} in all)` : shown || "none";
}

/**
 * A delete sent as several requests (the selection was too long for one URL) stopped part-way,
 * or was refused before anything was deleted. `deleted`, `notDeleted` and `uncertain` list the
 * datafile ids in each state, exactly; the IDS error that stopped it is the `cause`.
 *
 * @example
 * ```ts
 * catch (err) {
 *   if (err instanceof IdsIncompleteDeleteError) {
 *     console.error(`${err.deleted.length} deleted, ${err.notDeleted.length} still there`);
 *     await ids.delete({ datafileIds: err.notDeleted }); // after fixing the cause
 *   }
 * }
 * ```
 */
export class IdsIncompleteDeleteError extends CatkitError {
  static override readonly kind: string = "catkit.IdsIncompleteDeleteError";
  readonly deleted: readonly number[];
  readonly notDeleted: readonly number[];
  readonly uncertain: readonly number[];
  constructor(message: string, init: IncompleteDeleteInit) {
    super(IdsErrorCode.IncompleteDelete, message, init);
    this.deleted = [...init.deleted];
    this.notDeleted = [...init.notDeleted];
    this.uncertain = [...(init.uncertain ?? [])];
  }
  protected override details(): Record<string, unknown> {
    return { deleted: this.deleted, notDeleted: this.notDeleted, uncertain: this.uncertain };
  }
}
