import { badParameter } from "../icat-engine-error.js";
import { KEYWORDS, type Token } from "./token.js";

// icat.server Tokenizer.java: only the space character separates tokens (a tab or newline is an
// "Unexpected character"), names may contain letters, digits, '_', '$' and '.', strings use ''
// for a quote, a '-' directly before a digit starts a number, and {ts …} must be exact.
const TIMESTAMP = /^\{\s*ts\s+(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2}:\d{2})\s*\}$/;
const NAME_START = /[\p{L}$_]/u;
const NAME_PART = /[\p{L}\p{Nd}$_.]/u;
const DIGIT = /[0-9]/;
const SINGLE: Readonly<Record<string, Token["type"]>> = {
  "(": "OPENPAREN",
  ")": "CLOSEPAREN",
  ",": "COMMA",
  "+": "PLUS_SIGN",
  "*": "STAR",
  "/": "SLASH",
};

function unexpected(input: string, i: number): never {
  const ch = input[i] ?? "";
  const near = input.slice(Math.max(0, i - 4), i + 5);
  const hint = ch === "\t" || ch === "\n" || ch === "\r" ? " (ICAT only accepts spaces between tokens)" : "";
  throw badParameter(
    `Unexpected character ${JSON.stringify(ch)} at position ${i} near "${near}"${hint} in query: ${input}`,
  );
}

/**
 * Splits an ICAT query into tokens. Errors are BAD_PARAMETER with the offending position.
 *
 * @example
 * ```ts
 * tokenize("SELECT ds FROM Dataset ds").map((t) => t.value); // ["SELECT", "ds", "FROM", "Dataset", "ds"]
 * ```
 */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    const ch = input[i] as string;
    const start = i;
    if (ch === " ") {
      i++;
    } else if (NAME_START.test(ch)) {
      while (i < n && NAME_PART.test(input[i] as string)) i++;
      const word = input.slice(start, i);
      const upper = word.toUpperCase();
      if (upper === "LIKE") tokens.push({ type: "COMPOP", value: "LIKE", pos: start });
      else if (KEYWORDS.has(upper)) tokens.push({ type: "KEYWORD", value: upper, pos: start });
      else tokens.push({ type: "NAME", value: word, pos: start });
    } else if (DIGIT.test(ch) || (ch === "-" && DIGIT.test(input[i + 1] ?? ""))) {
      i = readNumber(input, i, tokens);
    } else if (ch === "'") {
      i = readString(input, i, tokens);
    } else if (ch === ":") {
      i++;
      while (i < n && /[\p{L}\p{Nd}_]/u.test(input[i] as string)) i++;
      tokens.push({ type: "PARAMETER", value: input.slice(start, i), pos: start });
    } else if (ch === "{") {
      const end = input.indexOf("}", i);
      if (end < 0) throw badParameter(`Timestamp literal starting at position ${i} is not closed with '}'`);
      const text = input.slice(i, end + 1);
      const m = TIMESTAMP.exec(text);
      if (m === null) throw badParameter(`Timestamp ${text} is not of form {ts yyyy-mm-dd hh:mm:ss}.`);
      tokens.push({ type: "TS", value: `{ts ${m[1]} ${m[2]}}`, pos: start });
      i = end + 1;
    } else if (ch === "<" || ch === ">" || ch === "!" || ch === "=") {
      const two = input.slice(i, i + 2);
      const op = ["<>", "<=", ">=", "!="].includes(two) ? two : ch;
      if (op === "!") unexpected(input, i + 1);
      tokens.push({ type: "COMPOP", value: op, pos: start });
      i += op.length;
    } else if (ch === "-") {
      tokens.push({ type: "MINUS_SIGN", value: "-", pos: start });
      i++;
    } else {
      const type = SINGLE[ch];
      if (type === undefined) unexpected(input, i);
      tokens.push({ type, value: ch, pos: start });
      i++;
    }
  }
  return tokens;
}

function readNumber(input: string, start: number, tokens: Token[]): number {
  let i = start + 1;
  while (i < input.length && DIGIT.test(input[i] as string)) i++;
  if (!/[eE.]/.test(input[i] ?? "")) {
    tokens.push({ type: "INTEGER", value: input.slice(start, i), pos: start });
    return i;
  }
  while (i < input.length && /[0-9eE.+-]/.test(input[i] as string)) i++;
  const text = input.slice(start, i);
  if (!/^-?\d+(\.\d*)?([eE][+-]?\d+)?$/.test(text)) {
    throw badParameter(`Badly formed number ${text} at position ${start} in query: ${input}`);
  }
  tokens.push({ type: "REAL", value: text, pos: start });
  return i;
}

function readString(input: string, start: number, tokens: Token[]): number {
  let i = start + 1;
  let value = "";
  for (;;) {
    const end = input.indexOf("'", i);
    if (end < 0) throw badParameter(`String literal starting at position ${start} is not closed in query: ${input}`);
    value += input.slice(i, end);
    if (input[end + 1] === "'") {
      value += "'";
      i = end + 2;
    } else {
      tokens.push({ type: "STRING", value, pos: start });
      return end + 1;
    }
  }
}
