import { badParameter } from "../icat-engine-error.js";
import type { Expr, FromItem, IncludeSpec, SelectQuery } from "./ast.js";
import { parseExpression } from "./parse-expression.js";
import { parseInclude } from "./parse-include.js";
import { TokenStream } from "./token-stream.js";
import { tokenize } from "./tokenize.js";

/**
 * Parses a JPQL-style ICAT search query (icat.server core/parser/SearchQuery.java):
 * `SELECT … FROM … [WHERE …] [GROUP BY …] [HAVING …] [ORDER BY …]` followed by INCLUDE and LIMIT
 * in either order.
 *
 * @example
 * ```ts
 * parseSearch("SELECT ds FROM Dataset ds WHERE ds.name = 'e1' INCLUDE ds.datafiles LIMIT 0, 10");
 * ```
 */
export function parseSearch(query: string): SelectQuery {
  const s = new TokenStream(tokenize(query), query);
  const q = parseSelect(s, false);
  if (!s.done) throw s.error([]);
  return q;
}

function parseSubquery(s: TokenStream): SelectQuery {
  return parseSelect(s, true);
}

function parseSelect(s: TokenStream, sub: boolean): SelectQuery {
  s.keyword("SELECT");
  const distinct = s.acceptKeyword("DISTINCT");
  const select = [parseExpression(s, parseSubquery)];
  while (s.accept("COMMA")) select.push(parseExpression(s, parseSubquery));
  s.keyword("FROM");
  const from = parseFrom(s);
  const where = s.acceptKeyword("WHERE") ? parseExpression(s, parseSubquery) : undefined;
  const groupBy: Expr[] = [];
  if (s.acceptKeyword("GROUP")) {
    s.keyword("BY");
    do groupBy.push(parseExpression(s, parseSubquery));
    while (s.accept("COMMA"));
  }
  const having = s.acceptKeyword("HAVING") ? parseExpression(s, parseSubquery) : undefined;
  const orderBy: { expr: Expr; desc: boolean }[] = [];
  if (s.acceptKeyword("ORDER")) {
    s.keyword("BY");
    do {
      const expr = parseExpression(s, parseSubquery);
      const desc = s.acceptKeyword("DESC");
      if (!desc) s.acceptKeyword("ASC");
      orderBy.push({ expr, desc });
    } while (s.accept("COMMA"));
  }
  let include: IncludeSpec | undefined;
  let limit: SelectQuery["limit"];
  if (!sub) {
    // SearchQuery.java: [include] [limit] or [limit] [include]
    if (s.atKeyword("INCLUDE")) include = parseInclude(s);
    if (s.atKeyword("LIMIT")) limit = parseLimit(s);
    if (include === undefined && s.atKeyword("INCLUDE")) include = parseInclude(s);
  }
  return {
    distinct,
    select,
    from,
    groupBy,
    orderBy,
    ...(where && { where }),
    ...(having && { having }),
    ...(include && { include }),
    ...(limit && { limit }),
  };
}

function parseFrom(s: TokenStream): FromItem[] {
  const items: FromItem[] = [];
  do {
    const t = s.peek();
    if (t !== undefined && s.acceptKeyword("IN")) {
      // collection member declaration: IN(ds.parameters) p
      s.expect("OPENPAREN", "(");
      const path = s.expect("NAME").value;
      s.expect("CLOSEPAREN", ")");
      items.push({ kind: "join", pos: t.pos, path, alias: alias(s), left: false });
      continue;
    }
    const name = s.expect("NAME");
    if (name.value.includes(".")) items.push({ kind: "join", pos: name.pos, path: name.value, alias: alias(s), left: false });
    else items.push({ kind: "root", pos: name.pos, entity: name.value, alias: alias(s) });
    for (let j = s.peek(); j && s.atKeyword("LEFT", "INNER", "JOIN"); j = s.peek()) {
      const left = s.acceptKeyword("LEFT");
      if (left) s.acceptKeyword("OUTER");
      else s.acceptKeyword("INNER");
      s.keyword("JOIN");
      if (s.atKeyword("FETCH")) throw badParameter("The FETCH keyword is not permitted");
      const path = s.expect("NAME");
      items.push({ kind: "join", pos: j.pos, path: path.value, alias: alias(s), left });
    }
  } while (s.accept("COMMA"));
  return items;
}

function alias(s: TokenStream): string {
  s.acceptKeyword("AS");
  return s.expect("NAME", "NAME (an identification variable)").value;
}

function parseLimit(s: TokenStream): { offset: number; count: number | undefined } {
  s.keyword("LIMIT");
  const offset = Number(s.expect("INTEGER").value);
  s.expect("COMMA", ",");
  const count = s.accept("STAR") ? undefined : Number(s.expect("INTEGER", "INTEGER or *").value);
  if (offset < 0 || (count !== undefined && count < 0)) {
    throw badParameter(`LIMIT values must not be negative: LIMIT ${offset}, ${count ?? "*"}`);
  }
  return { offset, count };
}
