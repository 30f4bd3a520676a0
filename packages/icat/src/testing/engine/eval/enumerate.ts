import type { Row } from "../store/row.js";
import type { EvalContext } from "./eval-context.js";
import type { FromStep } from "./query-scope.js";

function joined(step: Extract<FromStep, { kind: "join" }>, ctx: EvalContext): Row[] {
  let row = ctx.bindings[step.parentSlot] ?? null;
  for (const field of step.nav) {
    if (row === null) return [];
    row = ctx.store.related(row, field) ?? null;
  }
  if (row === null) return [];
  if (step.collection) return ctx.store.children(row.entity, step.field, row.id);
  const target = ctx.store.related(row, step.field);
  return target === undefined ? [] : [target];
}

/**
 * Runs the FROM clause's nested loops, binding one row per variable, and calls `visit` for each
 * combination; `visit` returns false to stop early. Roots are visited in id order (descending
 * for the first root when `firstDescending`), collections in id order.
 *
 * @example
 * ```ts
 * enumerate(scope.plan, ctx, () => { rows.push(ctx.bindings.slice()); return true; });
 * ```
 */
export function enumerate(
  plan: readonly FromStep[],
  ctx: EvalContext,
  visit: () => boolean,
  firstDescending = false,
): boolean {
  const step = (i: number): boolean => {
    const s = plan[i];
    if (s === undefined) return visit();
    if (s.kind === "root") {
      const ids = ctx.store.ids(s.entity);
      const descending = firstDescending && i === 0;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[descending ? ids.length - 1 - k : k] as number;
        ctx.bindings[s.slot] = ctx.store.get(s.entity, id) ?? null;
        if (!step(i + 1)) return false;
      }
      return true;
    }
    const rows = joined(s, ctx);
    if (rows.length === 0) {
      if (!s.left) return true;
      ctx.bindings[s.slot] = null;
      return step(i + 1);
    }
    for (const row of rows) {
      ctx.bindings[s.slot] = row;
      if (!step(i + 1)) return false;
    }
    return true;
  };
  return step(0);
}
