// The runtime of the query builder (python-icat icat/query.py class Query). Its public, typed
// face is the `Query` interface in query.ts; this class checks everything again at run time, for
// JavaScript callers and for paths that are not literals.
import { checkAggregate } from "./aggregate-rules.js";
import { queryEntityInfo } from "./entity-fields.js";
import { checkedOrder } from "./order-items.js";
import type { Aggregate, ConditionValue, JoinSpec, OrderItem, QueryOptions } from "./query-options.js";
import { QueryError } from "./query-error.js";
import {
  addCheckedConditions,
  checkedAggregate,
  checkedAttributes,
  checkedIncludes,
  checkedJoinSpecs,
  checkedLimit,
  cloneState,
  type QueryState,
} from "./query-state.js";
import type { QueryWarning, QueryWarningHandler } from "./query-warning.js";
import { renderClauses, renderQuery, type QueryClauses } from "./render-query.js";

/**
 * The query builder's implementation; use it through `Query`.
 *
 * @example
 * ```ts
 * String(new QueryImpl("Investigation")); // "SELECT o FROM Investigation o"
 * ```
 */
export class QueryImpl {
  #state: QueryState;
  #onWarning: QueryWarningHandler | undefined;
  #warnings: readonly QueryWarning[] = [];

  constructor(entity: string, options: QueryOptions = {}) {
    this.#state = {
      entity: queryEntityInfo(entity),
      attributes: [],
      aggregate: undefined,
      conditions: new Map(),
      includes: new Set(),
      joinSpecs: new Map(),
      order: new Map(),
      limit: undefined,
    };
    this.#onWarning = options.onWarning;
    // python-icat's __init__ order: conditions and join specs come before the order, whose
    // warnings depend on them.
    const s = this.#state;
    s.attributes = checkedAttributes(s.entity, options.attributes);
    s.aggregate = checkedAggregate(options.aggregate);
    checkAggregate(s.entity, s.attributes, s.aggregate);
    addCheckedConditions(s.entity, s.conditions, options.conditions);
    s.includes = new Set(checkedIncludes(s.entity, options.includes));
    s.joinSpecs = checkedJoinSpecs(s.entity, options.joinSpecs);
    this.setOrder(options.order);
    s.limit = checkedLimit(options.limit);
  }

  get entity(): string {
    return this.#state.entity.name;
  }

  get attributes(): readonly string[] {
    return [...this.#state.attributes];
  }

  get aggregate(): Aggregate | undefined {
    return this.#state.aggregate;
  }

  get conditions(): Readonly<Record<string, readonly string[]>> {
    const out: Record<string, string[]> = {};
    for (const [path, entries] of this.#state.conditions) {
      for (const { fn, fragment } of entries) (out[fn === undefined ? path : `${fn}(${path})`] ??= []).push(fragment);
    }
    return out;
  }

  get includes(): readonly string[] {
    return [...this.#state.includes];
  }

  get joinSpecs(): Readonly<Record<string, JoinSpec>> {
    return Object.fromEntries(this.#state.joinSpecs);
  }

  get order(): readonly OrderItem[] {
    return [...this.#state.order].map(([path, e]) => {
      const item = e.fn === undefined ? path : `${e.fn}(${path})`;
      return e.direction === undefined ? item : ([item, e.direction] as const);
    });
  }

  get limit(): readonly [number, number] | undefined {
    return this.#state.limit;
  }

  get warnings(): readonly QueryWarning[] {
    return this.#warnings;
  }

  get hasOrder(): boolean {
    return this.#state.order.size > 0;
  }

  get hasLimit(): boolean {
    return this.#state.limit !== undefined;
  }

  setAttributes(attributes: string | readonly string[] | undefined): this {
    const checked = checkedAttributes(this.#state.entity, attributes);
    checkAggregate(this.#state.entity, checked, this.#state.aggregate);
    this.#state.attributes = checked;
    return this;
  }

  setAggregate(aggregate: Aggregate | undefined): this {
    const checked = checkedAggregate(aggregate);
    checkAggregate(this.#state.entity, this.#state.attributes, checked);
    this.#state.aggregate = checked;
    return this;
  }

  addConditions(conditions: Readonly<Record<string, ConditionValue>> | undefined): this {
    addCheckedConditions(this.#state.entity, this.#state.conditions, conditions);
    return this;
  }

  addIncludes(includes: "1" | readonly string[] | undefined): this {
    for (const path of checkedIncludes(this.#state.entity, includes)) this.#state.includes.add(path);
    return this;
  }

  setIncludes(includes: "1" | readonly string[] | undefined): this {
    this.#state.includes = new Set(checkedIncludes(this.#state.entity, includes));
    return this;
  }

  setJoinSpecs(joinSpecs: Readonly<Record<string, JoinSpec>> | undefined): this {
    this.#state.joinSpecs = checkedJoinSpecs(this.#state.entity, joinSpecs);
    return this;
  }

  setOrder(order: boolean | readonly OrderItem[] | undefined): this {
    const checked = checkedOrder(this.#state, order);
    this.#state.order = checked.order;
    this.#warnings = checked.warnings;
    for (const warning of checked.warnings) this.#onWarning?.(warning);
    return this;
  }

  setLimit(limit: readonly [number, number] | undefined): this {
    this.#state.limit = checkedLimit(limit);
    return this;
  }

  copy(): QueryImpl {
    // python-icat Query.copy: a fresh query of the same entity, given a clone of every part; the
    // warnings are carried over, not raised again.
    const q = new QueryImpl(this.entity);
    q.#state = cloneState(this.#state);
    q.#onWarning = this.#onWarning;
    q.#warnings = this.#warnings;
    return q;
  }

  withOrderById(): QueryImpl {
    const q = this.copy();
    if (!q.#state.order.has("id")) q.#state.order.set("id", { fn: undefined, direction: undefined });
    return q;
  }

  toStringWithLimit(skip: number, count: number): string {
    if (this.#state.limit !== undefined) {
      throw new QueryError(
        "invalid-limit",
        `This query already has LIMIT ${this.#state.limit.join(", ")}; remove it (setLimit(undefined)) to page through the results.`,
      );
    }
    const limit = checkedLimit([skip, count]) ?? [skip, count];
    return `${renderQuery(this.#state)} LIMIT ${limit[0]}, ${limit[1]}`;
  }

  get clauses(): QueryClauses {
    return renderClauses(this.#state);
  }

  toString(): string {
    return renderQuery(this.#state);
  }
}
