import { badParameter } from "../icat-engine-error.js";
import type { GetQuery } from "./ast.js";
import { parseInclude } from "./parse-include.js";
import { showToken } from "./token.js";
import { TokenStream } from "./token-stream.js";
import { tokenize } from "./tokenize.js";

/**
 * Parses the new-style get query `Name [[AS] var [INCLUDE …]]` (icat.server
 * core/parser/GetQuery.java). The old form `Name INCLUDE …` is translated before it gets here.
 *
 * @example
 * ```ts
 * parseGet("Dataset ds INCLUDE ds.datafiles df, df.parameters");
 * ```
 */
export function parseGet(query: string): GetQuery {
  const s = new TokenStream(tokenize(query), query);
  const entity = s.expect("NAME").value;
  s.acceptKeyword("AS");
  const aliasToken = s.accept("NAME");
  const include = aliasToken !== undefined && s.atKeyword("INCLUDE") ? parseInclude(s) : undefined;
  const rest = s.peek();
  if (rest !== undefined) throw badParameter(`Trailing tokens at end of query ${showToken(rest)}...`);
  return {
    entity,
    ...(aliasToken && { alias: aliasToken.value }),
    ...(include && { include }),
  };
}
