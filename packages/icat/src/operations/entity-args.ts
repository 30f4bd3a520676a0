// The IcatClient write calls take either `(type, object)` or an object that knows its type (read
// from ICAT, or made with icat.new(), as python-icat's entity objects do). These helpers turn both
// forms into the lists the operations send.
import { InvalidArgumentError } from "@catkit/core";
import { requireEntityType } from "../entities/entity-input.js";
import type { DeleteItem, WriteItem } from "./write.js";

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
