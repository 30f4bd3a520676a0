import { PARAMETER_VALUE_TYPES, STUDY_STATUSES } from "../../../model/index.js";
import type { Expr, SelectQuery } from "../query/ast.js";
import { badParameter } from "../icat-engine-error.js";
import { compileAggregate, compileCall } from "./compile-functions.js";
import { compileCollection, compilePath } from "./compile-path.js";
import { compileCondition } from "./compile-condition.js";
import type { Compiled, EvalContext } from "./eval-context.js";
import type { QueryScope } from "./query-scope.js";
import { describeType, type Value, type ValueType } from "./value.js";

/**
 * A compiled subquery: the first column of each of its rows, for the current outer bindings.
 *
 * @example
 * ```ts
 * const sub: CompiledSubquery = compileSubquery(query, scope);
 * sub.values(ctx).length;
 * ```
 */
export interface CompiledSubquery {
  readonly type: ValueType;
  readonly values: (ctx: EvalContext) => Value[];
}

/**
 * Compiles subqueries; supplied by the search compiler so that expression compilation does not
 * import it.
 *
 * @example
 * ```ts
 * const options: ExprOptions = { clause: "WHERE", aggregates: false, subquery: compileSubquery };
 * ```
 */
export type SubqueryCompiler = (query: SelectQuery, outer: QueryScope) => CompiledSubquery;

/**
 * What an expression may contain where it appears.
 *
 * @example
 * ```ts
 * const o: ExprOptions = { clause: "SELECT", aggregates: true, select: true, subquery };
 * ```
 */
export interface ExprOptions {
  readonly clause: string;
  readonly aggregates: boolean;
  readonly select?: boolean;
  /** Inside an aggregate's argument. */
  readonly inAggregate?: boolean;
  readonly subquery: SubqueryCompiler;
}

const NUMERIC = ["Integer", "Long", "Double"];

function literalType(value: Value, real: boolean | undefined): ValueType {
  if (value === null) return { kind: "null" };
  if (value instanceof Date) return { kind: "scalar", type: "Date" };
  if (typeof value === "number") return { kind: "scalar", type: real === true ? "Double" : "Long" };
  if (typeof value === "boolean") return { kind: "scalar", type: "Boolean" };
  return { kind: "scalar", type: "String" };
}

function numeric(c: Compiled, what: string, pos: number): void {
  if (c.type.kind === "null" || (c.type.kind === "scalar" && NUMERIC.includes(c.type.type))) return;
  throw badParameter(`${what} at position ${pos} needs numbers, not ${describeType(c.type)}`);
}

/**
 * Compiles any expression or condition to a typed evaluator.
 *
 * @example
 * ```ts
 * compileExpr(parsed.where, scope, { clause: "WHERE", aggregates: false, subquery }).evaluate(ctx);
 * ```
 */
export function compileExpr(e: Expr, scope: QueryScope, o: ExprOptions): Compiled {
  const plain = (type: ValueType, evaluate: (ctx: EvalContext) => Value): Compiled => ({ type, evaluate, aggregate: false });
  switch (e.kind) {
    case "path":
      return compilePath(e, scope, o.select === true ? { clause: o.clause, selectJoin: true } : { clause: o.clause });
    case "literal": {
      const value = e.value;
      return plain(literalType(value, e.real), () => value);
    }
    case "enum": {
      const allowed: readonly string[] = e.enumType === "ParameterValueType" ? PARAMETER_VALUE_TYPES : STUDY_STATUSES;
      if (!allowed.includes(e.value)) {
        throw badParameter(`${e.value} is not a value of ${e.enumType} (one of ${allowed.join(", ")})`);
      }
      const value = e.value;
      return plain({ kind: "scalar", type: e.enumType }, () => value);
    }
    case "param":
      if (e.name !== "user") {
        throw badParameter(`Parameter :${e.name} at position ${e.pos} is not set: the only parameter ICAT provides is :user`);
      }
      return plain({ kind: "scalar", type: "String" }, (ctx) => ctx.user);
    case "arith": {
      const [l, r] = [compileExpr(e.left, scope, o), compileExpr(e.right, scope, o)];
      numeric(l, `'${e.op}'`, e.pos);
      numeric(r, `'${e.op}'`, e.pos);
      const integral = [l.type, r.type].every((t) => t.kind === "scalar" && (t.type === "Long" || t.type === "Integer"));
      const op = e.op;
      return {
        type: { kind: "scalar", type: integral && op !== "/" ? "Long" : "Double" },
        aggregate: l.aggregate || r.aggregate,
        evaluate: (ctx) => {
          const [x, y] = [l.evaluate(ctx), r.evaluate(ctx)];
          if (typeof x !== "number" || typeof y !== "number") return null;
          if (op === "/") return y === 0 ? null : x / y;
          return op === "+" ? x + y : op === "-" ? x - y : x * y;
        },
      };
    }
    case "negate": {
      const a = compileExpr(e.arg, scope, o);
      numeric(a, "'-'", e.pos);
      return { type: a.type, aggregate: a.aggregate, evaluate: (ctx) => { const v = a.evaluate(ctx); return typeof v === "number" ? -v : null; } };
    }
    case "call": {
      if (e.fn === "SIZE") {
        const coll = compileCollection(e.args[0] as Expr, scope, o.clause);
        return compileCall(e, [], (ctx) => coll.rows(ctx)?.length ?? null);
      }
      return compileCall(e, e.args.map((a) => compileExpr(a, scope, o)), undefined);
    }
    case "aggregate": {
      if (o.inAggregate === true) throw badParameter(`Aggregate functions cannot be nested (${e.fn} at position ${e.pos})`);
      if (!o.aggregates) {
        throw badParameter(`${e.fn} at position ${e.pos} is not allowed in the ${o.clause} clause`);
      }
      return compileAggregate(e, compileExpr(e.arg, scope, { ...o, aggregates: false, inAggregate: true }));
    }
    case "subquery": {
      const sub = o.subquery(e.query, scope);
      return plain(sub.type, (ctx) => sub.values(ctx)[0] ?? null);
    }
    default:
      return compileCondition(e, scope, o, compileExpr);
  }
}
