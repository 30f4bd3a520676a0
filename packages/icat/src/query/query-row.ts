// The type of one search result row of a query, computed from its options, so that
// `icat.search(new Query("Dataset"))` is typed as Dataset objects and attribute or aggregate
// queries get the type of what ICAT sends back for them (icat.server ICATRest.search: one value
// per row for a single SELECT item, an array per row for several).
import type { EntityMap, EntityName } from "../model/index.js";
import type { ResolvePath, ResolvedPath } from "./path-types.js";

type Defined<V> = Exclude<V, undefined>;
type Element<V> = Defined<V> extends readonly (infer U)[] ? U : Defined<V>;

/**
 * The value ICAT returns for one selected attribute path of entity interface `T`: an attribute
 * may be null (NULL columns come back as `null`), a related object is an entity (JPQL path
 * navigation is an inner join, so never null), a one-to-many path gives its elements one by one.
 * Paths that are not literals give `unknown`.
 *
 * @example
 * ```ts
 * type V = AttributeValue<Dataset, "investigation.name">; // string | null
 * ```
 */
export type AttributeValue<T, P> = P extends string
  ? string extends P
    ? unknown
    : ResolvePath<T, P> extends ResolvedPath<infer V, infer K>
      ? K extends "attribute"
        ? Defined<V> | null
        : Element<V>
      : unknown
  : unknown;

type AggregateOf<O> = "aggregate" extends keyof O ? O["aggregate" & keyof O] : undefined;
type AttributesOf<O> = "attributes" extends keyof O ? O["attributes" & keyof O] : undefined;

type Aggregated<V, G> = G extends "COUNT" | "COUNT:DISTINCT"
  ? number
  : G extends "SUM" | "SUM:DISTINCT" | "AVG" | "AVG:DISTINCT"
    ? number | null
    : G extends "MIN" | "MAX"
      ? V | null
      : V;

type Columns<T, A> = { -readonly [I in keyof A]: AttributeValue<T, A[I]> };

/**
 * The row type of a query over `E` built with options `O`: the entity for object queries, the
 * attribute's value for one attribute, a tuple for several, and `number` for COUNT.
 *
 * @example
 * ```ts
 * type R1 = QueryRow<"Dataset", {}>;                                   // Dataset
 * type R2 = QueryRow<"Dataset", { attributes: "name" }>;               // string | null
 * type R3 = QueryRow<"Dataset", { attributes: ["id", "name"] }>;       // [number | null, string | null]
 * type R4 = QueryRow<"Dataset", { aggregate: "COUNT" }>;               // number
 * ```
 */
export type QueryRow<E extends EntityName, O> =
  AttributesOf<O> extends infer A
    ? [A] extends [undefined]
      ? Aggregated<EntityMap[E], AggregateOf<O>>
      : A extends readonly []
        ? Aggregated<EntityMap[E], AggregateOf<O>>
        : A extends string
          ? Aggregated<AttributeValue<EntityMap[E], A>, AggregateOf<O>>
          : A extends readonly [infer P]
            ? Aggregated<AttributeValue<EntityMap[E], P>, AggregateOf<O>>
            : A extends readonly unknown[]
              ? Columns<EntityMap[E], A>
              : unknown
    : unknown;
