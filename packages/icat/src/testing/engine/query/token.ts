/**
 * Words the query tokenizer turns into keyword tokens, case-insensitively (icat.server
 * core/parser/Tokenizer.java `keyWords`, which also holds ICAT's own INCLUDE, LIMIT, TIMESTAMP).
 *
 * @example
 * ```ts
 * KEYWORDS.has("INCLUDE"); // true
 * ```
 */
export const KEYWORDS: ReadonlySet<string> = new Set([
  "ABS", "ALL", "AND", "ANY", "AS", "ASC", "AVG", "BETWEEN", "BOTH", "BY", "CONCAT", "COUNT",
  "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DESC", "DISTINCT", "DIV", "EMPTY", "ESCAPE",
  "FALSE", "FETCH", "FROM", "GROUP", "HAVING", "IN", "INCLUDE", "INNER", "IS", "JOIN", "LEADING",
  "LEFT", "LENGTH", "LIMIT", "LOCATE", "LOWER", "MAX", "MEMBER", "MIN", "MINUS", "MOD", "MULT", "NOT",
  "NULL", "OBJECT", "OR", "ORDER", "OUTER", "PLUS", "REAL", "SELECT", "SIZE", "SQRT", "SUBSTRING",
  "SUM", "TIMESTAMP", "TRAILING", "TRIM", "TRUE", "UPPER", "WHERE",
]);

/**
 * The keywords of the concise syntax's lexer, a smaller set (icat.server
 * core/oldparser/OldTokenizer.java `boolops`, `keyWords`, `functions`).
 *
 * @example
 * ```ts
 * OLD_KEYWORDS.has("SELECT"); // false
 * ```
 */
export const OLD_KEYWORDS: ReadonlySet<string> = new Set([
  "AND", "OR", "NOT", "DISTINCT", "ORDER", "BY", "ASC", "DESC", "IN", "BETWEEN", "INCLUDE",
  "MIN", "MAX", "AVG", "COUNT", "SUM",
]);

/**
 * The kind of a query token: a keyword (its upper-case spelling) or one of the token classes of
 * icat.server's Token.java. `COMPOP` covers = <> != < <= > >= and LIKE.
 *
 * @example
 * ```ts
 * const t: TokenType = "NAME";
 * ```
 */
export type TokenType =
  | "STRING"
  | "NAME"
  | "OPENPAREN"
  | "CLOSEPAREN"
  | "COMPOP"
  | "INTEGER"
  | "REAL"
  | "PARAMETER"
  | "COMMA"
  | "TS"
  | "PLUS_SIGN"
  | "MINUS_SIGN"
  | "STAR"
  | "SLASH"
  | "KEYWORD"
  // the concise (old) syntax only: [ ] <->
  | "BRA"
  | "KET"
  | "ENTSEP";

/**
 * One token with its text and the position (0-based character offset) where it starts.
 * For STRING the value is the unescaped content; for KEYWORD the upper-case word; for TS the
 * normalised `{ts yyyy-mm-dd hh:mm:ss}` form.
 *
 * @example
 * ```ts
 * const t: Token = { type: "NAME", value: "ds.name", pos: 7 };
 * ```
 */
export interface Token {
  readonly type: TokenType;
  readonly value: string;
  readonly pos: number;
}

/**
 * How a token reads back in an error message.
 *
 * @example
 * ```ts
 * showToken({ type: "STRING", value: "it's", pos: 0 }); // "'it''s'"
 * ```
 */
export function showToken(t: Token): string {
  return t.type === "STRING" ? `'${t.value.replaceAll("'", "''")}'` : t.value;
}
