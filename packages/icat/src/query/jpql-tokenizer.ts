// The client's one ICAT lexer. It follows icat.server's own (core/parser/Tokenizer.java) so that
// what we accept is what ICAT would read the same way: only a space separates tokens, strings are
// '…' with '' as the one escape, a name may contain dots (enum literals), `:name` is a parameter
// and `{ts yyyy-mm-dd hh:mm:ss}` a timestamp. Strict, it checks the condition fragments that go
// into a WHERE clause; lenient, it reads whole query strings for paging (query-text.ts), which
// may be in the concise syntax ("Dataset [complete = True]") and are ICAT's to judge.
import { QueryError } from "./query-error.js";

/**
 * The kinds of token a condition fragment is made of.
 *
 * @example
 * ```ts
 * tokenizeJpql("> 5")[1]?.kind; // "integer"
 * ```
 */
export type JpqlTokenKind =
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
  /** Lenient mode only: a character ICAT's lexer would refuse, or a malformed `:`/`{ts}`. */
  | "other";

/**
 * One token: its kind, its text as written and where it starts.
 *
 * @example
 * ```ts
 * tokenizeJpql("= 'x'")[1]; // { kind: "string", text: "'x'", position: 2 }
 * ```
 */
export interface JpqlToken {
  readonly kind: JpqlTokenKind;
  readonly text: string;
  readonly position: number;
}

// icat.server Tokenizer.java:17-18
const TIMESTAMP = /^\{\s*ts\s+\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}:\d{2}\s*\}$/;
const NAME_START = /[\p{L}$_]/u;
const NAME_PART = /[\p{L}\p{N}$_.]/u;
const DIGIT = /[0-9]/;
const NUMBER = /^-?[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?/;
const SINGLE: Readonly<Record<string, JpqlTokenKind>> = {
  "(": "open",
  ")": "close",
  ",": "comma",
  "+": "plus",
  "*": "mult",
  "/": "div",
  "=": "operator",
};

function fail(fragment: string, message: string): never {
  throw new QueryError("invalid-condition", `Condition fragment "${fragment}": ${message}`);
}

function readString(input: string, start: number, lenient: boolean): number {
  let i = start + 1;
  for (;;) {
    const q = input.indexOf("'", i);
    if (q < 0) {
      if (lenient) return input.length;
      fail(
        input,
        `the string literal opened at position ${start} is never closed. Double every quote inside a literal ` +
          `('O''Brien'), or build the condition with a helper such as eq("O'Brien").`,
      );
    }
    if (input[q + 1] === "'") i = q + 2;
    else return q + 1;
  }
}

/**
 * Splits a condition fragment (or, `lenient`, a whole query string) into tokens the way
 * icat.server's lexer does. Lenient, what ICAT's lexer would refuse becomes an "other" token of
 * one character and an unterminated string runs to the end.
 *
 * @throws {QueryError} `invalid-condition` (strict only) for an unterminated string, a malformed
 *   timestamp or a character ICAT's lexer rejects (tabs, newlines, `;`, `%` outside a string, …).
 * @example
 * ```ts
 * tokenizeJpql("LIKE 'a%' ESCAPE '\\'").map((t) => t.kind); // ["name", "string", "name", "string"]
 * ```
 */
export function tokenizeJpql(input: string, options: { lenient?: boolean } = {}): JpqlToken[] {
  const lenient = options.lenient === true;
  const tokens: JpqlToken[] = [];
  let i = 0;
  const push = (kind: JpqlTokenKind, end: number): void => {
    tokens.push({ kind, text: input.slice(i, end), position: i });
    i = end;
  };
  while (i < input.length) {
    const ch = input.charAt(i);
    const next = input.charAt(i + 1);
    if (ch === " ") {
      i++;
    } else if (ch === "'") {
      push("string", readString(input, i, lenient));
    } else if (DIGIT.test(ch) || (ch === "-" && DIGIT.test(next))) {
      const text = NUMBER.exec(input.slice(i))?.[0] ?? ch;
      push(/[.eE]/.test(text) ? "real" : "integer", i + text.length);
    } else if (NAME_START.test(ch)) {
      let end = i + 1;
      while (end < input.length && NAME_PART.test(input.charAt(end))) end++;
      push("name", end);
    } else if (ch === ":") {
      let end = i + 1;
      while (end < input.length && /[\p{L}\p{N}_]/u.test(input.charAt(end))) end++;
      if (end > i + 1) push("parameter", end);
      else if (lenient) push("other", i + 1);
      else fail(input, `a parameter needs a name after ':' (position ${i}), as in ':user'.`);
    } else if (ch === "{") {
      const close = input.indexOf("}", i);
      const text = close < 0 ? input.slice(i) : input.slice(i, close + 1);
      if (TIMESTAMP.test(text)) push("timestamp", close + 1);
      else if (lenient) push("other", i + 1);
      else fail(input, `timestamp ${text} is not of the form {ts yyyy-mm-dd hh:mm:ss}; build it with ts(date).`);
    } else if (ch === "<") {
      push("operator", next === ">" || next === "=" ? i + 2 : i + 1);
    } else if (ch === ">") {
      push("operator", next === "=" ? i + 2 : i + 1);
    } else if (ch === "!" && next === "=") {
      push("operator", i + 2);
    } else if (ch === "-") {
      push("minus", i + 1);
    } else if (SINGLE[ch] !== undefined) {
      push(SINGLE[ch], i + 1);
    } else if (lenient) {
      push("other", i + 1);
    } else {
      const shown = ch === "\t" ? "a tab" : ch === "\n" || ch === "\r" ? "a line break" : `'${ch}'`;
      fail(
        input,
        `unexpected character ${shown} at position ${i}; ICAT's lexer only accepts literals, names, ` +
          `parameters, operators, parentheses and commas, separated by spaces.`,
      );
    }
  }
  return tokens;
}
