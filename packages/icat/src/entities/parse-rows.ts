// Search results (icat.server ICATRest.search): a JSON array with one element per row; an
// entity row is `{"Dataset":{…}}`, a row of several SELECT items is an array, a scalar is a bare
// value, NULL is `null`. Entities are unwrapped and parsed; for a Query the columns are known, so
// dates of selected attributes become Date too.
import { ResponseValidationError } from "@catkit/core";
import type { EntityName } from "../model/index.js";
import { walkPath } from "../query/attribute-path.js";
import { queryEntityInfo } from "../query/entity-fields.js";
import type { Query } from "../query/index.js";
import { isEntityName } from "./entity-tag.js";
import { entityReaders } from "./generated/entity-readers.js";
import { readError } from "./parse-entity.js";
import { badDate, Malformed } from "./read-helpers.js";
import { WireDateReader } from "./wire-date.js";

/**
 * How to read one column of a result row.
 *
 * @example
 * ```ts
 * const kinds: ColumnKind[] = ["value", "date"];
 * ```
 */
export type ColumnKind = "value" | "date" | "entity";

// The wrapper's single key, when it names an entity.
function wrappedType(value: object): EntityName | undefined {
  let only: string | undefined;
  for (const key in value) {
    if (only !== undefined) return undefined;
    only = key;
  }
  return only !== undefined && isEntityName(only) ? only : undefined;
}

function unwrap(value: unknown, dates: WireDateReader): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const type = wrappedType(value);
  if (type === undefined) return value;
  try {
    return entityReaders[type]((value as Record<string, unknown>)[type], dates);
  } catch (e) {
    if (e instanceof Malformed) e.path.unshift(type);
    throw e;
  }
}

/**
 * If `value` is ICAT's `{"Type":{…}}` wrapper of an entity, the parsed entity; else `value`.
 *
 * @throws {ResponseValidationError} when the entity is malformed.
 * @example
 * ```ts
 * unwrapEntity({ Facility: { id: 1, name: "ESNF" } }, "row 0"); // { id: 1, name: "ESNF" } (tagged Facility)
 * unwrapEntity(42, "row 1"); // 42
 * ```
 */
export function unwrapEntity(value: unknown, where: string): unknown {
  try {
    return unwrap(value, new WireDateReader());
  } catch (e) {
    throw readError(e, where);
  }
}

function column(kind: ColumnKind | undefined, value: unknown, dates: WireDateReader): unknown {
  if (kind === "date" && typeof value === "string") {
    return dates.read(value) ?? badDate("", value);
  }
  return kind === "value" ? value : unwrap(value, dates);
}

/**
 * The columns of a query's result rows: one per selected attribute, or one entity column.
 *
 * @example
 * ```ts
 * queryColumns(new Query("Dataset", { attributes: ["name", "startDate"] })); // ["value", "date"]
 * ```
 */
export function queryColumns(query: Query<EntityName, unknown>): ColumnKind[] {
  const counted = query.aggregate?.startsWith("COUNT") ?? false;
  if (query.attributes.length === 0) return [counted ? "value" : "entity"];
  const entity = queryEntityInfo(query.entity);
  return query.attributes.map((path) => {
    const last = walkPath(entity, path).at(-1)?.field;
    if (counted || last === undefined) return "value";
    if (last.kind !== "attribute") return "entity";
    return last.type === "Date" ? "date" : "value";
  });
}

/**
 * Parses a search answer in place. With `columns` (from a Query) each column is read by its
 * kind; without (a query string) entity wrappers are unwrapped wherever they appear in a row.
 *
 * @throws {ResponseValidationError} when the answer is not an array, or an entity is malformed.
 * @example
 * ```ts
 * parseRows([{ Dataset: { id: 7, name: "greetings" } }], ["entity"]); // [{ id: 7, name: "greetings" }]
 * ```
 */
export function parseRows(rows: unknown, columns?: readonly ColumnKind[]): unknown[] {
  if (!Array.isArray(rows)) {
    throw new ResponseValidationError(`ICAT answered a search with ${JSON.stringify(rows)?.slice(0, 80)} instead of an array`, {
      issues: ["(root): expected an array"],
    });
  }
  const single = columns === undefined || columns.length === 1 ? columns?.[0] : undefined;
  const many = columns !== undefined && columns.length > 1;
  const out = rows as unknown[];
  const dates = new WireDateReader();
  let i = 0;
  try {
    for (; i < out.length; i++) {
      const row = out[i];
      if (Array.isArray(row) && (many || columns === undefined)) {
        for (let c = 0; c < row.length; c++) {
          try {
            row[c] = column(columns?.[c], row[c], dates);
          } catch (e) {
            if (e instanceof Malformed) e.path.unshift(`[${c}]`);
            throw e;
          }
        }
      } else {
        out[i] = column(single, row, dates);
      }
    }
  } catch (e) {
    throw readError(e, `[${i}]`);
  }
  return out;
}

/**
 * The entity type name at the start of a get query (`Dataset`, `Dataset ds INCLUDE …`).
 *
 * @example
 * ```ts
 * getQueryEntity("Dataset INCLUDE 1"); // "Dataset"
 * ```
 */
export function getQueryEntity(query: string): EntityName | undefined {
  const first = query.trim().split(/\s+/)[0] ?? "";
  return isEntityName(first) ? first : undefined;
}
