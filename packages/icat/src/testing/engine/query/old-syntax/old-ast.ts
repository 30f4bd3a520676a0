import type { Token } from "../token.js";

/**
 * A predicate of the concise syntax: `a op b`, `a IN (…)` or `a BETWEEN b AND c`, kept as tokens
 * because which side is the attribute is only known once the entity is.
 *
 * @example
 * ```ts
 * const p: OldPredicate = { kind: "in", left: nameToken, values: [stringToken] };
 * ```
 */
export type OldPredicate =
  | { kind: "compare"; left: Token; op: Token; right: Token }
  | { kind: "in"; left: Token; values: readonly Token[] }
  | { kind: "between"; left: Token; low: Token; high: Token };

/**
 * `[NOT] predicate` or `[NOT] ( condition )`.
 *
 * @example
 * ```ts
 * const f: OldFactor = { not: true, condition: [[{ not: false, predicate }]] };
 * ```
 */
export interface OldFactor {
  readonly not: boolean;
  readonly predicate?: OldPredicate;
  readonly condition?: OldCondition;
}

/**
 * A condition in brackets: OR of ANDs of factors (SearchCondition / BooleanTerm / BooleanFactor).
 *
 * @example
 * ```ts
 * const c: OldCondition = [[factorA, factorB], [factorC]]; // (A AND B) OR C
 * ```
 */
export type OldCondition = readonly (readonly OldFactor[])[];

/**
 * An INCLUDE of the concise syntax: `INCLUDE 1` or a list of entity names.
 *
 * @example
 * ```ts
 * const inc: OldInclude = { one: false, types: ["Investigation", "Facility"] };
 * ```
 */
export interface OldInclude {
  readonly one: boolean;
  readonly types: readonly string[];
}

/**
 * A parsed concise-syntax search (icat.server core/oldparser/OldSearchQuery.java).
 *
 * @example
 * ```ts
 * parseOldSearch("3,5 Dataset.id ORDER BY id").offset; // 3
 * ```
 */
export interface OldSearch {
  readonly offset?: number;
  readonly count?: number;
  readonly distinct: boolean;
  readonly aggregate?: string;
  /** "Dataset" or "Dataset.attr". */
  readonly result: string;
  readonly order: readonly { field: string; desc: boolean }[];
  readonly include?: OldInclude;
  readonly condition?: OldCondition;
  readonly joins: readonly { entity: string; condition?: OldCondition }[];
}
