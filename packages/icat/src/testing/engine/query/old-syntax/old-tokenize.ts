import { badParameter } from "../../icat-engine-error.js";
import type { Token } from "../token.js";

// icat.server core/oldparser/OldTokenizer.java: a smaller keyword set, [ ] and <->, names without
// '$', and a leading '-' always starts a number.
const OLD_KEYWORDS: ReadonlySet<string> = new Set([
  "AND", "OR", "NOT", "DISTINCT", "ORDER", "BY", "ASC", "DESC", "IN", "BETWEEN", "INCLUDE",
  "MIN", "MAX", "AVG", "COUNT", "SUM",
]);
const TIMESTAMP = /^\{\s*ts\s+(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2}:\d{2})\s*\}$/;

function fail(input: string, i: number): never {
  const near = input.slice(Math.max(0, i - 4), i + 5);
  throw badParameter(`Unexpected character ${JSON.stringify(input[i] ?? "")} at position ${i} near "${near}" in query: ${input}`);
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
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    const pos = i;
    if (ch === " ") {
      i++;
    } else if (/\p{L}/u.test(ch)) {
      while (i < input.length && /[\p{L}\p{Nd}_.]/u.test(input[i] as string)) i++;
      const word = input.slice(pos, i);
      const upper = word.toUpperCase();
      if (upper === "LIKE") tokens.push({ type: "COMPOP", value: "LIKE", pos });
      else tokens.push({ type: OLD_KEYWORDS.has(upper) ? "KEYWORD" : "NAME", value: OLD_KEYWORDS.has(upper) ? upper : word, pos });
    } else if (/[0-9-]/.test(ch)) {
      i++;
      while (i < input.length && /[0-9]/.test(input[i] as string)) i++;
      let type: "INTEGER" | "REAL" = "INTEGER";
      if (/[eE.]/.test(input[i] ?? "")) {
        type = "REAL";
        while (i < input.length && /[0-9eE.+-]/.test(input[i] as string)) i++;
      }
      const text = input.slice(pos, i);
      if (!/^-?\d+(\.\d*)?([eE][+-]?\d+)?$/.test(text)) fail(input, pos);
      tokens.push({ type, value: text, pos });
    } else if (ch === ":") {
      i++;
      while (i < input.length && /[\p{L}\p{Nd}_]/u.test(input[i] as string)) i++;
      tokens.push({ type: "PARAMETER", value: input.slice(pos, i), pos });
    } else if (ch === "'") {
      let value = "";
      for (i++; ; ) {
        const end = input.indexOf("'", i);
        if (end < 0) throw badParameter(`String literal starting at position ${pos} is not closed in query: ${input}`);
        value += input.slice(i, end);
        i = end + 1;
        if (input[i] !== "'") break;
        value += "'";
        i++;
      }
      tokens.push({ type: "STRING", value, pos });
    } else if (ch === "{") {
      const end = input.indexOf("}", i);
      const m = end < 0 ? null : TIMESTAMP.exec(input.slice(i, end + 1));
      if (m === null) throw badParameter(`Timestamp ${input.slice(i, end + 1)} is not of form {ts yyyy-mm-dd hh:mm:ss}.`);
      tokens.push({ type: "TS", value: `{ts ${m[1]} ${m[2]}}`, pos });
      i = end + 1;
    } else if (input.startsWith("<->", i)) {
      tokens.push({ type: "ENTSEP", value: "<->", pos });
      i += 3;
    } else if (/[<>=!]/.test(ch)) {
      const two = input.slice(i, i + 2);
      const op = ["<>", "<=", ">=", "!="].includes(two) ? two : ch;
      if (op === "!" || (ch === "<" && input[i + 1] === "-")) fail(input, i + 1);
      tokens.push({ type: "COMPOP", value: op, pos });
      i += op.length;
    } else {
      const type = ({ "[": "BRA", "]": "KET", "(": "OPENPAREN", ")": "CLOSEPAREN", ",": "COMMA" } as const)[ch];
      if (type === undefined) fail(input, i);
      tokens.push({ type, value: ch, pos });
      i++;
    }
  }
  return tokens;
}
