// The client's reading of ICAT's lexer (icat-lexer.ts). Strict, it checks the condition fragments
// that go into a WHERE clause, refusing before anything is sent what ICAT's lexer would refuse
// (and a ':' without a name, which ICAT would only refuse when binding it). Lenient, it reads whole
// query strings for paging (query-text.ts), which may be in the concise syntax
// ("Dataset [complete = True]") and are ICAT's to judge.
import { lexIcatQuery } from "./icat-lexer.js";
import type { IcatLexFault, IcatToken } from "./icat-token.js";
import { QueryError } from "./query-error.js";

function fail(fragment: string, message: string): never {
  throw new QueryError("invalid-condition", `Condition fragment "${fragment}": ${message}`);
}

function explain(input: string, { reason, position, text }: IcatLexFault): string {
  switch (reason) {
    case "unclosed-string":
      return (
        `the string literal opened at position ${position} is never closed. Double every quote inside a literal ` +
        `('O''Brien'), or build the condition with a helper such as eq("O'Brien").`
      );
    case "unclosed-timestamp":
    case "bad-timestamp":
      return `timestamp ${text} is not of the form {ts yyyy-mm-dd hh:mm:ss}; build it with ts(date).`;
    case "bad-number":
      return `${text} at position ${position} is not a number; ICAT reads digits, '.', 'e', '+' and '-' after a digit as one number (1.5, 2e3, -3).`;
    default: {
      const ch = input.charAt(position);
      const shown = ch === "\t" ? "a tab" : ch === "\n" || ch === "\r" ? "a line break" : `'${ch}'`;
      return (
        `unexpected character ${shown} at position ${position}; ICAT's lexer only accepts literals, names, ` +
        `parameters, operators, parentheses and commas, separated by spaces.`
      );
    }
  }
}

const bareParameter = (t: IcatToken): boolean => t.kind === "parameter" && t.text === ":";

/**
 * Splits a condition fragment (or, `lenient`, a whole query string) into tokens the way
 * icat.server's lexer does. Lenient, what ICAT's lexer would refuse becomes an "other" token and
 * an unterminated string runs to the end.
 *
 * @throws {QueryError} `invalid-condition` (strict only) for an unterminated string, a malformed
 *   timestamp or number, a `:` without a name, or a character ICAT's lexer rejects (tabs,
 *   newlines, `;`, `%` outside a string, …).
 * @example
 * ```ts
 * tokenizeJpql("LIKE 'a%' ESCAPE '\\'").map((t) => t.kind); // ["name", "string", "name", "string"]
 * ```
 */
export function tokenizeJpql(input: string, options: { lenient?: boolean } = {}): IcatToken[] {
  const { tokens, faults } = lexIcatQuery(input);
  if (options.lenient === true) return tokens.map((t) => (bareParameter(t) ? { ...t, kind: "other" } : t));
  const [fault] = faults;
  const bare = tokens.find(bareParameter);
  if (bare !== undefined && (fault === undefined || bare.position < fault.position)) {
    fail(input, `a parameter needs a name after ':' (position ${bare.position}), as in ':user'.`);
  }
  if (fault !== undefined) fail(input, explain(input, fault));
  return tokens;
}
