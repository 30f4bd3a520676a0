// Compile-time checks of query options: each option value is replaced by itself when it is
// valid and by an error-message type when it is not, so a bad path fails to compile with the
// reason in the message. See path-types.ts for how paths are walked.
import type {
  CheckFailed,
  CheckOrderList,
  CheckPathKeys,
  CheckPathList,
  PathProblem,
  ResolvePath,
  ResolvedPath,
} from "./path-types.js";
import type { Aggregate, QueryOptions } from "./query-options.js";

/**
 * Checks `attributes`: one path or a list of paths, of any kind.
 *
 * @example
 * ```ts
 * type A = CheckAttributes<Dataset, "nmae">; // "✗ 'nmae': Dataset has no field 'nmae'"
 * ```
 */
export type CheckAttributes<T, A> = A extends string
  ? [PathProblem<T, A>] extends [never]
    ? A
    : PathProblem<T, A>
  : A extends readonly unknown[]
    ? CheckPathList<T, A, "any">
    : A;

/**
 * Checks `includes`: "1" or a list of relation paths.
 *
 * @example
 * ```ts
 * type I = CheckIncludes<Dataset, ["datafiles"]>; // ["datafiles"]
 * ```
 */
export type CheckIncludes<T, I> = I extends readonly unknown[] ? CheckPathList<T, I, "relation"> : I;

/**
 * Checks `order`: `true`/`false` or a list of order items.
 *
 * @example
 * ```ts
 * type O = CheckOrder<Dataset, true>; // true
 * ```
 */
export type CheckOrder<T, O> = O extends readonly unknown[] ? CheckOrderList<T, O> : O;

type EntityAggregates = "DISTINCT" | "COUNT" | "COUNT:DISTINCT";
type OrderableAggregates = EntityAggregates | "MIN" | "MAX";

type AggregatesForValue<V> = [V] extends [number | bigint]
  ? Aggregate
  : [V] extends [Date]
    ? OrderableAggregates
    : string extends V
      ? OrderableAggregates
      : EntityAggregates;

type AggregatesForPath<T, P> = P extends string
  ? string extends P
    ? Aggregate
    : ResolvePath<T, P> extends ResolvedPath<infer V, infer K>
      ? K extends "attribute"
        ? AggregatesForValue<Exclude<V, undefined | null>>
        : EntityAggregates
      : Aggregate
  : Aggregate;

/**
 * The aggregates that apply to a selection (see aggregate-rules.ts): objects take DISTINCT and
 * COUNT, numbers everything, strings and dates also MIN and MAX, several attributes only DISTINCT.
 *
 * @example
 * ```ts
 * type G = AggregatesFor<Datafile, "name">; // "DISTINCT" | "COUNT" | "COUNT:DISTINCT" | "MIN" | "MAX"
 * ```
 */
export type AggregatesFor<T, A> = [A] extends [undefined]
  ? EntityAggregates
  : A extends readonly []
    ? EntityAggregates
    : A extends readonly [infer P]
      ? AggregatesForPath<T, P>
      : A extends readonly unknown[]
        ? number extends A["length"]
          ? Aggregate
          : "DISTINCT"
        : AggregatesForPath<T, A>;

/**
 * Checks `aggregate` against the `attributes` given alongside it.
 *
 * @example
 * ```ts
 * type G = CheckAggregate<Datafile, "SUM", "name">; // an error: SUM takes numbers
 * ```
 */
export type CheckAggregate<T, G, A> = G extends undefined
  ? G
  : G extends AggregatesFor<T, A>
    ? G
    : CheckFailed<`aggregate ${G & string} does not apply to ${[A] extends [undefined] ? "the objects" : "these attributes"}; it takes ${AggregatesFor<T, A>}`>;

type AttributesOf<O> = O extends { readonly attributes?: infer A } ? A : undefined;

/**
 * Checks every option of `O` for the entity interface `T`; unknown option names become `never`.
 *
 * @example
 * ```ts
 * type C = CheckQueryOptions<Dataset, { conditions: { "investigation.nmae": "= 'x'" } }>;
 * // { conditions: { "investigation.nmae": "✗ 'investigation.nmae': Investigation has no field 'nmae'" } }
 * ```
 */
export type CheckQueryOptions<T, O> = {
  [K in keyof O]: K extends "attributes"
    ? CheckAttributes<T, O[K]>
    : K extends "aggregate"
      ? CheckAggregate<T, O[K], AttributesOf<O>>
      : K extends "conditions"
        ? CheckPathKeys<T, O[K], true>
        : K extends "order"
          ? CheckOrder<T, O[K]>
          : K extends "includes"
            ? CheckIncludes<T, O[K]>
            : K extends "joinSpecs"
              ? CheckPathKeys<T, O[K], false, "relation">
              : K extends keyof QueryOptions
                ? O[K]
                : never;
};
