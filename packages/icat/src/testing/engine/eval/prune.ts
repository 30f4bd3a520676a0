import { IcatEngineError } from "../icat-engine-error.js";
import { manyToOneFields } from "../store/relations.js";
import type { Row } from "../store/row.js";
import type { StoreView } from "../store/store-view.js";
import type { IncludePlan } from "./include-plan.js";

/**
 * A returned entity with the related objects its INCLUDE brought along (EntityBaseBean.pruned).
 *
 * @example
 * ```ts
 * node.manys.get("datafiles")?.length;
 * ```
 */
export interface IncludedNode {
  readonly row: Row;
  readonly ones: Map<string, IncludedNode>;
  readonly manys: Map<string, IncludedNode[]>;
}

/**
 * What pruning needs: the store, a read check for related objects (those the user may not read
 * are silently dropped, icat-ids.md §2.2) and the budget of objects left under maxEntities.
 *
 * @example
 * ```ts
 * const env: PruneEnv = { store, canRead: () => true, budget: { left: 10000, max: 10000 } };
 * ```
 */
export interface PruneEnv {
  readonly store: StoreView;
  readonly canRead: (row: Row) => boolean;
  readonly budget: { left: number; readonly max: number };
}

function spend(env: PruneEnv): void {
  if (--env.budget.left < 0) {
    // EntityBeanManager.search: the entities returned, INCLUDEd ones too, may not exceed maxEntities.
    throw new IcatEngineError("VALIDATION", `attempt to return more than ${env.budget.max} entities`);
  }
}

/**
 * Copies `row` into a node and follows the include steps that start at variable `here`.
 *
 * @example
 * ```ts
 * const node = prune(datasetRow, plan, env);
 * ```
 */
export function prune(row: Row, plan: IncludePlan | undefined, env: PruneEnv, here = 0): IncludedNode {
  spend(env);
  const node: IncludedNode = { row, ones: new Map(), manys: new Map() };
  if (plan === undefined) return node;
  if (plan.one) {
    for (const field of manyToOneFields(row.entity)) {
      const target = env.store.related(row, field.name);
      if (target !== undefined && env.canRead(target)) node.ones.set(field.name, prune(target, undefined, env));
    }
    return node;
  }
  for (const step of plan.steps) {
    if (step.here !== here) continue;
    if (step.collection) {
      const children = env.store.children(row.entity, step.field, row.id).filter(env.canRead);
      node.manys.set(step.field, children.map((child) => prune(child, plan, env, step.there)));
    } else {
      const target = env.store.related(row, step.field);
      if (target !== undefined && env.canRead(target)) node.ones.set(step.field, prune(target, plan, env, step.there));
    }
  }
  return node;
}
