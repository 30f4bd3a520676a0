// The vocabulary of a query: aggregates and join specs python-icat allows (icat/query.py
// `aggregate_fcts`, `jpql_join_specs`), and the shapes of the constructor options.
import type { QueryWarningHandler } from "./query-warning.js";

/**
 * The aggregate functions python-icat allows; "X:DISTINCT" renders as `X(DISTINCT(…))`.
 *
 * @example
 * ```ts
 * AGGREGATES.includes("COUNT:DISTINCT"); // true
 * ```
 */
export const AGGREGATES = ["DISTINCT", "COUNT", "COUNT:DISTINCT", "MIN", "MAX", "AVG", "AVG:DISTINCT", "SUM", "SUM:DISTINCT"] as const;

/**
 * One of {@link AGGREGATES}.
 *
 * @example
 * ```ts
 * const a: Aggregate = "COUNT";
 * ```
 */
export type Aggregate = (typeof AGGREGATES)[number];

/**
 * The join specifications python-icat allows; relations without one are joined with `JOIN`.
 *
 * @example
 * ```ts
 * JOIN_SPECS.includes("LEFT OUTER JOIN"); // true
 * ```
 */
export const JOIN_SPECS = ["JOIN", "INNER JOIN", "LEFT JOIN", "LEFT OUTER JOIN"] as const;

/**
 * One of {@link JOIN_SPECS}.
 *
 * @example
 * ```ts
 * const js: JoinSpec = "LEFT JOIN";
 * ```
 */
export type JoinSpec = (typeof JOIN_SPECS)[number];

/**
 * An ORDER BY direction; without one, JPQL sorts ascending.
 *
 * @example
 * ```ts
 * const d: OrderDirection = "DESC";
 * ```
 */
export type OrderDirection = "ASC" | "DESC";

/**
 * One ORDER BY item: a path (`"name"`, `"dataset.name"`, `"LENGTH(name)"`, or a relation, which
 * stands for its natural order), optionally paired with a direction.
 *
 * @example
 * ```ts
 * const items: OrderItem[] = ["type.name", ["numericValue", "DESC"]];
 * ```
 */
export type OrderItem = string | readonly [path: string, direction: OrderDirection];

/**
 * The conditions on one attribute: one fragment or several (joined with AND).
 *
 * @example
 * ```ts
 * const c: ConditionValue = [">= '2012-01-01'", "< '2013-01-01'"];
 * ```
 */
export type ConditionValue = string | readonly string[];

/**
 * Everything a query can be built from, as in python-icat's `Query(client, entity, …)`.
 *
 * @example
 * ```ts
 * const options: QueryOptions = { conditions: { name: "= 'e208945'" }, includes: ["datafiles"], limit: [0, 10] };
 * ```
 */
export interface QueryOptions {
  /** Attribute paths to select instead of the objects: one gives values, several give rows. */
  attributes?: string | readonly string[] | undefined;
  aggregate?: Aggregate | undefined;
  /** `true` for the entity's natural order, or a list of {@link OrderItem}s. */
  order?: boolean | readonly OrderItem[] | undefined;
  /** Attribute path (optionally wrapped in a JPQL function) → condition fragment(s). */
  conditions?: Readonly<Record<string, ConditionValue>> | undefined;
  /** Relation paths to INCLUDE, or "1" for every many-to-one relation of the entity. */
  includes?: "1" | readonly string[] | undefined;
  /** `[skip, count]` for the LIMIT clause. */
  limit?: readonly [skip: number, count: number] | undefined;
  /** Relation path → how to join it, instead of the default `JOIN`. */
  joinSpecs?: Readonly<Record<string, JoinSpec>> | undefined;
  /** Receives each warning as it is raised (they are also kept in `query.warnings`). */
  onWarning?: QueryWarningHandler | undefined;
}
