// Create and update (`POST entityManager`, form `entities=`, EntityBeanManager.write) and delete
// (`DELETE entityManager?entities=`). One call is one transaction: if any element fails, nothing
// is written and the error's `offset` names the element (icat-ids.md §1.5).
import { InvalidArgumentError, readJson } from "@catkit/core";
import { z } from "zod";
import { serializeEntity, wrapEntity, type WriteMode } from "../entities/serialize-entity.js";
import { sendIcat, type CallOptions, type IcatContext } from "./icat-context.js";

const CreatedIds = z.array(z.number().int());

// Checked without narrowing the argument's type (JavaScript callers may pass anything).
const isList = (value: unknown): boolean => Array.isArray(value);

/**
 * One object to write: its entity type and its fields.
 *
 * @example
 * ```ts
 * const item: WriteItem = { type: "Facility", entity: { name: "ESNF" } };
 * ```
 */
export interface WriteItem {
  readonly type: string;
  readonly entity: unknown;
}

function checkType(type: string, where: string): void {
  // An unknown name is still sent: ICAT answers BAD_PARAMETER "X is not an ICAT entity".
  if (typeof type !== "string" || type === "") throw new InvalidArgumentError(`${where}: the entity type must be a non-empty string`, { argument: "type" });
}

/**
 * Writes objects in one call and returns the ids ICAT created (top-level creates only, in
 * order; updates add nothing).
 *
 * @example
 * ```ts
 * await write(ctx, [{ type: "Dataset", entity: { name: "greetings", investigation: inv, type: other, complete: false } }], "create"); // [15]
 * ```
 */
export async function write(ctx: IcatContext, items: readonly WriteItem[], mode: Exclude<WriteMode, "child">, options: CallOptions = {}): Promise<number[]> {
  if (!isList(items)) throw new InvalidArgumentError("expected a list of objects to write", { argument: "entities" });
  if (items.length === 0) return [];
  const body = items.map(({ type, entity }, i) => {
    const where = items.length === 1 ? type : `${type} [${i}]`;
    checkType(type, where);
    return wrapEntity(type, serializeEntity(type, entity, mode, where));
  });
  const res = await sendIcat(ctx, {
    method: "POST",
    path: "entityManager",
    form: { entities: JSON.stringify(body) },
    operation: mode === "create" ? "icat.create" : "icat.update",
    signal: options.signal,
  });
  return readJson(res, CreatedIds);
}

/**
 * One object to delete: its entity type and id.
 *
 * @example
 * ```ts
 * const item: DeleteItem = { type: "Dataset", id: 15 };
 * ```
 */
export interface DeleteItem {
  readonly type: string;
  readonly id: number;
}

/**
 * Deletes objects (and, in cascade, what depends on them) in one call. ICAT takes only ids here.
 *
 * @example
 * ```ts
 * await deleteEntities(ctx, [{ type: "Dataset", id: 15 }]);
 * ```
 */
export async function deleteEntities(ctx: IcatContext, items: readonly DeleteItem[], options: CallOptions = {}): Promise<void> {
  if (!isList(items)) throw new InvalidArgumentError("expected a list of objects to delete", { argument: "entities" });
  if (items.length === 0) return;
  const body = items.map(({ type, id }, i) => {
    checkType(type, `delete [${i}]`);
    if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) {
      throw new InvalidArgumentError(`delete [${i}]: ${type} has no id (got ${JSON.stringify(id)}); only objects that exist in ICAT can be deleted`, { argument: "entities" });
    }
    return { [type]: { id } };
  });
  await sendIcat(ctx, {
    method: "DELETE",
    path: "entityManager",
    query: { entities: JSON.stringify(body.length === 1 ? body[0] : body) },
    expected: [200, 204],
    // A resent delete of objects the first attempt removed would fail with NO_SUCH_OBJECT_FOUND.
    idempotent: false,
    operation: "icat.delete",
    signal: options.signal,
  });
}
