import { badParameter, type IcatEngineError } from "../icat-engine-error.js";
import { showToken, type Token, type TokenType } from "./token.js";

/**
 * A cursor over the tokens of one query, with error messages in the style of icat.server's
 * ParserException ("Expected token from types [...] at token X in a b < X > c d") plus the
 * character position of the offending token.
 *
 * @example
 * ```ts
 * const s = new TokenStream(tokenize("SELECT x"), "SELECT x");
 * s.keyword("SELECT");
 * ```
 */
export class TokenStream {
  private index = 0;
  private readonly tokens: readonly Token[];
  readonly query: string;

  constructor(tokens: readonly Token[], query: string) {
    this.tokens = tokens;
    this.query = query;
  }

  /** The token `offset` places ahead, if any. */
  peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  /** Whether the next token is the keyword `word` (or one of `words`). */
  atKeyword(...words: string[]): boolean {
    const t = this.peek();
    return t?.type === "KEYWORD" && words.includes(t.value);
  }

  /** Whether the next token has type `type`. */
  at(type: TokenType): boolean {
    return this.peek()?.type === type;
  }

  /** Consumes the keyword `word` if it is next. */
  acceptKeyword(word: string): boolean {
    if (!this.atKeyword(word)) return false;
    this.index++;
    return true;
  }

  /** Consumes a token of `type` if it is next. */
  accept(type: TokenType): Token | undefined {
    const t = this.peek();
    if (t?.type !== type) return undefined;
    this.index++;
    return t;
  }

  /** Consumes the next token, whatever it is. */
  next(): Token {
    const t = this.peek();
    if (t === undefined) throw this.error(["more input"]);
    this.index++;
    return t;
  }

  /** Consumes the keyword `word` or fails. */
  keyword(word: string): Token {
    if (!this.atKeyword(word)) throw this.error([word]);
    return this.next();
  }

  /** Consumes a token of `type` or fails. */
  expect(type: TokenType, description: string = type): Token {
    if (!this.at(type)) throw this.error([description]);
    return this.next();
  }

  /** Whether all tokens have been consumed. */
  get done(): boolean {
    return this.index >= this.tokens.length;
  }

  /** A BAD_PARAMETER error at the current token. */
  error(expected: readonly string[]): IcatEngineError {
    const t = this.peek();
    const want = expected.length > 0 ? `Expected token from types [${expected.join(", ")}]` : "No more input expected";
    if (t === undefined) return badParameter(`${want} but the query ended: ${this.query}`);
    return badParameter(`${want} at token ${showToken(t)} (position ${t.pos}) in ${this.context()}`);
  }

  /** An error about the token at the current position with a custom message. */
  errorHere(message: string): IcatEngineError {
    const t = this.peek();
    return badParameter(t === undefined ? `${message} at end of query` : `${message} at position ${t.pos}`);
  }

  private context(): string {
    const around = (from: number, to: number): string =>
      this.tokens.slice(Math.max(0, from), Math.max(0, to)).map((t) => `${showToken(t)} `).join("");
    const here = this.peek();
    return `${around(this.index - 2, this.index)}< ${here ? showToken(here) : ""} > ${around(this.index + 1, this.index + 3)}`.trim();
  }
}
