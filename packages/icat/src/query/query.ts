// The typed face of the query builder. A class constructor cannot take type parameters of its
// own, so `Query` is a constructor value typed by an interface (as lib.d.ts types Map and
// MapConstructor): `new Query("Dataset", options)` infers the literal option types and checks
// every path in them against the entity model.
import type { EntityMap, EntityName } from "../model/index.js";
import type { CheckAttributes, CheckQueryOptions } from "./option-checks.js";
import type { CheckOrderList, CheckPathKeys, CheckPathList, EntityOf } from "./path-types.js";
import { QueryImpl } from "./query-impl.js";
import type { Aggregate, ConditionValue, JoinSpec, OrderItem, QueryOptions } from "./query-options.js";
import type { QueryRow } from "./query-row.js";
import type { QueryWarning } from "./query-warning.js";
import type { QueryClauses } from "./render-query.js";

// A type-only key: it carries the row type `R` so that a search can infer it from the query. A
// method signature keeps it bivariant, so queries of different row types stay assignable to each
// other (a `Query<"Dataset">` parameter accepts an attribute query too).
declare const rowType: unique symbol;

type Conditions = Readonly<Record<string, ConditionValue>>;
type JoinSpecs = Readonly<Record<string, JoinSpec>>;
type Includes = "1" | readonly string[] | undefined;
type Order = boolean | readonly OrderItem[] | undefined;

/**
 * A search query for ICAT entities of type `E` whose result rows have type `R`, rendered by `toString()` exactly as python-icat's
 * `str(Query(client, E, …))`. Paths in every option and mutator are checked at compile time
 * against the entity model and again at run time; condition fragments must each be one comparison.
 *
 * @example
 * ```ts
 * const q = new Query("Dataset", {
 *   conditions: { "investigation.name": eq("10100601-ST"), "parameters.numericValue": gt(5.0) },
 *   includes: ["parameters.type"],
 * });
 * String(q);
 * // "SELECT o FROM Dataset o JOIN o.investigation AS i JOIN o.parameters AS p WHERE i.name = '10100601-ST'
 * //  AND p.numericValue > 5 INCLUDE o.parameters AS p, p.type"
 * ```
 */
export interface Query<E extends EntityName = EntityName, R = EntityMap[E]> {
  /** Type-only: the type of one result row (never present at run time). */
  [rowType]?(row: R): void;
  /** The entity searched for. */
  readonly entity: E;
  /** The selected attribute paths; empty when the query returns objects. */
  readonly attributes: readonly string[];
  readonly aggregate: Aggregate | undefined;
  /** The conditions, keyed by path (wrapped in its function, if any). */
  readonly conditions: Readonly<Record<string, readonly string[]>>;
  readonly includes: readonly string[];
  readonly joinSpecs: Readonly<Record<string, JoinSpec>>;
  /** The ORDER BY items, with relations and `true` expanded to attribute paths. */
  readonly order: readonly OrderItem[];
  readonly limit: readonly [number, number] | undefined;
  /** The warnings raised by the current order (python-icat QueryWarning). */
  readonly warnings: readonly QueryWarning[];
  /** Whether the query has an ORDER BY clause (paging needs one for a stable result). */
  readonly hasOrder: boolean;
  /** Whether the query has a LIMIT clause. */
  readonly hasLimit: boolean;
  /** Each clause on its own (python-icat select_clause … limit_clause); absent clauses are undefined. */
  readonly clauses: QueryClauses;

  /** Selects one attribute path instead of objects (python-icat setAttributes); rows are then typed `unknown`. */
  setAttributes<const A extends string>(attribute: CheckAttributes<EntityOf<E>, A>): Query<E, unknown>;
  /** Selects attribute paths instead of objects; `undefined` or `[]` selects the objects again. Rows are then typed `unknown`. */
  setAttributes<const A extends readonly string[] | undefined>(attributes: CheckPathList<EntityOf<E>, A, "any">): Query<E, unknown>;
  /** Sets or clears the aggregate function (python-icat setAggregate); rows are then typed `unknown`. */
  setAggregate(aggregate: Aggregate | undefined): Query<E, unknown>;
  /** Adds conditions to those already there (python-icat addConditions). */
  addConditions<const C extends Conditions>(conditions: CheckPathKeys<EntityOf<E>, C, true>): this;
  /** Adds relations to INCLUDE (python-icat addIncludes). */
  addIncludes<const I extends Includes>(includes: CheckPathList<EntityOf<E>, I, "relation">): this;
  /** Replaces the relations to INCLUDE. */
  setIncludes<const I extends Includes>(includes: CheckPathList<EntityOf<E>, I, "relation">): this;
  /** Replaces the join specs (python-icat setJoinSpecs). */
  setJoinSpecs<const J extends JoinSpecs>(joinSpecs: CheckPathKeys<EntityOf<E>, J, false, "relation">): this;
  /** Replaces the order (python-icat setOrder); warnings go to `warnings` and `onWarning`. */
  setOrder<const O extends Order>(order: CheckOrderList<EntityOf<E>, O>): this;
  /** Sets or clears `[skip, count]` (python-icat setLimit). */
  setLimit(limit: readonly [skip: number, count: number] | undefined): this;
  /** An independent clone (python-icat copy). */
  copy(): Query<E, R>;
  /** A clone whose ORDER BY ends with `o.id` (added unless `id` is already ordered on), for stable paging. */
  withOrderById(): Query<E, R>;
  /**
   * The query text with `LIMIT skip, count` appended, as python-icat's searchChunked sends each
   * chunk. Throws a QueryError (`invalid-limit`) if the query has a LIMIT of its own.
   */
  toStringWithLimit(skip: number, count: number): string;
  /** The query text (python-icat `str(query)`). */
  toString(): string;
}

/**
 * The constructor of {@link Query}: `new Query(entity, options?)`. The row type is inferred from
 * the options (see {@link QueryRow}).
 *
 * @example
 * ```ts
 * const make: QueryConstructor = Query;
 * ```
 */
export interface QueryConstructor {
  new <E extends EntityName, const O extends QueryOptions = Record<never, never>>(entity: E, options?: CheckQueryOptions<EntityOf<E>, O>): Query<E, QueryRow<E, O>>;
  readonly prototype: Query;
}

/**
 * Builds ICAT search queries; see {@link Query}.
 *
 * @throws {QueryError} for an unknown entity or path, a bad aggregate, order, join spec or limit,
 *   or a condition fragment that is not one comparison.
 * @example
 * ```ts
 * String(new Query("Dataset", { order: [["endDate", "DESC"]], limit: [2, 1] }));
 * // "SELECT o FROM Dataset o ORDER BY o.endDate DESC LIMIT 2, 1"
 * ```
 */
export const Query: QueryConstructor = QueryImpl as unknown as QueryConstructor;
