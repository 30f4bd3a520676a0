import { findEntityName } from "../../../../model/index.js";
import { badParameter } from "../../icat-engine-error.js";
import type { Token } from "../token.js";
import { TokenStream } from "../token-stream.js";
import type { OldCondition, OldFactor, OldInclude, OldPredicate, OldSearch } from "./old-ast.js";
import { oldTokenize } from "../tokenize.js";

const VALUE = ["NAME", "STRING", "INTEGER", "REAL", "PARAMETER", "TS"] as const;
const LITERAL = ["STRING", "INTEGER", "REAL", "PARAMETER", "TS"] as const;
const AGGREGATES = ["COUNT", "MAX", "MIN", "AVG", "SUM"];

function isKind(t: Token | undefined, kind: string): boolean {
  return t !== undefined && (t.type === kind || (t.type === "KEYWORD" && t.value === kind));
}

/** Consumes a token of one of `kinds` (token types or keywords), as OldInput.consume does. */
function take(s: TokenStream, kinds: readonly string[]): Token {
  if (!kinds.some((k) => isKind(s.peek(), k))) throw s.error(kinds);
  return s.next();
}

/**
 * Checks that an entity name exists, exactly as spelt (EntityInfoHandler.getClass).
 *
 * @example
 * ```ts
 * checkEntity("Dataset"); // "Dataset"; checkEntity("dataset") throws "dataset is not an ICAT entity"
 * ```
 */
export function checkEntity(name: string): string {
  if (findEntityName(name) !== name) throw badParameter(`${name} is not an ICAT entity`);
  return name;
}

/**
 * Parses a concise-syntax search query.
 *
 * @example
 * ```ts
 * parseOldSearch("COUNT(Datafile) <-> Dataset [id=5]").aggregate; // "COUNT"
 * ```
 */
export function parseOldSearch(query: string): OldSearch {
  const s = new TokenStream(oldTokenize(query), query);
  let t = take(s, ["NAME", "DISTINCT", "INTEGER", "COMMA", ...AGGREGATES]);
  let offset: number | undefined;
  let count: number | undefined;
  let aggregate: string | undefined;
  let distinct = false;
  let order: { field: string; desc: boolean }[] = [];
  let include: OldInclude | undefined;
  let result: Token;
  if (AGGREGATES.includes(t.value) && t.type === "KEYWORD") {
    aggregate = t.value;
    take(s, ["OPENPAREN"]);
    result = take(s, ["NAME"]);
    checkEntity(result.value.split(".")[0] ?? "");
    take(s, ["CLOSEPAREN"]);
  } else {
    if (t.type === "INTEGER" || t.type === "COMMA") {
      if (t.type === "INTEGER") {
        offset = Number(t.value);
        take(s, ["COMMA"]);
      }
      t = take(s, ["NAME", "DISTINCT", "INTEGER"]);
      if (t.type === "INTEGER") {
        count = Number(t.value);
        t = take(s, ["NAME", "DISTINCT"]);
      }
    }
    distinct = isKind(t, "DISTINCT");
    result = distinct ? take(s, ["NAME"]) : t;
    checkEntity(result.value.split(".")[0] ?? "");
    const simple = !result.value.includes(".");
    if (isKind(s.peek(), "ORDER")) {
      order = parseOrder(s);
      if (simple && isKind(s.peek(), "INCLUDE")) include = parseOldInclude(s);
    } else {
      if (simple && isKind(s.peek(), "INCLUDE")) include = parseOldInclude(s);
      order = parseOrder(s);
    }
  }
  const condition = s.accept("BRA") ? parseBracket(s) : undefined;
  const joins: { entity: string; condition?: OldCondition }[] = [];
  while (!s.done) {
    take(s, ["ENTSEP"]);
    const entity = take(s, ["NAME"]).value;
    const c = s.accept("BRA") ? parseBracket(s) : undefined;
    joins.push(c ? { entity, condition: c } : { entity });
  }
  return {
    distinct,
    result: result.value,
    order,
    joins,
    ...(offset !== undefined && { offset }),
    ...(count !== undefined && { count }),
    ...(aggregate !== undefined && { aggregate }),
    ...(include && { include }),
    ...(condition && { condition }),
  };
}

/**
 * Parses the old get form `Name INCLUDE …` (icat.server OldGetQuery.java).
 *
 * @example
 * ```ts
 * parseOldGet("Dataset INCLUDE Investigation, Facility");
 * ```
 */
export function parseOldGet(query: string): { entity: string; include?: OldInclude } {
  const s = new TokenStream(oldTokenize(query), query);
  const entity = checkEntity(take(s, ["NAME"]).value);
  const include = isKind(s.peek(), "INCLUDE") ? parseOldInclude(s) : undefined;
  const rest = s.peek();
  if (rest !== undefined) throw badParameter(`Trailing tokens at end of query ${rest.value}...`);
  return include ? { entity, include } : { entity };
}

function parseOldInclude(s: TokenStream): OldInclude {
  take(s, ["INCLUDE"]);
  const first = take(s, ["NAME", "INTEGER"]);
  if (first.type === "INTEGER") {
    if (first.value !== "1") throw badParameter("Only integer value allowed in the INCLUDE list is 1");
    return { one: true, types: [] };
  }
  const types = [checkEntity(first.value)];
  while (s.accept("COMMA")) types.push(checkEntity(take(s, ["NAME"]).value));
  return { one: false, types };
}

function parseOrder(s: TokenStream): { field: string; desc: boolean }[] {
  const order: { field: string; desc: boolean }[] = [];
  if (!isKind(s.peek(), "ORDER")) return order;
  s.next();
  take(s, ["BY"]);
  do {
    const field = take(s, ["NAME"]).value;
    const dir = isKind(s.peek(), "ASC") || isKind(s.peek(), "DESC") ? s.next().value : "ASC";
    order.push({ field, desc: dir === "DESC" });
  } while (s.accept("COMMA"));
  return order;
}

function parseBracket(s: TokenStream): OldCondition {
  const c = parseCondition(s);
  take(s, ["KET"]);
  return c;
}

function parseCondition(s: TokenStream): OldCondition {
  const terms: OldFactor[][] = [parseTerm(s)];
  while (isKind(s.peek(), "OR")) {
    s.next();
    terms.push(parseTerm(s));
  }
  return terms;
}

function parseTerm(s: TokenStream): OldFactor[] {
  const factors = [parseFactor(s)];
  while (isKind(s.peek(), "AND")) {
    s.next();
    factors.push(parseFactor(s));
  }
  return factors;
}

function parseFactor(s: TokenStream): OldFactor {
  const not = isKind(s.peek(), "NOT") ? (s.next(), true) : false;
  if (s.accept("OPENPAREN")) {
    const condition = parseCondition(s);
    take(s, ["CLOSEPAREN"]);
    return { not, condition };
  }
  return { not, predicate: parsePredicate(s) };
}

function parsePredicate(s: TokenStream): OldPredicate {
  const left = take(s, VALUE);
  const op = take(s, ["COMPOP", "IN", "BETWEEN"]);
  if (op.type === "COMPOP") return { kind: "compare", left, op, right: take(s, VALUE) };
  if (op.value === "IN") {
    take(s, ["OPENPAREN"]);
    const values = [take(s, LITERAL)];
    while (take(s, ["COMMA", "CLOSEPAREN"]).type === "COMMA") values.push(take(s, LITERAL));
    return { kind: "in", left, values };
  }
  const low = take(s, VALUE);
  take(s, ["AND"]);
  return { kind: "between", left, low, high: take(s, VALUE) };
}
