import { badParameter } from "../icat-engine-error.js";
import type { IncludeSpec } from "./ast.js";
import type { TokenStream } from "./token-stream.js";

/**
 * Parses an INCLUDE clause (the keyword is next): `INCLUDE 1` or a comma-separated list of
 * `var.field[.field…] [[AS] var]` (icat.server core/parser/IncludeClause.java). Semantic checks
 * (variables, fields, redundancy) happen when the query is compiled.
 *
 * @example
 * ```ts
 * parseInclude(stream); // for "INCLUDE ds.datafiles AS df, df.parameters"
 * ```
 */
export function parseInclude(s: TokenStream): IncludeSpec {
  s.keyword("INCLUDE");
  let one = false;
  const items: { pos: number; path: string; alias?: string }[] = [];
  const first = s.peek();
  if (first?.type === "INTEGER" && first.value === "1") {
    s.next();
    one = true;
  } else {
    items.push(parseItem(s));
  }
  while (s.accept("COMMA")) items.push(parseItem(s));
  if (one && items.length > 0) {
    throw badParameter('"INCLUDE 1" must not be followed by other things to include.');
  }
  return { one, items };
}

function parseItem(s: TokenStream): { pos: number; path: string; alias?: string } {
  const path = s.expect("NAME");
  const as = s.acceptKeyword("AS");
  const alias = as ? s.expect("NAME") : s.accept("NAME");
  return alias === undefined ? { pos: path.pos, path: path.value } : { pos: path.pos, path: path.value, alias: alias.value };
}
