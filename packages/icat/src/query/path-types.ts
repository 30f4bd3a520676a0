// Compile-time checks of attribute paths against the entity model. A path is not looked up in a
// (huge) union of every possible path; the literal is walked one component at a time through
// EntityMap, so any depth costs only as much as the path is long, and a wrong path becomes a type
// whose text says what is wrong ("✗ 'investigation.nmae': Investigation has no field 'nmae'").
// Non-literal strings (plain `string`) are not checked here; the runtime checks every path anyway.
import type { EntityMap, EntityName } from "../model/index.js";

type Defined<V> = Exclude<V, undefined | null>;

/** The entity a relation field leads to (the element type of a one-to-many), never for an attribute. */
type Related<V> =
  Defined<V> extends readonly (infer U)[] ? U : Defined<V> extends Date ? never : Defined<V> extends object ? Defined<V> : never;

type FieldName<T> = Extract<keyof T, string>;

type Same<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;

/** The entity name of an interface from EntityMap, for messages. */
type NameOf<T> = { [N in EntityName]: Same<EntityMap[N], T> extends true ? N : never }[EntityName];

/**
 * How a field relates its owner to its value.
 *
 * @example
 * ```ts
 * type K = ResolvePath<Dataset, "datafiles">["kind"]; // "one-to-many"
 * ```
 */
export type PathKind = "attribute" | "many-to-one" | "one-to-many";

type KindOf<V> = Defined<V> extends readonly unknown[] ? "one-to-many" : [Related<V>] extends [never] ? "attribute" : "many-to-one";

/**
 * A path that resolved: the declared type of its last field and what kind of field that is.
 *
 * @example
 * ```ts
 * type R = ResolvedPath<string | undefined, "attribute">;
 * ```
 */
export interface ResolvedPath<V, K extends PathKind> {
  readonly value: V;
  readonly kind: K;
}

/**
 * A path that did not resolve, with the reason.
 *
 * @example
 * ```ts
 * type E = PathError<"'x': Dataset has no field 'x'">;
 * ```
 */
export interface PathError<M extends string> {
  readonly pathError: M;
}

/**
 * Walks the dotted path `P` from the entity interface `T`.
 *
 * @example
 * ```ts
 * type R = ResolvePath<Dataset, "investigation.name">; // ResolvedPath<string | undefined, "attribute">
 * ```
 */
export type ResolvePath<T, P extends string, Full extends string = P> = P extends `${infer Head}.${infer Rest}`
  ? Head extends FieldName<T>
    ? [Related<T[Head]>] extends [never]
      ? PathError<`'${Full}': '${Head}' of ${NameOf<T>} is an attribute, so nothing can follow it`>
      : ResolvePath<Related<T[Head]>, Rest, Full>
    : PathError<`'${Full}': ${NameOf<T>} has no field '${Head}'`>
  : P extends FieldName<T>
    ? ResolvedPath<T[P], KindOf<T[P]>>
    : PathError<`'${Full}': ${NameOf<T>} has no field '${P}'`>;

/**
 * The JPQL functions of one argument that may wrap a path in conditions and order
 * (icat.server core/parser/Token.java).
 *
 * @example
 * ```ts
 * const f: PathFunction = "UPPER";
 * ```
 */
export type PathFunction = "ABS" | "LENGTH" | "LOWER" | "SIZE" | "SQRT" | "TRIM" | "UPPER";

/**
 * A type-level error message; a value of the checked type must match it, so it never does.
 *
 * @example
 * ```ts
 * type M = CheckFailed<"'x': Dataset has no field 'x'">; // "✗ 'x': Dataset has no field 'x'"
 * ```
 */
export type CheckFailed<M extends string> = `✗ ${M}`;

/**
 * What a checked path must resolve to.
 *
 * @example
 * ```ts
 * type IncludeProblem = PathProblem<Dataset, "name", "relation">; // an error: includes need relations
 * ```
 */
export type PathRequirement = "any" | "attribute" | "relation";

