import type { EntityName } from "../../../model/index.js";
import { badParameter } from "../icat-engine-error.js";
import type { EvalContext } from "./eval-context.js";

/**
 * One step of the FROM clause's nested loops: all rows of an entity, or the rows reached from an
 * earlier variable along many-to-one steps (`nav`) and a final field.
 *
 * @example
 * ```ts
 * const s: FromStep = { kind: "root", slot: 0, entity: "Dataset" };
 * ```
 */
export type FromStep =
  | { readonly kind: "root"; readonly slot: number; readonly entity: EntityName }
  | {
      readonly kind: "join";
      readonly slot: number;
      readonly entity: EntityName;
      readonly parentSlot: number;
      readonly nav: readonly string[];
      readonly field: string;
      readonly collection: boolean;
      readonly left: boolean;
    };

/**
 * A check that a candidate row survives the inner joins JPQL implies for path expressions such
 * as `ds.sample.name` (rows whose sample is NULL drop out, whatever the rest of the WHERE says).
 *
 * @example
 * ```ts
 * const g: Guard = (ctx) => ctx.bindings[0] !== null;
 * ```
 */
export type Guard = (ctx: EvalContext) => boolean;

/**
 * The compile-time state of one (sub)query: its identification variables (case-insensitive, as
 * in JPQL), the FROM plan, the implied-join guards and whether it refers to an outer query.
 *
 * @example
 * ```ts
 * const scope = new QueryScope(undefined, { count: 0 }, query);
 * scope.declare("ds", "Dataset", 14);
 * ```
 */
export class QueryScope {
  readonly vars = new Map<string, { slot: number; entity: EntityName }>();
  readonly plan: FromStep[] = [];
  readonly guards: Guard[] = [];
  readonly guardKeys = new Set<string>();
  readonly implicitJoins = new Map<string, number>();
  readonly parent: QueryScope | undefined;
  readonly slots: { count: number };
  readonly query: string;
  correlated = false;

  constructor(parent: QueryScope | undefined, slots: { count: number }, query: string) {
    this.parent = parent;
    this.slots = slots;
    this.query = query;
  }

  /** Finds a variable here or in an enclosing query (which makes this scope correlated). */
  lookup(name: string): { slot: number; entity: EntityName } | undefined {
    const here = this.vars.get(name.toUpperCase());
    if (here !== undefined) return here;
    const outer = this.parent?.lookup(name);
    if (outer !== undefined) this.correlated = true;
    return outer;
  }

  /** Declares a variable; names are case-insensitive and must be new. */
  declare(name: string, entity: EntityName, pos: number): number {
    const key = name.toUpperCase();
    if (this.vars.has(key) || this.parent?.lookup(name) !== undefined) {
      throw badParameter(`JPQL identification variable ${name} at position ${pos} has already been defined`);
    }
    const slot = this.slots.count++;
    this.vars.set(key, { slot, entity });
    return slot;
  }

  /** Allocates a slot for an implicit join (a SELECT path ending in a collection). */
  newSlot(): number {
    return this.slots.count++;
  }

  /** Registers a guard once per key. */
  addGuard(key: string, guard: Guard): void {
    if (this.guardKeys.has(key)) return;
    this.guardKeys.add(key);
    this.guards.push(guard);
  }
}
