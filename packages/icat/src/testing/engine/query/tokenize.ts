// The sandbox reads queries with catkit's one ICAT lexer (src/query/icat-lexer.ts, which follows
// icat.server's Tokenizer.java and OldTokenizer.java) and turns its tokens into those of
// icat.server's parsers: keywords by each syntax's own list, strings unescaped, timestamps
// normalised. What the lexer finds wrong becomes the sandbox's BAD_PARAMETER answer, with the
// offending position.
import { lexIcatQuery } from "../../../query/icat-lexer.js";
import { ICAT_TIMESTAMP, type IcatLexDialect, type IcatLexFault, type IcatToken, type IcatTokenKind } from "../../../query/icat-token.js";
import { badParameter, type IcatEngineError } from "../icat-engine-error.js";
import { KEYWORDS, OLD_KEYWORDS, type Token, type TokenType } from "./token.js";

const TYPES: Readonly<Record<Exclude<IcatTokenKind, "name" | "string" | "timestamp" | "other">, TokenType>> = {
  integer: "INTEGER",
  real: "REAL",
  parameter: "PARAMETER",
  operator: "COMPOP",
  open: "OPENPAREN",
  close: "CLOSEPAREN",
  comma: "COMMA",
  plus: "PLUS_SIGN",
  minus: "MINUS_SIGN",
  mult: "STAR",
  div: "SLASH",
  bra: "BRA",
  ket: "KET",
  entsep: "ENTSEP",
};

function unexpected(input: string, i: number, dialect: IcatLexDialect): IcatEngineError {
  const ch = input[i] ?? "";
  const near = input.slice(Math.max(0, i - 4), i + 5);
  const hint = dialect === "jpql" && (ch === "\t" || ch === "\n" || ch === "\r") ? " (ICAT only accepts spaces between tokens)" : "";
  return badParameter(`Unexpected character ${JSON.stringify(ch)} at position ${i} near "${near}"${hint} in query: ${input}`);
}

function refuse(input: string, { reason, position, text }: IcatLexFault, dialect: IcatLexDialect): IcatEngineError {
  switch (reason) {
    case "unclosed-string":
      return badParameter(`String literal starting at position ${position} is not closed in query: ${input}`);
    case "unclosed-timestamp":
      return badParameter(`Timestamp literal starting at position ${position} is not closed with '}'`);
    case "bad-timestamp":
      return badParameter(`Timestamp ${text} is not of form {ts yyyy-mm-dd hh:mm:ss}.`);
    case "bad-number":
      // The concise lexer reports the number's first character, the JPQL one the number.
      if (dialect === "concise") return unexpected(input, position, dialect);
      return badParameter(`Badly formed number ${text} at position ${position} in query: ${input}`);
    case "unfinished-operator":
      // icat.server refuses the character after '!' (or after '<' of a concise "<-").
      return unexpected(input, position + 1, dialect);
    case "unexpected-character":
      return unexpected(input, position, dialect);
  }
}

function toToken({ kind, text, position: pos }: IcatToken, keywords: ReadonlySet<string>): Token {
  switch (kind) {
    case "name": {
      const upper = text.toUpperCase();
      if (upper === "LIKE") return { type: "COMPOP", value: "LIKE", pos };
      return keywords.has(upper) ? { type: "KEYWORD", value: upper, pos } : { type: "NAME", value: text, pos };
    }
    case "string":
      return { type: "STRING", value: text.slice(1, -1).replaceAll("''", "'"), pos };
    case "timestamp": {
      const [, date, time] = ICAT_TIMESTAMP.exec(text) ?? [];
      return { type: "TS", value: `{ts ${date} ${time}}`, pos };
    }
    case "other":
      // Only made after a fault, which has been thrown.
      throw new Error(`unreachable: an "other" token at ${pos}`);
    default:
      return { type: TYPES[kind], value: text, pos };
  }
}

function read(input: string, dialect: IcatLexDialect): Token[] {
  const { tokens, faults } = lexIcatQuery(input, dialect);
  const [fault] = faults;
  if (fault !== undefined) throw refuse(input, fault, dialect);
  const keywords = dialect === "jpql" ? KEYWORDS : OLD_KEYWORDS;
  return tokens.map((t) => toToken(t, keywords));
}

/**
 * Splits a JPQL-style ICAT query into tokens. Errors are BAD_PARAMETER with the offending position.
 *
 * @example
 * ```ts
 * tokenize("SELECT ds FROM Dataset ds").map((t) => t.value); // ["SELECT", "ds", "FROM", "Dataset", "ds"]
 * ```
 */
export function tokenize(input: string): Token[] {
  return read(input, "jpql");
}

/**
 * Splits a concise-syntax query (`3,5 Dataset.id [name LIKE 'e%'] <-> Investigation`) into tokens.
 *
 * @example
 * ```ts
 * oldTokenize("Dataset <-> Investigation").map((t) => t.type); // ["NAME", "ENTSEP", "NAME"]
 * ```
 */
export function oldTokenize(input: string): Token[] {
  return read(input, "concise");
}
