import type { Expr, SelectQuery } from "../query/ast.js";
import { badParameter } from "../icat-engine-error.js";
import type { Row } from "../store/row.js";
import { compileExpr, type CompiledSubquery, type ExprOptions } from "./compile-expr.js";
import { compileFrom } from "./compile-from.js";
import { enumerate } from "./enumerate.js";
import type { Compiled, EvalContext } from "./eval-context.js";
import { compileInclude, type IncludePlan } from "./include-plan.js";
import { QueryScope } from "./query-scope.js";
import { authzTargets, type AuthzTarget } from "./select-paths.js";
import { valueKey, type Value } from "./value.js";

/**
 * A search query compiled against the schema, ready to run.
 *
 * @example
 * ```ts
 * const compiled = compileSearch(parseSearch(query), query);
 * ```
 */
export interface CompiledSearch {
  readonly scope: QueryScope;
  readonly where: Compiled | undefined;
  readonly select: readonly Compiled[];
  readonly distinct: boolean;
  readonly grouped: boolean;
  readonly groupBy: readonly Compiled[];
  readonly having: Compiled | undefined;
  readonly orderBy: readonly { readonly c: Compiled; readonly desc: boolean }[];
  readonly authz: readonly AuthzTarget[];
  /** icat.server's SelectClause.isCount: one quantity selected, with COUNT. */
  readonly isCount: boolean;
  readonly include: IncludePlan | undefined;
  readonly limit: SelectQuery["limit"];
  /** Set when rows come out of the FROM loops already in ORDER BY order (none, or root.id). */
  readonly streamOrder: "asc" | "desc" | undefined;
}

function options(clause: string, aggregates: boolean, select = false): ExprOptions {
  return { clause, aggregates, select, subquery: compileSubquery };
}

function hasAggregate(c: Compiled): boolean {
  return c.aggregate;
}

function streamOrder(q: SelectQuery, scope: QueryScope, grouped: boolean): "asc" | "desc" | undefined {
  const first = scope.plan[0];
  if (grouped || q.distinct || first?.kind !== "root" || q.orderBy.length > 1) return undefined;
  const key = q.orderBy[0];
  if (key === undefined) return "asc";
  const e = key.expr;
  if (e.kind !== "path" || e.steps.length !== 1 || e.steps[0] !== "id") return undefined;
  return scope.lookup(e.head)?.slot === first.slot ? (key.desc ? "desc" : "asc") : undefined;
}

/**
 * Compiles a parsed search: resolves variables and fields, infers types, plans the FROM loops,
 * works out which selected entities authorization applies to, and checks INCLUDE.
 *
 * @example
 * ```ts
 * compileSearch(parseSearch("SELECT ds FROM Dataset ds"), "SELECT ds FROM Dataset ds").isCount; // false
 * ```
 */
export function compileSearch(q: SelectQuery, query: string, outer?: QueryScope): CompiledSearch {
  const scope = new QueryScope(outer, outer?.slots ?? { count: 0 }, query);
  compileFrom(q.from, scope);
  const select = q.select.map((e) => compileExpr(e, scope, options("SELECT", true, true)));
  const where = q.where && compileExpr(q.where, scope, options("WHERE", false));
  const groupBy = q.groupBy.map((e) => compileExpr(e, scope, options("GROUP BY", false)));
  const having = q.having && compileExpr(q.having, scope, options("HAVING", true));
  const grouped = groupBy.length > 0 || having !== undefined || select.some(hasAggregate);
  const orderBy = q.orderBy.map((o) => ({ c: compileExpr(o.expr, scope, options("ORDER BY", grouped)), desc: o.desc }));
  for (const [c, name] of [[where, "WHERE"], [having, "HAVING"]] as const) {
    if (c !== undefined && c.type.kind !== "null" && !(c.type.kind === "scalar" && c.type.type === "Boolean")) {
      throw badParameter(`The ${name} clause must be a condition`);
    }
  }
  const targets = authzTargets(q.select, scope);
  const isCount = targets.paths.length === 1 && q.select.some(containsCount);
  let include: IncludePlan | undefined;
  if (q.include !== undefined) {
    if (targets.paths.length > 1) throw badParameter("INCLUDE is only valid for one quantity in the SELECT clause");
    const only = targets.paths[0];
    const entity = only === undefined ? undefined : targets.entityOf(only);
    if (only === undefined || entity === undefined) {
      throw badParameter("INCLUDE needs the SELECT clause to return entities, e.g. SELECT ds FROM Dataset ds INCLUDE ds.datafiles");
    }
    include = compileInclude(q.include, only, entity);
  }
  return {
    scope, select, distinct: q.distinct, grouped, groupBy, orderBy, isCount, include,
    where, having, authz: targets.targets, limit: q.limit,
    streamOrder: streamOrder(q, scope, grouped),
  };
}

function containsCount(e: Expr): boolean {
  switch (e.kind) {
    case "aggregate":
      return e.fn === "COUNT" || containsCount(e.arg);
    case "call":
      return e.args.some(containsCount);
    case "arith":
      return containsCount(e.left) || containsCount(e.right);
    default:
      return false;
  }
}

/**
 * Compiles a subquery inside `outer`; it sees the outer variables (and is then re-run for each
 * outer row) and yields the values of its first SELECT item.
 *
 * @example
 * ```ts
 * compileSubquery(parsedSubquery, scope).values(ctx);
 * ```
 */
export function compileSubquery(q: SelectQuery, outer: QueryScope): CompiledSubquery {
  const c = compileSearch(q, outer.query, outer);
  const first = c.select[0] as Compiled;
  const key = {};
  const run = (ctx: EvalContext): Value[] => {
    const rows: (Row | null)[][] = [];
    enumerate(c.scope.plan, ctx, () => {
      if (c.scope.guards.every((g) => g(ctx)) && (c.where === undefined || c.where.evaluate(ctx) === true)) {
        rows.push(ctx.bindings.slice());
      }
      return true;
    });
    if (!c.grouped) return rows.map((bindings) => first.evaluate({ ...ctx, bindings }));
    const groups = new Map<string, (Row | null)[][]>();
    for (const b of rows) {
      const k = c.groupBy.map((g) => valueKey(g.evaluate({ ...ctx, bindings: b }))).join("|");
      groups.set(k, [...(groups.get(k) ?? []), b]);
    }
    if (c.groupBy.length === 0 && groups.size === 0) groups.set("", []);
    return [...groups.values()]
      .map((group) => ({ ...ctx, bindings: group[0] ?? ctx.bindings, group }))
      .filter((g) => c.having === undefined || c.having.evaluate(g) === true)
      .map((g) => first.evaluate(g));
  };
  return {
    type: first.type,
    values: (ctx) => {
      if (c.scope.correlated) return run(ctx);
      let cached = ctx.cache.get(key) as Value[] | undefined;
      if (cached === undefined) ctx.cache.set(key, (cached = run(ctx)));
      return cached;
    },
  };
}

