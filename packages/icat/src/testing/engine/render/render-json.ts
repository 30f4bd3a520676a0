import { entityInfo, formatIcatDate, type AttributeType, type EntityName, type FieldInfo } from "../../../model/index.js";
import type { IncludedNode } from "../eval/prune.js";
import { isRow, type Value, type ValueType } from "../eval/value.js";
import type { StoredValue } from "../store/row.js";
import { javaDouble } from "./java-double.js";

// Fields in the order icat.server writes them: EntityInfoHandler sorts them by name with Java's
// String.compareTo (UTF-16 code units, which JavaScript's < also uses). Each with its `,"name":`.
const sortedFields = new Map<EntityName, { field: FieldInfo; prefix: string }[]>();
function fieldsOf(entity: EntityName): { field: FieldInfo; prefix: string }[] {
  let fields = sortedFields.get(entity);
  if (fields === undefined) {
    fields = Object.values(entityInfo[entity].fields)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((field) => ({ field, prefix: `,${JSON.stringify(field.name)}:` }));
    sortedFields.set(entity, fields);
  }
  return fields;
}

// Most rows of a page share their create and modification times.
let lastTime = Number.NaN;
let lastText = "";
function dateText(d: Date): string {
  const t = d.getTime();
  if (t !== lastTime) {
    lastTime = t;
    lastText = JSON.stringify(formatIcatDate(d));
  }
  return lastText;
}

/**
 * Writes one attribute value as icat.server's JSON generator does: Doubles in Java's
 * `Double.toString` form, dates in ICAT's format (UTC), enums by name.
 *
 * @example
 * ```ts
 * renderAttribute("Double", 50); // "50.0"
 * ```
 */
export function renderAttribute(type: AttributeType, value: Exclude<StoredValue, null>): string {
  if (value instanceof Date) return dateText(value);
  switch (type) {
    case "Double":
      return javaDouble(Number(value));
    case "Integer":
    case "Long":
      return String(Math.trunc(Number(value)));
    case "Boolean":
      return value === true ? "true" : "false";
    default:
      return JSON.stringify(String(value));
  }
}

/**
 * Writes the body of an entity (ICATRest.java `jsonise`): id, createId, createTime, modId,
 * modTime, then the fields by name; NULL attributes and relations that were not INCLUDEd are left
 * out, except one-to-many relations, which are always written (`[]` when not INCLUDEd).
 *
 * @example
 * ```ts
 * renderEntityBody(node); // '{"id":1,"createId":"db/root",…,"name":"ESNF",…}'
 * ```
 */
export function renderEntityBody(node: IncludedNode): string {
  const row = node.row;
  let out =
    `{"id":${row.id},"createId":${JSON.stringify(row.createId)},"createTime":${dateText(row.createTime)}` +
    `,"modId":${JSON.stringify(row.modId)},"modTime":${dateText(row.modTime)}`;
  for (const { field, prefix } of fieldsOf(row.entity)) {
    if (field.kind === "attribute") {
      const value = row.values[field.name] ?? null;
      if (value !== null) out += prefix + renderAttribute(field.type, value);
    } else if (field.kind === "many-to-one") {
      const one = node.ones.get(field.name);
      if (one !== undefined) out += prefix + renderEntityBody(one);
    } else {
      const many = node.manys.get(field.name);
      out += `${prefix}[${many === undefined ? "" : many.map(renderEntityBody).join(",")}]`;
    }
  }
  return `${out}}`;
}

/**
 * Writes a top-level entity with its type wrapper: `{"Dataset":{…}}`.
 *
 * @example
 * ```ts
 * renderTypedEntity(node); // '{"Facility":{"id":1,…}}'
 * ```
 */
export function renderTypedEntity(node: IncludedNode): string {
  return `{${JSON.stringify(node.row.entity)}:${renderEntityBody(node)}}`;
}

/**
 * Writes one value of a search result: an entity (typed, without relations), a scalar of the
 * SELECT item's type, or null. A NaN Double is written as null (ICATRest.java).
 *
 * @example
 * ```ts
 * renderValue(2.5, { kind: "scalar", type: "Double" }); // "2.5"
 * ```
 */
export function renderValue(value: Value, type: ValueType): string {
  if (value === null) return "null";
  if (isRow(value)) return renderTypedEntity({ row: value, ones: new Map(), manys: new Map() });
  if (typeof value === "number" && Number.isNaN(value)) return "null";
  if (type.kind !== "scalar") {
    return typeof value === "number" ? (Number.isInteger(value) ? String(value) : javaDouble(value)) : renderAttribute("String", value);
  }
  return renderAttribute(type.type, value);
}