type Meets<R, Need extends PathRequirement, P extends string> =
  R extends PathError<infer M>
    ? CheckFailed<M>
    : R extends ResolvedPath<unknown, infer K>
      ? Need extends "attribute"
        ? K extends "attribute"
          ? never
          : CheckFailed<`'${P}' is a relation; a JPQL function applies to attributes only`>
        : Need extends "relation"
          ? K extends "attribute"
            ? CheckFailed<`'${P}' is an attribute, not a related object`>
            : never
          : never
      : never;

/**
 * `never` when `P` is a valid path of `T` meeting `Need`, otherwise a {@link CheckFailed} message.
 *
 * @example
 * ```ts
 * type Ok = PathProblem<Dataset, "investigation.name", "any">;  // never
 * type Bad = PathProblem<Dataset, "investigation.nmae", "any">; // "✗ 'investigation.nmae': Investigation has no field 'nmae'"
 * ```
 */
export type PathProblem<T, P, Need extends PathRequirement = "any"> = P extends string
  ? string extends P
    ? never
    : Meets<ResolvePath<T, P>, Need, P>
  : never;

/**
 * Like {@link PathProblem}, but `P` may be wrapped in one JPQL function (`UPPER(name)`); with
 * `functionNeedsAttribute`, a wrapped path must end at an attribute (python-icat setOrder).
 *
 * @example
 * ```ts
 * type Ok = FunctionPathProblem<User, "LENGTH(fullName)", true>; // never
 * ```
 */
export type FunctionPathProblem<T, P, FunctionNeedsAttribute extends boolean> = P extends `${infer Fn}(${infer Inner})`
  ? Uppercase<Fn> extends PathFunction
    ? PathProblem<T, Inner, FunctionNeedsAttribute extends true ? "attribute" : "any">
    : CheckFailed<`'${P}': ${Fn} is not a JPQL function of one argument (${PathFunction})`>
  : PathProblem<T, P>;

/**
 * Replaces each invalid element of a path list by its error message.
 *
 * @example
 * ```ts
 * type L = CheckPathList<Dataset, ["name", "nmae"], "any">; // ["name", "✗ 'nmae': Dataset has no field 'nmae'"]
 * ```
 */
export type CheckPathList<T, A, Need extends PathRequirement> = {
  [I in keyof A]: [PathProblem<T, A[I], Need>] extends [never] ? A[I] : PathProblem<T, A[I], Need>;
};

/**
 * Replaces the value under each invalid key by the key's error message.
 *
 * @example
 * ```ts
 * type C = CheckPathKeys<Dataset, { nmae: "= 'x'" }, true>; // { nmae: "✗ 'nmae': Dataset has no field 'nmae'" }
 * ```
 */
export type CheckPathKeys<T, C, FunctionAllowed extends boolean, Need extends PathRequirement = "any"> = {
  [K in keyof C]: [KeyProblem<T, K, FunctionAllowed, Need>] extends [never] ? C[K] : KeyProblem<T, K, FunctionAllowed, Need>;
};

type KeyProblem<T, K, FunctionAllowed extends boolean, Need extends PathRequirement> = FunctionAllowed extends true
  ? FunctionPathProblem<T, K, false>
  : PathProblem<T, K, Need>;

/**
 * Replaces each invalid order item (`"path"`, `"FN(path)"` or `["path", "DESC"]`) by its error message.
 *
 * @example
 * ```ts
 * type O = CheckOrderList<Dataset, ["UPPER(investigation)"]>; // an error: functions apply to attributes
 * ```
 */
export type CheckOrderList<T, A> = {
  [I in keyof A]: A[I] extends readonly [infer P, unknown]
    ? [FunctionPathProblem<T, P, true>] extends [never]
      ? A[I]
      : readonly [FunctionPathProblem<T, P, true>, unknown]
    : [FunctionPathProblem<T, A[I], true>] extends [never]
      ? A[I]
      : FunctionPathProblem<T, A[I], true>;
};

/**
 * The entity interface a query over `E` walks from.
 *
 * @example
 * ```ts
 * type D = EntityOf<"Dataset">; // Dataset
 * ```
 */
export type EntityOf<E extends EntityName> = EntityMap[E];
