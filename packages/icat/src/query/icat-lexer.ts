// catkit's one ICAT lexer, read from icat.server's two: core/parser/Tokenizer.java (the JPQL-style
// syntax) and core/oldparser/OldTokenizer.java (the concise syntax, "Dataset [name = 'x']").
// Only a space separates tokens; strings are '…' with '' as the one escape; a name may contain
// dots (enum literals); `:name` is a parameter; `{ts yyyy-mm-dd hh:mm:ss}` is a timestamp; letters
// and digits are Java's (Character.isLetter / isLetterOrDigit: \p{L}, \p{Nd}).
// It never throws: what ICAT's lexer refuses becomes a fault, and lexing goes on, so that each
// reader words its own errors: the client (jpql-tokenizer.ts) as advice before anything is sent,
// the ICAT sandbox (testing/engine/query/tokenize.ts) as ICAT's BAD_PARAMETER answers.
import { ICAT_TIMESTAMP, type IcatLexDialect, type IcatLexFault, type IcatLexResult, type IcatToken, type IcatTokenKind } from "./icat-token.js";

interface DialectRules {
  readonly nameStart: RegExp;
  readonly namePart: RegExp;
  /** Whether a '-' not followed by a digit still starts a number (the concise lexer). */
  readonly minusStartsNumber: boolean;
  readonly single: Readonly<Record<string, IcatTokenKind>>;
}

const RULES: Readonly<Record<IcatLexDialect, DialectRules>> = {
  jpql: {
    nameStart: /[\p{L}$_]/u,
    namePart: /[\p{L}\p{Nd}$_.]/u,
    minusStartsNumber: false,
    single: { "(": "open", ")": "close", ",": "comma", "+": "plus", "*": "mult", "/": "div", "=": "operator" },
  },
  concise: {
    nameStart: /\p{L}/u,
    namePart: /[\p{L}\p{Nd}_.]/u,
    minusStartsNumber: true,
    single: { "(": "open", ")": "close", ",": "comma", "[": "bra", "]": "ket", "=": "operator" },
  },
};
const PARAMETER_PART = /[\p{L}\p{Nd}_]/u;
const DIGIT = /[0-9]/;
// What Double.parseDouble takes of the characters the lexer reads as one number.
const NUMBER = /^-?[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?/;

// Tokenizer.java INTEGER/REAL states: digits, then (after '.', 'e' or 'E') any run of digits,
// '.', 'e', 'E', '+', '-'; ICAT refuses the whole run when it is no number.
function numberEnd(input: string, start: number): number {
  let end = start + 1;
  while (DIGIT.test(input.charAt(end))) end++;
  if (!/[eE.]/.test(input.charAt(end))) return end;
  while (/[0-9eE.+-]/.test(input.charAt(end))) end++;
  return end;
}

function stringEnd(input: string, start: number): number | undefined {
  for (let i = start + 1; ; ) {
    const q = input.indexOf("'", i);
    if (q < 0) return undefined;
    if (input[q + 1] !== "'") return q + 1;
    i = q + 2;
  }
}

function operatorEnd(input: string, i: number): number | undefined {
  const two = input.slice(i, i + 2);
  if (two === "<>" || two === "<=" || two === ">=" || two === "!=") return i + 2;
  return input[i] === "!" ? undefined : i + 1;
}

/**
 * Splits a query (or a condition fragment) into tokens the way icat.server's lexer for
 * `dialect` does, collecting what it would refuse as faults instead of throwing. After a fault
 * lexing goes on: an unclosed string runs to the end, a malformed number keeps its valid start,
 * anything else becomes an `other` token of one character.
 *
 * @example
 * ```ts
 * lexIcatQuery("Dataset.id <-> Investigation [id > 5]", "concise").tokens.map((t) => t.kind);
 * // ["name", "entsep", "name", "bra", "name", "operator", "integer", "ket"]
 * ```
 */
export function lexIcatQuery(input: string, dialect: IcatLexDialect = "jpql"): IcatLexResult {
  const rules = RULES[dialect];
  const tokens: IcatToken[] = [];
  const faults: IcatLexFault[] = [];
  let i = 0;
  const push = (kind: IcatTokenKind, end: number): void => {
    tokens.push({ kind, text: input.slice(i, end), position: i });
    i = end;
  };
  const fault = (reason: IcatLexFault["reason"], end: number): void => {
    faults.push({ reason, position: i, text: input.slice(i, end) });
  };
  while (i < input.length) {
    const ch = input.charAt(i);
    if (ch === " ") {
      i++;
    } else if (rules.nameStart.test(ch)) {
      let end = i + 1;
      while (end < input.length && rules.namePart.test(input.charAt(end))) end++;
      push("name", end);
    } else if (DIGIT.test(ch) || (ch === "-" && (rules.minusStartsNumber || DIGIT.test(input.charAt(i + 1))))) {
      const end = numberEnd(input, i);
      const text = input.slice(i, end);
      const valid = NUMBER.exec(text)?.[0];
      if (valid === text) push(/[.eE]/.test(text) ? "real" : "integer", end);
      else {
        fault("bad-number", end);
        push(valid === undefined ? "other" : /[.eE]/.test(valid) ? "real" : "integer", i + (valid?.length ?? 1));
      }
    } else if (ch === "'") {
      const end = stringEnd(input, i);
      if (end === undefined) fault("unclosed-string", input.length);
      push("string", end ?? input.length);
    } else if (ch === ":") {
      let end = i + 1;
      while (end < input.length && PARAMETER_PART.test(input.charAt(end))) end++;
      push("parameter", end);
    } else if (ch === "{") {
      const close = input.indexOf("}", i);
      if (close >= 0 && ICAT_TIMESTAMP.test(input.slice(i, close + 1))) push("timestamp", close + 1);
      else {
        fault(close < 0 ? "unclosed-timestamp" : "bad-timestamp", close < 0 ? input.length : close + 1);
        push("other", i + 1);
      }
    } else if (dialect === "concise" && input.startsWith("<-", i)) {
      if (input[i + 2] === ">") push("entsep", i + 3);
      else {
        fault("unfinished-operator", i + 2);
        push("other", i + 1);
      }
    } else if (ch === "<" || ch === ">" || ch === "!") {
      const end = operatorEnd(input, i);
      if (end !== undefined) push("operator", end);
      else {
        fault("unfinished-operator", i + 1);
        push("other", i + 1);
      }
    } else if (ch === "-") {
      push("minus", i + 1);
    } else {
      const kind = rules.single[ch];
      if (kind === undefined) fault("unexpected-character", i + 1);
      push(kind ?? "other", i + 1);
    }
  }
  return { tokens, faults };
}
