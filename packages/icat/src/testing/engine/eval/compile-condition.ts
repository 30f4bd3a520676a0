import type { Expr } from "../query/ast.js";
import { badParameter } from "../icat-engine-error.js";
import { compileCollection } from "./compile-path.js";
import type { ExprOptions } from "./compile-expr.js";
import type { Compiled, EvalContext } from "./eval-context.js";
import type { QueryScope } from "./query-scope.js";
import { comparable, compareValues, describeType, isRow, likeToRegExp, textOf, valueKey, type Value } from "./value.js";

type Recurse = (e: Expr, scope: QueryScope, o: ExprOptions) => Compiled;
type Tri = boolean | null;

const BOOLEAN = { kind: "scalar", type: "Boolean" } as const;

function bool(c: Compiled, what: string, pos: number): Compiled {
  if (c.type.kind === "null" || (c.type.kind === "scalar" && c.type.type === "Boolean")) return c;
  throw badParameter(`${what} at position ${pos} needs a condition, not ${describeType(c.type)}`);
}

function tri(v: Value): Tri {
  return typeof v === "boolean" ? v : null;
}

function not(v: Tri): Tri {
  return v === null ? null : !v;
}

function cond(aggregate: boolean, evaluate: (ctx: EvalContext) => Tri): Compiled {
  return { type: BOOLEAN, aggregate, evaluate };
}

function checkComparable(a: Compiled, b: Compiled, pos: number): void {
  if (!comparable(a.type, b.type)) {
    throw badParameter(`Cannot compare ${describeType(a.type)} with ${describeType(b.type)} at position ${pos}`);
  }
}

/**
 * Compiles the boolean forms of the language with SQL's three-valued logic (NULL is "unknown",
 * and WHERE keeps only rows that are true): AND OR NOT, comparisons, LIKE … ESCAPE, IN, BETWEEN,
 * IS [NOT] NULL, IS [NOT] EMPTY, MEMBER OF and EXISTS.
 *
 * @example
 * ```ts
 * compileCondition(expr, scope, options, compileExpr).evaluate(ctx); // true | false | null
 * ```
 */
