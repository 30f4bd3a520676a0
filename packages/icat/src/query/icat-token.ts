// What the one ICAT lexer (icat-lexer.ts) makes of a query: tokens, and the faults where
// icat.server's lexers (core/parser/Tokenizer.java, core/oldparser/OldTokenizer.java) would stop.

/**
 * The two syntaxes ICAT reads: JPQL-style (`SELECT d FROM Dataset d`) and the concise one
 * (`Dataset.name [id > 5] <-> Investigation`), whose lexer knows `[`, `]` and `<->` but not the
 * arithmetic signs, and starts names with letters only.
 *
 * @example
 * ```ts
 * const dialect: IcatLexDialect = "concise";
 * ```
 */
export type IcatLexDialect = "jpql" | "concise";

/**
 * The kinds of token ICAT's lexers make (`bra`, `ket`, `entsep` only in the concise syntax).
 * `other` is one character that stands in for a fault.
 *
 * @example
 * ```ts
 * lexIcatQuery("> 5").tokens[1]?.kind; // "integer"
 * ```
 */
export type IcatTokenKind =
  | "string"
  | "integer"
  | "real"
  | "parameter"
  | "timestamp"
  | "name"
  | "operator"
  | "open"
  | "close"
  | "comma"
  | "plus"
  | "minus"
  | "mult"
  | "div"
  | "bra"
  | "ket"
  | "entsep"
  | "other";

/**
 * One token: its kind, its text as written (a string with its quotes) and where it starts.
 *
 * @example
 * ```ts
 * lexIcatQuery("= 'x'").tokens[1]; // { kind: "string", text: "'x'", position: 2 }
 * ```
 */
export interface IcatToken {
  readonly kind: IcatTokenKind;
  readonly text: string;
  readonly position: number;
}

/**
 * Something ICAT's lexer refuses, at `position` (where the offending token starts):
 * - `unexpected-character`: the character there starts no token (a tab, `;`, `"`, …);
 * - `unfinished-operator`: `!` without `=`, or `<-` without `>` (concise): ICAT's lexer then
 *   refuses the character after `!`/`<`;
 * - `unclosed-string`, `unclosed-timestamp`: no closing `'` or `}`;
 * - `bad-timestamp`: `{…}` not of the form `{ts yyyy-mm-dd hh:mm:ss}` (`text` is all of it);
 * - `bad-number`: the digits, `.`, `e`, `+`, `-` read as one number (`text`) are no number.
 *
 * @example
 * ```ts
 * lexIcatQuery("x = 'a").faults; // [{ reason: "unclosed-string", position: 4, text: "'a" }]
 * ```
 */
export interface IcatLexFault {
  readonly reason: "unexpected-character" | "unfinished-operator" | "unclosed-string" | "unclosed-timestamp" | "bad-timestamp" | "bad-number";
  readonly position: number;
  readonly text: string;
}

/**
 * The tokens of a query, and the faults ICAT's lexer would stop at (in order; empty when it
 * reads the whole query).
 *
 * @example
 * ```ts
 * const { tokens, faults }: IcatLexResult = lexIcatQuery("SELECT d FROM Dataset d");
 * ```
 */
export interface IcatLexResult {
  readonly tokens: IcatToken[];
  readonly faults: IcatLexFault[];
}

/**
 * A valid timestamp literal, with its date and time as groups 1 and 2 (Tokenizer.java tsRegExp).
 *
 * @example
 * ```ts
 * ICAT_TIMESTAMP.exec("{ ts 2011-01-15  00:00:00 }")?.slice(1); // ["2011-01-15", "00:00:00"]
 * ```
 */
export const ICAT_TIMESTAMP = /^\{\s*ts\s+(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2}:\d{2})\s*\}$/;
