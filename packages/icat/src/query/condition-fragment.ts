// python-icat takes each condition as a raw JPQL fragment and pastes it after the attribute
// (icat/query.py addConditions, where_clause), and icat.server copies the WHERE tokens through to
// JPQL (core/parser/WhereClause.java). So "= 'x' OR 1=1" would widen a query and "= 'x'" with a
// stray quote would break it. We keep the fragments for parity but accept only one comparison:
//
//   fragment := op operand | [NOT] LIKE operand [ESCAPE operand] | [NOT] IN ( operand {, operand} )
//             | [NOT] BETWEEN operand AND operand | IS [NOT] NULL | IS [NOT] EMPTY
//   operand  := literal | :param | {ts …} | CURRENT_DATE | CURRENT_TIME | CURRENT_TIMESTAMP
//             | TRUE | FALSE | org.icatproject.Enum.VALUE | FUNC ( operand {, operand} )
//
// Keywords are case-insensitive as in icat.server's lexer (python-icat's own tests write "in",
// "like"). Values are literals only: no paths, no subqueries, no arithmetic.
import type { IcatToken } from "./icat-token.js";
import { tokenizeJpql } from "./jpql-tokenizer.js";
import { QueryError } from "./query-error.js";

// JPQL functions that may wrap a literal on the right-hand side (icat.server Token.java keywords).
const VALUE_FUNCTIONS = new Set(["UPPER", "LOWER", "TRIM", "LENGTH", "CONCAT", "SUBSTRING", "LOCATE", "ABS", "SQRT", "MOD"]);
const VALUE_KEYWORDS = new Set(["TRUE", "FALSE", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP"]);
// icat.server core/parser/WhereClause.java: an enum literal is org.icatproject.<Enum>.<VALUE>.
const ENUM_LITERAL = /^org\.icatproject\.[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*$/;
const HINT =
  "A condition is one comparison such as \"= 'x'\", \"> 5\", \"LIKE 'a%'\", \"IN ('a', 'b')\", " +
  '"BETWEEN 1 AND 2" or "IS NULL"; pass several conditions as a list, and build values with the ' +
  "helpers (eq, like, inList, between, …).";

class FragmentParser {
  private index = 0;
  private readonly fragment: string;
  private readonly tokens: readonly IcatToken[];

  constructor(fragment: string, tokens: readonly IcatToken[]) {
    this.fragment = fragment;
    this.tokens = tokens;
  }

  parse(): void {
    const first = this.peek();
    if (first === undefined) this.fail("it is empty.");
    if (first.kind === "operator") {
      this.index++;
      this.operand();
    } else {
      if (this.keyword("IS")) {
        this.keyword("NOT");
        if (!this.keyword("NULL") && !this.keyword("EMPTY")) this.fail(this.unexpected("NULL or NOT NULL after IS"));
      } else {
        this.keyword("NOT");
        if (this.keyword("LIKE")) {
          this.operand();
          if (this.keyword("ESCAPE")) this.operand();
        } else if (this.keyword("IN")) {
          this.expect("open", "'(' after IN");
          this.list();
        } else if (this.keyword("BETWEEN")) {
          this.operand();
          if (!this.keyword("AND")) this.fail(this.unexpected("AND in BETWEEN … AND …"));
          this.operand();
        } else {
          this.fail(this.unexpected("a comparison operator (=, <>, !=, <, <=, >, >=), LIKE, IN, BETWEEN or IS"));
        }
      }
    }
    if (this.peek() !== undefined) this.fail(this.unexpected("the end of the condition"));
  }

  private operand(): void {
    const t = this.peek();
    if (t === undefined) this.fail("it ends where a value was expected.");
    this.index++;
    switch (t.kind) {
      case "string":
      case "integer":
      case "real":
      case "parameter":
      case "timestamp":
        return;
      case "plus":
      case "minus": {
        const n = this.peek();
        if (n?.kind === "integer" || n?.kind === "real") {
          this.index++;
          return;
        }
        break;
      }
      case "name": {
        const upper = t.text.toUpperCase();
        if (VALUE_KEYWORDS.has(upper) || ENUM_LITERAL.test(t.text)) return;
        if (VALUE_FUNCTIONS.has(upper) && this.peek()?.kind === "open") {
          this.index++;
          this.list();
          return;
        }
        break;
      }
      default:
        break;
    }
    this.index--;
    this.fail(this.unexpected("a value (a literal, a parameter such as :user, or a function of literals)"));
  }

  private list(): void {
    this.operand();
    while (this.peek()?.kind === "comma") {
      this.index++;
      this.operand();
    }
    this.expect("close", "')' or ','");
  }

  private keyword(word: string): boolean {
    const t = this.peek();
    if (t?.kind === "name" && t.text.toUpperCase() === word) {
      this.index++;
      return true;
    }
    return false;
  }

  private expect(kind: IcatToken["kind"], what: string): void {
    if (this.peek()?.kind !== kind) this.fail(this.unexpected(what));
    this.index++;
  }

  private peek(): IcatToken | undefined {
    return this.tokens[this.index];
  }

  private unexpected(expected: string): string {
    const t = this.peek();
    return t === undefined
      ? `it ends where ${expected} was expected.`
      : `found "${t.text}" at position ${t.position} where ${expected} was expected.`;
  }

  private fail(message: string): never {
    throw new QueryError("invalid-condition", `Condition fragment "${this.fragment}" is not a single comparison: ${message} ${HINT}`);
  }
}

/**
 * Checks that a condition fragment is exactly one comparison, so that it cannot change the
 * structure of the query it is pasted into. Returns the fragment unchanged.
 *
 * @throws {QueryError} `invalid-condition`, saying which token was unexpected.
 * @example
 * ```ts
 * checkConditionFragment("LIKE 'a%' ESCAPE '\\'"); // ok
 * checkConditionFragment("= 'x' OR 1=1");         // throws QueryError (invalid-condition)
 * ```
 */
export function checkConditionFragment(fragment: string): string {
  new FragmentParser(fragment, tokenizeJpql(fragment)).parse();
  return fragment;
}