export function compileCondition(e: Expr, scope: QueryScope, o: ExprOptions, recurse: Recurse): Compiled {
  const sub = (x: Expr): Compiled => recurse(x, scope, o);
  switch (e.kind) {
    case "and":
    case "or": {
      const [l, r] = [bool(sub(e.left), e.kind.toUpperCase(), e.pos), bool(sub(e.right), e.kind.toUpperCase(), e.pos)];
      const isAnd = e.kind === "and";
      return cond(l.aggregate || r.aggregate, (ctx) => {
        const a = tri(l.evaluate(ctx));
        if (a === !isAnd) return a;
        const b = tri(r.evaluate(ctx));
        if (b === !isAnd) return b;
        return a === null || b === null ? null : isAnd;
      });
    }
    case "not": {
      const a = bool(sub(e.arg), "NOT", e.pos);
      return cond(a.aggregate, (ctx) => not(tri(a.evaluate(ctx))));
    }
    case "compare": {
      const [l, r] = [sub(e.left), sub(e.right)];
      checkComparable(l, r, e.pos);
      if ((l.type.kind === "entity" || r.type.kind === "entity") && e.op !== "=" && e.op !== "<>") {
        throw badParameter(`Entities can only be compared with = or <> (position ${e.pos})`);
      }
      const op = e.op;
      return cond(l.aggregate || r.aggregate, (ctx) => {
        const [a, b] = [l.evaluate(ctx), r.evaluate(ctx)];
        if (a === null || b === null) return null;
        const c = isRow(a) || isRow(b) ? (valueKey(a) === valueKey(b) ? 0 : 1) : compareValues(a, b);
        switch (op) {
          case "=": return c === 0;
          case "<>": return c !== 0;
          case "<": return c < 0;
          case "<=": return c <= 0;
          case ">": return c > 0;
          default: return c >= 0;
        }
      });
    }
    case "like": {
      const [arg, pattern] = [sub(e.arg), sub(e.pattern)];
      const escape = e.escape === undefined ? undefined : sub(e.escape);
      for (const c of [arg, pattern, ...(escape ? [escape] : [])]) {
        if (c.type.kind === "entity" || (c.type.kind === "scalar" && !["String", "ParameterValueType", "StudyStatus"].includes(c.type.type))) {
          throw badParameter(`LIKE at position ${e.pos} needs strings, not ${describeType(c.type)}`);
        }
      }
      const cache = new Map<string, RegExp>();
      const negate = e.not;
      return cond(arg.aggregate, (ctx) => {
        const [v, p, x] = [arg.evaluate(ctx), pattern.evaluate(ctx), escape?.evaluate(ctx)];
        if (v === null || p === null || x === null) return null;
        const key = `${x === undefined ? "" : textOf(x)}\u0000${textOf(p)}`;
        let re = cache.get(key);
        if (re === undefined) cache.set(key, (re = likeToRegExp(textOf(p), x === undefined ? undefined : textOf(x))));
        return re.test(textOf(v)) !== negate;
      });
    }
    case "in": {
      const arg = sub(e.arg);
      const first = e.list[0];
      const subquery = first?.kind === "subquery" && e.list.length === 1 ? o.subquery(first.query, scope) : undefined;
      const items = subquery ? [] : e.list.map(sub);
      for (const item of items) checkComparable(arg, item, e.pos);
      if (subquery) checkComparable(arg, { type: subquery.type, evaluate: () => null, aggregate: false }, e.pos);
      const negate = e.not;
      return cond(arg.aggregate, (ctx) => {
        const v = arg.evaluate(ctx);
        if (v === null) return null;
        const values = subquery ? subquery.values(ctx) : items.map((i) => i.evaluate(ctx));
        const key = valueKey(v);
        let result: Tri = values.some((x) => x !== null && valueKey(x) === key) ? true : values.includes(null) ? null : false;
        if (negate) result = not(result);
        return result;
      });
    }
    case "between": {
      const [arg, low, high] = [sub(e.arg), sub(e.low), sub(e.high)];
      checkComparable(arg, low, e.pos);
      checkComparable(arg, high, e.pos);
      const negate = e.not;
      return cond(arg.aggregate, (ctx) => {
        const [v, a, b] = [arg.evaluate(ctx), low.evaluate(ctx), high.evaluate(ctx)];
        if (v === null || a === null || b === null) return null;
        return (compareValues(v, a) >= 0 && compareValues(v, b) <= 0) !== negate;
      });
    }
    case "isNull": {
      const arg = sub(e.arg);
      const negate = e.not;
      return cond(arg.aggregate, (ctx) => (arg.evaluate(ctx) === null) !== negate);
    }
    case "isEmpty": {
      const coll = compileCollection(e.arg, scope, o.clause);
      const negate = e.not;
      return cond(false, (ctx) => {
        const rows = coll.rows(ctx);
        return rows === null ? null : (rows.length === 0) !== negate;
      });
    }
    case "memberOf": {
      const arg = sub(e.arg);
      const coll = compileCollection(e.collection, scope, o.clause);
      if (arg.type.kind !== "null" && (arg.type.kind !== "entity" || arg.type.entity !== coll.entity)) {
        throw badParameter(`MEMBER OF at position ${e.pos} needs a ${coll.entity}, not ${describeType(arg.type)}`);
      }
      const negate = e.not;
      return cond(arg.aggregate, (ctx) => {
        const [v, rows] = [arg.evaluate(ctx), coll.rows(ctx)];
        if (!isRow(v) || rows === null) return null;
        return rows.some((r) => r.id === v.id) !== negate;
      });
    }
    case "exists": {
      const subquery = o.subquery(e.query, scope);
      return cond(false, (ctx) => subquery.values(ctx).length > 0);
    }
    default:
      throw badParameter(`Unexpected ${e.kind} expression at position ${e.pos}`);
  }
}
