import type { AuthorizationPolicy } from "../authz/authorization-policy.js";
import type { Row } from "../store/row.js";
import type { StoreView } from "../store/store-view.js";
import type { Value, ValueType } from "./value.js";

/**
 * The variable bindings of one candidate row: one slot per identification variable.
 *
 * @example
 * ```ts
 * const b: Bindings = [datasetRow, null];
 * ```
 */
export type Bindings = (Row | null)[];

/**
 * What compiled expressions read while evaluating: the bindings, the current group (for
 * aggregates), the user (for `:user`), the store and a per-execution cache.
 *
 * @example
 * ```ts
 * const ctx: EvalContext = { bindings: [], group: undefined, user: "db/root", store, now: new Date(), cache: new Map(), policy };
 * ```
 */
export interface EvalContext {
  bindings: Bindings;
  group: readonly Bindings[] | undefined;
  readonly user: string;
  readonly store: StoreView;
  readonly now: Date;
  readonly cache: Map<object, unknown>;
  readonly policy: AuthorizationPolicy;
}

/**
 * A compiled expression: its static type and an evaluator.
 *
 * @example
 * ```ts
 * compiled.evaluate(ctx);
 * ```
 */
export interface Compiled {
  readonly type: ValueType;
  readonly evaluate: (ctx: EvalContext) => Value;
  /** Whether the expression contains an aggregate function. */
  readonly aggregate: boolean;
}
