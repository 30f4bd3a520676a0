import type { AttributeType } from "../../../model/index.js";
import type { Expr } from "../query/ast.js";
import { badParameter } from "../icat-engine-error.js";
import type { Compiled, EvalContext } from "./eval-context.js";
import { compareValues, describeType, isRow, textOf, valueKey, type Value, type ValueType } from "./value.js";

type CallExpr = Extract<Expr, { kind: "call" }>;
type AggregateExpr = Extract<Expr, { kind: "aggregate" }>;

const scalar = (type: AttributeType): ValueType => ({ kind: "scalar", type });
const INTEGRAL: ReadonlySet<string> = new Set(["Integer", "Long"]);

function requireType(c: Compiled, allowed: readonly string[], fn: string, pos: number): void {
  const t = c.type;
  if (t.kind === "null" || (t.kind === "scalar" && allowed.includes(t.type))) return;
  throw badParameter(`${fn} at position ${pos} does not accept ${describeType(t)} (expected ${allowed.join(" or ")})`);
}

const TEXT = ["String", "ParameterValueType", "StudyStatus"];
const NUMBER = ["Integer", "Long", "Double"];

/**
 * Compiles a JPQL function call: UPPER LOWER TRIM LENGTH CONCAT SUBSTRING LOCATE ABS SQRT MOD
 * SIZE (collections are compiled by the caller and passed as `size`) and CURRENT_DATE/TIME/TIMESTAMP.
 *
 * @example
 * ```ts
 * compileCall(callExpr, args, undefined);
 * ```
 */
export function compileCall(
  e: CallExpr,
  args: readonly Compiled[],
  size: ((ctx: EvalContext) => number | null) | undefined,
): Compiled {
  const aggregate = args.some((a) => a.aggregate);
  const [a, b, c] = args;
  const ev = (x: Compiled | undefined, ctx: EvalContext): Value => (x === undefined ? null : x.evaluate(ctx));
  const make = (type: ValueType, evaluate: (ctx: EvalContext) => Value): Compiled => ({ type, evaluate, aggregate });
  switch (e.fn) {
    case "UPPER":
    case "LOWER": {
      requireType(a as Compiled, TEXT, e.fn, e.pos);
      const upper = e.fn === "UPPER";
      return make(scalar("String"), (ctx) => {
        const v = ev(a, ctx);
        return v === null ? null : upper ? textOf(v).toUpperCase() : textOf(v).toLowerCase();
      });
    }
    case "LENGTH":
      requireType(a as Compiled, TEXT, e.fn, e.pos);
      return make(scalar("Integer"), (ctx) => {
        const v = ev(a, ctx);
        return v === null ? null : textOf(v).length;
      });
    case "CONCAT":
      for (const x of args) requireType(x, TEXT, e.fn, e.pos);
      return make(scalar("String"), (ctx) => {
        const parts = args.map((x) => x.evaluate(ctx));
        return parts.some((x) => x === null) ? null : parts.map((x) => (x === null ? "" : textOf(x))).join("");
      });
    case "SUBSTRING":
      requireType(a as Compiled, TEXT, e.fn, e.pos);
      return make(scalar("String"), (ctx) => {
        const [s, start, len] = [ev(a, ctx), ev(b, ctx), ev(c, ctx)];
        if (s === null || typeof start !== "number") return null;
        const from = Math.max(0, start - 1);
        return textOf(s).substring(from, typeof len === "number" ? from + len : undefined);
      });
    case "LOCATE":
      return make(scalar("Integer"), (ctx) => {
        const [needle, hay, start] = [ev(a, ctx), ev(b, ctx), ev(c, ctx)];
        if (needle === null || hay === null) return null;
        return textOf(hay).indexOf(textOf(needle), typeof start === "number" ? start - 1 : 0) + 1;
      });
    case "TRIM":
      return compileTrim(e, args, make);
    case "ABS":
    case "SQRT":
      requireType(a as Compiled, NUMBER, e.fn, e.pos);
      return make(e.fn === "SQRT" ? scalar("Double") : (a as Compiled).type, (ctx) => {
        const v = ev(a, ctx);
        return typeof v !== "number" ? null : e.fn === "ABS" ? Math.abs(v) : Math.sqrt(v);
      });
    case "MOD":
      requireType(a as Compiled, ["Integer", "Long"], e.fn, e.pos);
      requireType(b as Compiled, ["Integer", "Long"], e.fn, e.pos);
      return make(scalar("Integer"), (ctx) => {
        const [x, y] = [ev(a, ctx), ev(b, ctx)];
        return typeof x === "number" && typeof y === "number" && y !== 0 ? x % y : null;
      });
    case "SIZE":
      return make(scalar("Integer"), (ctx) => size?.(ctx) ?? null);
    case "CURRENT_DATE":
      return make(scalar("Date"), (ctx) => new Date(Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth(), ctx.now.getUTCDate())));
    default:
      return make(scalar("Date"), (ctx) => ctx.now);
  }
}

