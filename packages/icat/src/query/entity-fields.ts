// Field look-ups for the query builder. python-icat asks the server's getEntityInfo, whose field
// list includes id and the four meta fields (icat.server EntityInfoHandler.getEntityInfo adds a
// field for every getter), so paths like "id" or "dataset.modTime" are valid there too; the
// catkit model lists user fields only, so the meta fields are added here.
import {
  ENTITY_NAMES,
  META_FIELD_TYPES,
  entityInfo,
  findEntityName,
  type AttributeInfo,
  type EntityInfo,
  type EntityName,
  type FieldInfo,
} from "../model/index.js";
import { closeMatches } from "./did-you-mean.js";
import { QueryError } from "./query-error.js";

const META_INFO: Readonly<Record<string, AttributeInfo>> = Object.freeze(
  Object.fromEntries(
    Object.entries(META_FIELD_TYPES).map(([name, type]) => [name, Object.freeze({ kind: "attribute", name, type, required: false })]),
  ),
);

/**
 * The schema of an entity, by its exact name (python-icat Client.getEntityClass compares the
 * bean name exactly).
 *
 * @throws {QueryError} `unknown-entity`, naming the right spelling when only the case differs.
 * @example
 * ```ts
 * queryEntityInfo("Dataset").uniqueKey; // ["investigation", "name"]
 * ```
 */
export function queryEntityInfo(name: string): EntityInfo {
  if ((ENTITY_NAMES as readonly string[]).includes(name)) return entityInfo[name as EntityName];
  const canonical = findEntityName(name);
  const close = canonical === undefined ? closeMatches(name, ENTITY_NAMES) : [canonical];
  const hint = close.length > 0 ? `Did you mean ${close.map((n) => `'${n}'`).join(" or ")}?` : "Entity names are case-sensitive, e.g. 'Dataset'.";
  throw new QueryError("unknown-entity", `'${name}' is not an ICAT entity. ${hint}`);
}

/**
 * One field of an entity, meta fields (id, createId, createTime, modId, modTime) included, or
 * `undefined` when there is no such field.
 *
 * @example
 * ```ts
 * lookupField(queryEntityInfo("Dataset"), "investigation")?.kind; // "many-to-one"
 * lookupField(queryEntityInfo("Dataset"), "modTime")?.kind;       // "attribute"
 * ```
 */
export function lookupField(entity: EntityInfo, name: string): FieldInfo | undefined {
  if (Object.hasOwn(entity.fields, name)) return entity.fields[name];
  return Object.hasOwn(META_INFO, name) ? META_INFO[name] : undefined;
}

/**
 * The names of every field of an entity, meta fields included, for error messages.
 *
 * @example
 * ```ts
 * fieldNames(queryEntityInfo("Facility")).includes("id"); // true
 * ```
 */
export function fieldNames(entity: EntityInfo): string[] {
  return [...Object.keys(META_INFO), ...Object.keys(entity.fields)];
}
