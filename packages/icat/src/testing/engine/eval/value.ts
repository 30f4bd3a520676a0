import type { AttributeType, EntityName } from "../../../model/index.js";
import type { Row } from "../store/row.js";

/**
 * A value during evaluation: a scalar, an entity row, or null (SQL NULL / "unknown").
 *
 * @example
 * ```ts
 * const v: Value = "12100409-ST";
 * ```
 */
export type Value = string | number | boolean | Date | Row | null;

/**
 * The static type of an expression, inferred when a query is compiled.
 *
 * @example
 * ```ts
 * const t: ValueType = { kind: "entity", entity: "Dataset" };
 * ```
 */
export type ValueType =
  | { kind: "scalar"; type: AttributeType }
  | { kind: "entity"; entity: EntityName }
  | { kind: "null" };

/**
 * Whether a value is a stored entity row.
 *
 * @example
 * ```ts
 * isRow(store.get("Facility", 1)); // true
 * ```
 */
export function isRow(v: Value | undefined): v is Row {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

/**
 * The text of a value, as string functions and LIKE see it.
 *
 * @example
 * ```ts
 * textOf(5); // "5"
 * ```
 */
export function textOf(v: Exclude<Value, null>): string {
  if (v instanceof Date) return v.toISOString();
  if (isRow(v)) return `${v.entity}:${v.id}`;
  return String(v);
}

/**
 * A string that identifies a value for DISTINCT, GROUP BY, IN and COUNT(DISTINCT).
 *
 * @example
 * ```ts
 * valueKey(5) === valueKey(5.0); // true
 * ```
 */
export function valueKey(v: Value): string {
  if (v === null) return "null";
  if (v instanceof Date) return `d${v.getTime()}`;
  if (isRow(v)) return `r${v.entity}#${v.id}`;
  return `${typeof v}:${String(v)}`;
}

/**
 * Orders two non-null values of comparable types (numbers, strings by UTF-16 code units, dates,
 * booleans, rows by id). Returns a negative, zero or positive number.
 *
 * @example
 * ```ts
 * compareValues("a", "b"); // -1
 * ```
 */
export function compareValues(a: Exclude<Value, null>, b: Exclude<Value, null>): number {
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (isRow(a) && isRow(b)) return a.id - b.id;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  const [x, y] = [textOf(a), textOf(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Orders values for ORDER BY: NULLs sort first, as on MySQL (the database most ICATs run on).
 *
 * @example
 * ```ts
 * [3, null, 1].sort(orderValues); // [null, 1, 3]
 * ```
 */
export function orderValues(a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareValues(a, b);
}

const NUMERIC: ReadonlySet<string> = new Set(["Integer", "Long", "Double"]);
const TEXT: ReadonlySet<string> = new Set(["String", "ParameterValueType", "StudyStatus"]);

/**
 * Whether two static types may be compared (numbers with numbers, strings and enums with
 * strings, dates, booleans, entities of the same type; NULL with anything).
 *
 * @example
 * ```ts
 * comparable({ kind: "scalar", type: "Long" }, { kind: "scalar", type: "Double" }); // true
 * ```
 */
export function comparable(a: ValueType, b: ValueType): boolean {
  if (a.kind === "null" || b.kind === "null") return true;
  if (a.kind === "entity" || b.kind === "entity") {
    return a.kind === "entity" && b.kind === "entity" && a.entity === b.entity;
  }
  if (NUMERIC.has(a.type)) return NUMERIC.has(b.type);
  if (TEXT.has(a.type)) return TEXT.has(b.type);
  return a.type === b.type;
}

/**
 * Describes a type for error messages.
 *
 * @example
 * ```ts
 * describeType({ kind: "entity", entity: "Dataset" }); // "Dataset"
 * ```
 */
export function describeType(t: ValueType): string {
  return t.kind === "scalar" ? t.type : t.kind === "entity" ? t.entity : "NULL";
}

/**
 * Turns a LIKE pattern into a regular expression: `%` is any run, `_` one character, and the
 * optional escape character makes the next one literal. Matching is case-sensitive.
 *
 * @example
 * ```ts
 * likeToRegExp("e2%", undefined).test("e201215"); // true
 * ```
 */
export function likeToRegExp(pattern: string, escape: string | undefined): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (escape !== undefined && ch === escape && i + 1 < pattern.length) {
      source += escapeRegExp(pattern[++i] as string);
    } else if (ch === "%") {
      source += "[\\s\\S]*";
    } else if (ch === "_") {
      source += "[\\s\\S]";
    } else {
      source += escapeRegExp(ch);
    }
  }
  return new RegExp(`^${source}$`, "u");
}

function escapeRegExp(ch: string): string {
  // With the "u" flag only syntax characters may be escaped; an escaped "-" is a SyntaxError.
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
