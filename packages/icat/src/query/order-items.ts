// Turning ORDER BY items into entries (python-icat icat/query.py Query.setOrder): `true` is the
// natural order; a relation stands for its target's natural order; ordering through a nullable
// many-to-one or a one-to-many relation raises a warning unless a condition or join spec on it
// shows it is meant.
import { splitFunction, walkPath } from "./attribute-path.js";
import { naturalOrder } from "./natural-order.js";
import type { OrderItem } from "./query-options.js";
import { QueryError } from "./query-error.js";
import type { OrderEntry, QueryState } from "./query-state.js";
import { nullableOrderWarning, oneToManyOrderWarning, type QueryWarning } from "./query-warning.js";

/**
 * The checked ORDER BY entries and the warnings they raise.
 *
 * @example
 * ```ts
 * const { order, warnings }: CheckedOrder = checkedOrder(state, true);
 * ```
 */
export interface CheckedOrder {
  readonly order: Map<string, OrderEntry>;
  readonly warnings: QueryWarning[];
}

function parseItem(item: OrderItem): { attribute: string; direction: "ASC" | "DESC" | undefined } {
  if (typeof item === "string") return { attribute: item, direction: undefined };
  const [attribute, direction] = Array.isArray(item) ? (item as readonly unknown[]) : [];
  if (typeof attribute !== "string" || (direction !== "ASC" && direction !== "DESC")) {
    throw new QueryError(
      "invalid-order",
      `Invalid order item ${JSON.stringify(item)}: use a path, or [path, "ASC"] / [path, "DESC"].`,
    );
  }
  return { attribute, direction };
}

/**
 * Checks an order against the query's conditions and join specs, which decide the warnings.
 *
 * @throws {QueryError} `invalid-order` for a bad direction, a function on a relation, or an
 *   attribute that would appear twice; path errors as for any path.
 * @example
 * ```ts
 * checkedOrder(state, ["datafileFormat", "name"]).warnings[0]?.kind; // "nullable-order"
 * ```
 */
export function checkedOrder(state: QueryState, order: boolean | readonly OrderItem[] | undefined): CheckedOrder {
  const entries = new Map<string, OrderEntry>();
  const warnings = new Map<string, QueryWarning>();
  if (order === true) {
    for (const path of naturalOrder(state.entity)) entries.set(path, { fn: undefined, direction: undefined });
  }
  if (!Array.isArray(order)) return { order: entries, warnings: [] };
  const add = (path: string, entry: OrderEntry): void => {
    if (entries.has(path)) throw new QueryError("invalid-order", `Cannot order by '${path}' more than once.`);
    entries.set(path, entry);
  };
  for (const item of order as readonly OrderItem[]) {
    const { attribute, direction } = parseItem(item);
    const { path, fn } = splitFunction(attribute);
    const steps = walkPath(state.entity, path);
    for (const { path: prefix, field } of steps) {
      if (field.kind === "many-to-one" && !field.required && !state.conditions.has(prefix) && !state.joinSpecs.has(prefix)) {
        warnings.set(`n:${prefix}`, nullableOrderWarning(prefix));
      } else if (field.kind === "one-to-many" && !state.joinSpecs.has(prefix)) {
        warnings.set(`m:${prefix}`, oneToManyOrderWarning(prefix));
      }
    }
    const target = steps.at(-1)?.target;
    if (target === undefined) {
      add(path, { fn, direction });
    } else if (fn !== undefined) {
      throw new QueryError("invalid-order", `Cannot apply the JPQL function ${fn} to the related object '${path}'; name one of its attributes.`);
    } else {
      for (const sub of naturalOrder(target)) add(`${path}.${sub}`, { fn: undefined, direction });
    }
  }
  return { order: entries, warnings: [...warnings.values()] };
}
