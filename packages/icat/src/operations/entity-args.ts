// The IcatClient write calls take either `(type, object[s], options)` or `(object[s], options)`
// with objects that know their type (read from ICAT, or made with icat.new(), as python-icat's
// entity objects do). These turn both forms into the lists the operations in write.ts send.
import { InvalidArgumentError } from "@catkit/core";
import { requireEntityType } from "../entities/entity-input.js";
import type { CallOptions, IcatContext } from "./icat-context.js";
import { deleteEntities, write, type DeleteItem, type WriteItem } from "./write.js";

function list(value: unknown, argument: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new InvalidArgumentError(`${argument} must be an array`, { argument });
  return value;
}

/**
 * The items of a write: `(type, objects)` or `(objects)` whose types are known.
 *
 * @example
 * ```ts
 * writeItems("Datafile", [{ name: "a" }]); // [{ type: "Datafile", entity: { name: "a" } }]
 * ```
 */
export function writeItems(first: unknown, second: unknown): WriteItem[] {
  if (typeof first === "string") return list(second, "entities").map((entity) => ({ type: first, entity }));
  return list(first, "entities").map((entity, i) => ({ type: requireEntityType(entity, `entities[${i}]`), entity }));
}

/**
 * The one item of a single-object write: `(type, object)` or `(object)`.
 *
 * @example
 * ```ts
 * writeItem("Dataset", { name: "a" }); // { type: "Dataset", entity: { name: "a" } }
 * ```
 */
export function writeItem(first: unknown, second: unknown): WriteItem {
  return typeof first === "string" ? { type: first, entity: second } : { type: requireEntityType(first, "entity"), entity: first };
}

function idOf(value: unknown, where: string): number {
  const id = typeof value === "number" ? value : typeof value === "object" && value !== null ? (value as { id?: unknown }).id : undefined;
  if (typeof id === "number") return id;
  throw new InvalidArgumentError(`${where} has no id: pass an id, or an object read from ICAT`, { argument: "entities" });
}

/**
 * The items of a delete: `(type, ids or objects)` or `(objects or { entityType, id } refs)`.
 *
 * @example
 * ```ts
 * deleteItems("Dataset", [7, { id: 8 }]); // [{ type: "Dataset", id: 7 }, { type: "Dataset", id: 8 }]
 * ```
 */
export function deleteItems(first: unknown, second: unknown): DeleteItem[] {
  if (typeof first === "string") return list(second, "ids").map((v, i) => ({ type: first, id: idOf(v, `${first} [${i}]`) }));
  return list(first, "entities").map((v, i) => ({ type: requireEntityType(v, `entities[${i}]`), id: idOf(v, `entities[${i}]`) }));
}

// The options are the third argument when the first is a type name, else the second.
function optionsOf(first: unknown, second: unknown, third: CallOptions | undefined): CallOptions | undefined {
  return typeof first === "string" ? third : (second as CallOptions | undefined);
}

/**
 * create: `(type, object, options)` or `(object, options)`; the id ICAT created.
 *
 * @example
 * ```ts
 * const id = await createOne(ctx, "Facility", { name: "ESNF" }, undefined);
 * ```
 */
export async function createOne(ctx: IcatContext, first: unknown, second: unknown, third: CallOptions | undefined): Promise<number> {
  const [id] = await write(ctx, [writeItem(first, second)], "create", optionsOf(first, second, third));
  if (id === undefined) throw new InvalidArgumentError("ICAT created nothing", { argument: "entity" });
  return id;
}

/**
 * createMany: `(type, objects, options)` or `(objects, options)`; the ids, in order.
 *
 * @example
 * ```ts
 * const ids = await createMany(ctx, [facility, instrument], undefined, undefined);
 * ```
 */
export function createMany(ctx: IcatContext, first: unknown, second: unknown, third: CallOptions | undefined): Promise<number[]> {
  return write(ctx, writeItems(first, second), "create", optionsOf(first, second, third));
}

/**
 * update: `(type, object, options)` or `(object, options)`.
 *
 * @example
 * ```ts
 * await updateOne(ctx, dataset, { signal }, undefined);
 * ```
 */
export async function updateOne(ctx: IcatContext, first: unknown, second: unknown, third: CallOptions | undefined): Promise<void> {
  await write(ctx, [writeItem(first, second)], "update", optionsOf(first, second, third));
}

/**
 * delete: `(type, id or object, options)` or `(object or ref, options)`.
 *
 * @example
 * ```ts
 * await deleteOne(ctx, "Dataset", 15, undefined);
 * ```
 */
export function deleteOne(ctx: IcatContext, first: unknown, second: unknown, third: CallOptions | undefined): Promise<void> {
  const items = typeof first === "string" ? deleteItems(first, [second]) : deleteItems([first], undefined);
  return deleteEntities(ctx, items, optionsOf(first, second, third));
}

/**
 * deleteMany: `(type, ids or objects, options)` or `(objects or refs, options)`.
 *
 * @example
 * ```ts
 * await deleteMany(ctx, "Dataset", [15, 16], undefined);
 * ```
 */
export function deleteMany(ctx: IcatContext, first: unknown, second: unknown, third: CallOptions | undefined): Promise<void> {
  return deleteEntities(ctx, deleteItems(first, second), optionsOf(first, second, third));
}
