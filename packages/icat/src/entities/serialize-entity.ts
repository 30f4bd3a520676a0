// Writes an entity the way ICAT's write call wants it (icat.server EntityBeanManager.parseEntity,
// icat-ids.md §1.5):
// - dates in `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` (milliseconds required);
// - a many-to-one value only as `{"id":n}`: ICAT applies any other field given there to the
//   referenced object, so a Dataset read from ICAT used as a reference must not be sent whole;
// - one-to-many values as arrays of *new* children (no id), created in cascade; on update they are
//   left out, as python-icat's update leaves them (use create for new children);
// - the server-maintained createId/createTime/modId/modTime are never sent.
// Fields the model does not know are sent as given: the server decides (and reports "Field X not
// found in T"), so a newer ICAT's fields can still be written.
import { InvalidArgumentError } from "@catkit/core";
import { entityInfo, formatIcatDate, type FieldInfo } from "../model/index.js";
import { isEntityName } from "./entity-tag.js";

/**
 * What is being written: a new top-level object, an update, or a new child of a new parent.
 *
 * @example
 * ```ts
 * const mode: WriteMode = "update";
 * ```
 */
export type WriteMode = "create" | "update" | "child";

const META = new Set(["createId", "createTime", "modId", "modTime"]);

function bad(where: string, problem: string): never {
  throw new InvalidArgumentError(`${where}: ${problem}`, { argument: where.split(/[.[]/)[0] ?? where });
}

function plain(value: unknown, where: string): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) bad(where, "is an invalid Date");
    return formatIcatDate(value);
  }
  return value;
}

function reference(value: unknown, where: string, target: string): unknown {
  if (value === null) return null;
  const id = typeof value === "object" ? (value as { id?: unknown }).id : undefined;
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) {
    bad(where, `must be a ${target} that exists in ICAT, given as an object with its id (e.g. one read from ICAT, or { id: 42 }); got ${JSON.stringify(value)}`);
  }
  return { id };
}

function fieldValue(info: FieldInfo, value: unknown, mode: WriteMode, where: string): unknown {
  if (info.kind === "attribute") return plain(value, where);
  if (info.kind === "many-to-one") return reference(value, where, info.target);
  if (!Array.isArray(value)) return bad(where, `must be an array of new ${info.target} objects`);
  return value.map((child: unknown, i) => serializeEntity(info.target, child, "child", `${where}[${i}]`));
}

/**
 * The JSON value of one entity for ICAT's write call (without the `{"Type":…}` wrapper).
 *
 * @throws {InvalidArgumentError} for a create with an id, an update without one, a child with an
 *   id, a many-to-one value without an id, or an invalid Date.
 * @example
 * ```ts
 * serializeEntity("Dataset", { name: "greetings", complete: false, investigation: inv, type: otherType }, "create");
 * // { name: "greetings", complete: false, investigation: { id: 3 }, type: { id: 2 } }
 * ```
 */
export function serializeEntity(type: string, entity: unknown, mode: WriteMode, where: string = type): Record<string, unknown> {
  if (typeof entity !== "object" || entity === null || Array.isArray(entity)) bad(where, `must be a ${type} object, got ${JSON.stringify(entity)}`);
  const source = entity as Record<string, unknown>;
  const id = source.id;
  if (mode === "update" && (typeof id !== "number" || !Number.isSafeInteger(id))) {
    bad(where, "has no id: only objects that exist in ICAT can be updated (read it first, or create it)");
  }
  if (mode !== "update" && id !== undefined && id !== null) {
    bad(where, `has id ${JSON.stringify(id)}: it exists in ICAT already (${mode === "child" ? "related objects to create must be new" : "use update"})`);
  }
  const fields = isEntityName(type) ? entityInfo[type].fields : undefined;
  const out: Record<string, unknown> = mode === "update" ? { id } : {};
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (key === "id" || META.has(key) || value === undefined) continue;
    const info = fields && Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (info?.kind === "one-to-many" && (mode === "update" || (Array.isArray(value) && value.length === 0))) continue;
    out[key] = info === undefined ? plain(value, `${where}.${key}`) : fieldValue(info, value, mode, `${where}.${key}`);
  }
  return out;
}

/**
 * Wraps a serialized entity as ICAT's `{"Type":{…}}`.
 *
 * @example
 * ```ts
 * wrapEntity("Facility", { name: "ESNF" }); // { Facility: { name: "ESNF" } }
 * ```
 */
export function wrapEntity(type: string, body: Record<string, unknown>): Record<string, unknown> {
  return { [type]: body };
}
