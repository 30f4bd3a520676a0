import { badParameter } from "../icat-engine-error.js";
import type { AggregateFn, Expr } from "./ast.js";
import type { SubqueryParser } from "./parse-expression.js";
import type { TokenStream } from "./token-stream.js";

/** The entry points of parse-expression, passed in to avoid a module cycle. */
interface Recurse {
  expression: (s: TokenStream, sub: SubqueryParser) => Expr;
  additive: (s: TokenStream, sub: SubqueryParser) => Expr;
}

const ENUM_PREFIX = "org.icatproject.";
const AGGREGATES: ReadonlySet<string> = new Set(["COUNT", "MIN", "MAX", "AVG", "SUM"]);
const FUNCTIONS: Readonly<Record<string, [min: number, max: number]>> = {
  UPPER: [1, 1], LOWER: [1, 1], LENGTH: [1, 1], ABS: [1, 1], SQRT: [1, 1], SIZE: [1, 1],
  MOD: [2, 2], CONCAT: [2, 64], SUBSTRING: [2, 3], LOCATE: [2, 3],
};
const NOW: ReadonlySet<string> = new Set(["CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP"]);
const PRIMARY_START = ["NAME", "STRING", "INTEGER", "REAL", "PARAMETER", "{ts …}", "(", "function"];

/**
 * Parses a primary expression: a literal, `:param`, path, enum literal, function call, aggregate,
 * parenthesised expression or subquery.
 *
 * @example
 * ```ts
 * parsePrimary(stream, parseSubquery, { expression: parseExpression, additive: parseAdditive });
 * ```
 */
export function parsePrimary(s: TokenStream, sub: SubqueryParser, recurse: Recurse): Expr {
  const t = s.peek();
  if (t === undefined) throw s.error(PRIMARY_START);
  const pos = t.pos;
  switch (t.type) {
    case "STRING":
      s.next();
      return { kind: "literal", pos, value: t.value };
    case "INTEGER":
    case "REAL":
      s.next();
      return { kind: "literal", pos, value: Number(t.value), real: t.type === "REAL" };
    case "TS":
      s.next();
      return { kind: "literal", pos, value: timestamp(t.value) };
    case "PARAMETER":
      s.next();
      return { kind: "param", pos, name: t.value.slice(1) };
    case "NAME":
      s.next();
      return t.value.startsWith(ENUM_PREFIX) ? enumLiteral(t.value, pos) : path(t.value, pos);
    case "OPENPAREN": {
      s.next();
      const inner: Expr = s.atKeyword("SELECT") ? { kind: "subquery", pos, query: sub(s) } : recurse.expression(s, sub);
      s.expect("CLOSEPAREN", ")");
      return inner;
    }
    case "KEYWORD":
      return parseKeywordPrimary(s, sub, recurse);
    default:
      throw s.error(PRIMARY_START);
  }
}

function parseKeywordPrimary(s: TokenStream, sub: SubqueryParser, recurse: Recurse): Expr {
  const t = s.next();
  const pos = t.pos;
  const word = t.value;
  if (word === "TRUE" || word === "FALSE") return { kind: "literal", pos, value: word === "TRUE" };
  if (word === "NULL") return { kind: "literal", pos, value: null };
  if (NOW.has(word)) return { kind: "call", pos, fn: word, args: [] };
  if (AGGREGATES.has(word)) {
    s.expect("OPENPAREN", "(");
    const distinct = s.acceptKeyword("DISTINCT");
    const arg = recurse.additive(s, sub);
    s.expect("CLOSEPAREN", ")");
    return { kind: "aggregate", pos, fn: word as AggregateFn, distinct, arg };
  }
  if (word === "TRIM") return parseTrim(s, sub, recurse, pos);
  const arity = FUNCTIONS[word];
  if (arity === undefined) {
    throw badParameter(`${word} at position ${pos} cannot start an expression in: ${s.query}`);
  }
  s.expect("OPENPAREN", "(");
  const args = [recurse.additive(s, sub)];
  while (s.accept("COMMA")) args.push(recurse.additive(s, sub));
  s.expect("CLOSEPAREN", ")");
  if (args.length < arity[0] || args.length > arity[1]) {
    throw badParameter(`${word} at position ${pos} takes ${arity[0]}${arity[1] > arity[0] ? "+" : ""} arguments, not ${args.length}`);
  }
  return { kind: "call", pos, fn: word, args };
}

function parseTrim(s: TokenStream, sub: SubqueryParser, recurse: Recurse, pos: number): Expr {
  s.expect("OPENPAREN", "(");
  const specToken = s.peek();
  const spec = specToken?.type === "KEYWORD" && ["LEADING", "TRAILING", "BOTH"].includes(specToken.value)
    ? (s.next().value as "LEADING" | "TRAILING" | "BOTH")
    : undefined;
  const args: Expr[] = [];
  if (!s.atKeyword("FROM")) args.push(recurse.additive(s, sub));
  if (s.acceptKeyword("FROM")) args.push(recurse.additive(s, sub));
  else if (spec !== undefined || args.length === 0) throw s.error(["FROM"]);
  s.expect("CLOSEPAREN", ")");
  // args: [string] or [char, string]
  return { kind: "call", pos, fn: "TRIM", args, trim: spec ?? "BOTH" };
}

function timestamp(text: string): Date {
  // "{ts 2011-01-15 00:00:00}": icat.server reads it in the server's zone, the sandbox's is UTC.
  const m = /(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(text);
  const [y, mo, d, h, mi, se] = (m?.slice(1) ?? []).map(Number) as [number, number, number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, se, 0);
  return date;
}

function enumLiteral(text: string, pos: number): Expr {
  const parts = text.split(".");
  if (parts.length !== 4) throw badParameter(`Enum literal ${text} must contain exactly 4 parts`);
  const [, , enumType, value] = parts as [string, string, string, string];
  if (enumType !== "ParameterValueType" && enumType !== "StudyStatus") {
    throw badParameter(`Enum literal ${text} at position ${pos}: ${enumType} is not an ICAT enum (ParameterValueType or StudyStatus)`);
  }
  return { kind: "enum", pos, enumType, value };
}

function path(text: string, pos: number): Expr {
  const parts = text.split(".");
  if (parts.some((p) => p === "")) throw badParameter(`Badly formed path ${text} at position ${pos}`);
  const [head, ...steps] = parts as [string, ...string[]];
  return { kind: "path", pos, text, head, steps };
}
