import type { CompareOp, Expr, SelectQuery } from "./ast.js";
import { parsePrimary } from "./parse-primary.js";
import type { TokenStream } from "./token-stream.js";

/**
 * Parses a parenthesised subquery body; supplied by parse-search to avoid a module cycle.
 *
 * @example
 * ```ts
 * const sub: SubqueryParser = (s) => parseSelect(s, true);
 * ```
 */
export type SubqueryParser = (s: TokenStream) => SelectQuery;

/**
 * Parses an expression or condition: OR < AND < NOT < predicates (comparison, LIKE, IN, BETWEEN,
 * IS [NOT] NULL/EMPTY, MEMBER OF) < + - < * / < unary minus < primaries.
 *
 * @example
 * ```ts
 * parseExpression(stream, parseSubquery); // e.g. for "ds.name LIKE 'e2%' AND NOT ds.complete = TRUE"
 * ```
 */
export function parseExpression(s: TokenStream, sub: SubqueryParser): Expr {
  let left = parseAnd(s, sub);
  for (let t = s.peek(); t && s.acceptKeyword("OR"); t = s.peek()) {
    left = { kind: "or", pos: t.pos, left, right: parseAnd(s, sub) };
  }
  return left;
}

function parseAnd(s: TokenStream, sub: SubqueryParser): Expr {
  let left = parseNot(s, sub);
  for (let t = s.peek(); t && s.acceptKeyword("AND"); t = s.peek()) {
    left = { kind: "and", pos: t.pos, left, right: parseNot(s, sub) };
  }
  return left;
}

function parseNot(s: TokenStream, sub: SubqueryParser): Expr {
  const t = s.peek();
  if (t && s.acceptKeyword("NOT")) return { kind: "not", pos: t.pos, arg: parseNot(s, sub) };
  return parsePredicate(s, sub);
}

function parsePredicate(s: TokenStream, sub: SubqueryParser): Expr {
  const first = s.peek();
  if (first?.type === "NAME" && first.value.toUpperCase() === "EXISTS" && s.peek(1)?.type === "OPENPAREN") {
    s.next();
    s.expect("OPENPAREN", "(");
    const query = sub(s);
    s.expect("CLOSEPAREN", ")");
    return { kind: "exists", pos: first.pos, query };
  }
  const arg = parseAdditive(s, sub);
  const t = s.peek();
  if (t === undefined) return arg;
  const pos = t.pos;
  if (t.type === "COMPOP" && t.value !== "LIKE") {
    s.next();
    const op: CompareOp = t.value === "!=" ? "<>" : (t.value as CompareOp);
    return { kind: "compare", pos, op, left: arg, right: parseAdditive(s, sub) };
  }
  const not = s.atKeyword("NOT") && isNegatable(s.peek(1)?.value) ? s.acceptKeyword("NOT") : false;
  if (s.accept("COMPOP")) {
    const pattern = parseAdditive(s, sub);
    const escape = s.acceptKeyword("ESCAPE") ? parseAdditive(s, sub) : undefined;
    return escape ? { kind: "like", pos, not, arg, pattern, escape } : { kind: "like", pos, not, arg, pattern };
  }
  if (s.acceptKeyword("BETWEEN")) {
    const low = parseAdditive(s, sub);
    s.keyword("AND");
    return { kind: "between", pos, not, arg, low, high: parseAdditive(s, sub) };
  }
  if (s.acceptKeyword("IN")) return { kind: "in", pos, not, arg, list: parseInList(s, sub) };
  if (s.acceptKeyword("MEMBER")) {
    if (s.peek()?.type === "NAME" && s.peek()?.value.toUpperCase() === "OF") s.next();
    return { kind: "memberOf", pos, not, arg, collection: parseAdditive(s, sub) };
  }
  if (s.acceptKeyword("IS")) {
    const isNot = s.acceptKeyword("NOT");
    if (s.acceptKeyword("NULL")) return { kind: "isNull", pos, not: isNot, arg };
    if (s.acceptKeyword("EMPTY")) return { kind: "isEmpty", pos, not: isNot, arg };
    throw s.error(["NULL", "EMPTY"]);
  }
  return arg;
}

function isNegatable(word: string | undefined): boolean {
  return word === "BETWEEN" || word === "LIKE" || word === "IN" || word === "MEMBER";
}

function parseInList(s: TokenStream, sub: SubqueryParser): Expr[] {
  const open = s.expect("OPENPAREN", "(");
  if (s.atKeyword("SELECT")) {
    const query = sub(s);
    s.expect("CLOSEPAREN", ")");
    return [{ kind: "subquery", pos: open.pos, query }];
  }
  const list = [parseAdditive(s, sub)];
  while (s.accept("COMMA")) list.push(parseAdditive(s, sub));
  s.expect("CLOSEPAREN", ")");
  return list;
}

function parseAdditive(s: TokenStream, sub: SubqueryParser): Expr {
  let left = parseMultiplicative(s, sub);
  for (;;) {
    const t = s.peek();
    if (t?.type === "PLUS_SIGN" || t?.type === "MINUS_SIGN") {
      s.next();
      left = { kind: "arith", pos: t.pos, op: t.type === "PLUS_SIGN" ? "+" : "-", left, right: parseMultiplicative(s, sub) };
    } else if ((t?.type === "INTEGER" || t?.type === "REAL") && t.value.startsWith("-")) {
      // "x.id -1": icat.server's tokenizer glues the minus to the number and passes "x.id -1" on
      // to JPQL, which reads a subtraction.
      s.next();
      const right: Expr = { kind: "literal", pos: t.pos + 1, value: Number(t.value.slice(1)), real: t.type === "REAL" };
      left = { kind: "arith", pos: t.pos, op: "-", left, right };
    } else {
      return left;
    }
  }
}

function parseMultiplicative(s: TokenStream, sub: SubqueryParser): Expr {
  let left = parseUnary(s, sub);
  for (let t = s.peek(); t?.type === "STAR" || t?.type === "SLASH"; t = s.peek()) {
    s.next();
    left = { kind: "arith", pos: t.pos, op: t.type === "STAR" ? "*" : "/", left, right: parseUnary(s, sub) };
  }
  return left;
}

function parseUnary(s: TokenStream, sub: SubqueryParser): Expr {
  const t = s.peek();
  if (t?.type === "MINUS_SIGN") {
    s.next();
    return { kind: "negate", pos: t.pos, arg: parseUnary(s, sub) };
  }
  if (t?.type === "PLUS_SIGN") s.next();
  return parsePrimary(s, sub, { expression: parseExpression, additive: parseAdditive });
}