function compileTrim(
  e: CallExpr,
  args: readonly Compiled[],
  make: (type: ValueType, evaluate: (ctx: EvalContext) => Value) => Compiled,
): Compiled {
  const [charArg, strArg] = args.length === 2 ? args : [undefined, args[0]];
  return make(scalar("String"), (ctx) => {
    const s = strArg?.evaluate(ctx) ?? null;
    const ch = charArg === undefined ? " " : charArg.evaluate(ctx);
    if (s === null || ch === null) return null;
    let text = textOf(s);
    const t = textOf(ch);
    if (e.trim !== "TRAILING") while (t !== "" && text.startsWith(t)) text = text.slice(t.length);
    if (e.trim !== "LEADING") while (t !== "" && text.endsWith(t)) text = text.slice(0, -t.length);
    return text;
  });
}

/**
 * Compiles COUNT, MIN, MAX, AVG and SUM, evaluated over the current group of bindings. NULLs are
 * ignored; COUNT of nothing is 0, the others NULL. COUNT is a Long, AVG a Double, SUM a Long
 * over integers and a Double otherwise.
 *
 * @example
 * ```ts
 * compileAggregate(aggregateExpr, compiledArg).evaluate(ctxWithGroup);
 * ```
 */
export function compileAggregate(e: AggregateExpr, arg: Compiled): Compiled {
  if (arg.aggregate) throw badParameter(`Aggregate functions cannot be nested (${e.fn} at position ${e.pos})`);
  const t = arg.type;
  if (e.fn !== "COUNT" && t.kind === "entity") {
    throw badParameter(`${e.fn} at position ${e.pos} needs a value, not the entity ${t.entity}`);
  }
  if ((e.fn === "AVG" || e.fn === "SUM") && t.kind === "scalar" && !NUMBER.includes(t.type)) {
    throw badParameter(`${e.fn} at position ${e.pos} needs a number, not ${t.type}`);
  }
  const type: ValueType =
    e.fn === "COUNT" ? scalar("Long")
    : e.fn === "AVG" ? scalar("Double")
    : e.fn === "SUM" ? scalar(t.kind === "scalar" && INTEGRAL.has(t.type) ? "Long" : "Double")
    : t;
  const evaluate = (ctx: EvalContext): Value => {
    const values: Exclude<Value, null>[] = [];
    const seen = new Set<string>();
    for (const bindings of ctx.group ?? []) {
      const v = arg.evaluate({ ...ctx, bindings, group: undefined });
      if (v === null) continue;
      if (e.distinct) {
        const key = valueKey(v);
        if (seen.has(key)) continue;
        seen.add(key);
      }
      values.push(v);
    }
    if (e.fn === "COUNT") return values.length;
    if (values.length === 0) return null;
    if (e.fn === "MIN" || e.fn === "MAX") {
      const sign = e.fn === "MIN" ? -1 : 1;
      return values.reduce((best, v) => (compareValues(v, best) * sign > 0 ? v : best));
    }
    const sum = values.reduce<number>((acc, v) => acc + (isRow(v) ? 0 : Number(v)), 0);
    return e.fn === "SUM" ? sum : sum / values.length;
  };
  return { type, evaluate, aggregate: true };
}
