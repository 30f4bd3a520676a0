import { describe, expect, it } from "vitest";
import { Query, QueryError, checkConditionFragment } from "../../src/query/index.js";
import { tokenizeJpql } from "../../src/query/jpql-tokenizer.js";

function rejection(fragment: string): QueryError {
  try {
    checkConditionFragment(fragment);
  } catch (err) {
    if (err instanceof QueryError) return err;
    throw err;
  }
  throw new Error(`"${fragment}" was accepted`);
}

describe("checkConditionFragment accepts one comparison", () => {
  it.each([
    // fragments python-icat's tests, tutorial and example setup use
    "= '10100601-ST'",
    "> 5.0",
    "= 18",
    ">= '2012-01-01'",
    "< '2013-01-01'",
    "LIKE 'db/%'",
    "like UPPER('%Ni-Mn-Ga flat cone%')",
    "in (42)",
    "in ('reader', 'writer')",
    "IS NULL",
    "IS NOT NULL",
    "= :user",
    "< CURRENT_TIMESTAMP",
    "= False",
    "= '%(name)s'",
    "= 'Rudolph Beck-Dülmen'",
    // the rest of the grammar
    "= 'O''Brien'",
    "= ''",
    "<> -5",
    "!= 1e3",
    "<= 2.5E-3",
    "= TRUE",
    "= org.icatproject.ParameterValueType.NUMERIC",
    "BETWEEN 1 AND 2",
    "NOT BETWEEN {ts 2011-01-01 00:00:00} AND {ts 2012-01-01 00:00:00}",
    "NOT LIKE 'a\\%' ESCAPE '\\'",
    "NOT IN (1, 2)",
    "IN (CONCAT('a', 'b'), LOWER('C'))",
    "IS NOT EMPTY",
    "= CURRENT_DATE",
    "= LENGTH('abc')",
  ])("%s", (fragment) => {
    expect(checkConditionFragment(fragment)).toBe(fragment);
  });
});

describe("checkConditionFragment rejects anything else", () => {
  it.each([
    // injection attempts: a second predicate, a subquery, a comment, more clauses
    ["= 'x' OR 1=1", 'found "OR" at position 6 where the end of the condition was expected'],
    ["= 'x' OR o.name LIKE '%'", 'found "OR"'],
    ["= 'x') OR (1=1", 'found ")" at position 5'],
    ["= 'x' AND o.id > 0", 'found "AND"'],
    ["IS NULL OR o.id > 0", 'found "OR"'],
    ["= 1 ORDER BY o.name", 'found "ORDER"'],
    ["= 1 INCLUDE 1", 'found "INCLUDE"'],
    ["= 1 LIMIT 0, 1", 'found "LIMIT"'],
    ["IN (SELECT d.id FROM Dataset d)", 'found "SELECT" at position 4 where a value'],
    ["= (SELECT MAX(d.id) FROM Dataset d)", 'found "(" at position 2 where a value'],
    ["= o.id", 'found "o.id"'],
    ["= 1; DELETE FROM Dataset", "unexpected character ';'"],
    ["= 1 -- comment", 'found "-"'],
    ["= 1 /* x */", 'found "/"'],
    ["= 1 + 1", 'found "+"'],
    // malformed comparisons
    ["", "it is empty"],
    ["'x'", "where a comparison operator"],
    ["=", "it ends where a value"],
    ["= 'x' 'y'", "found \"'y'\""],
    ["LIKE 'a' ESCAPE", "it ends where a value"],
    ["BETWEEN 1 OR 2", 'found "OR" at position 10 where AND'],
    ["IS 'x'", "where NULL or NOT NULL"],
    ["IN 1, 2", "where '(' after IN"],
    ["IN ()", 'found ")" at position 4 where a value'],
    ["IN (1, 2", "it ends where ')' or ','"],
    ["= UPPER", 'found "UPPER"'],
    ["= FOO('x')", 'found "FOO"'],
    ["= org.example.Enum.VALUE", 'found "org.example.Enum.VALUE"'],
    ["= 5\tOR 1=1", "unexpected character a tab"],
    ["= %d", "unexpected character '%'"],
    ["= :", "a parameter needs a name"],
    ["= {ts 2011-01-01}", "is not of the form {ts yyyy-mm-dd hh:mm:ss}"],
  ])("%j", (fragment, reason) => {
    const err = rejection(fragment);
    expect(err.reason).toBe("invalid-condition");
    expect(err.code).toBe("ICAT_QUERY");
    expect(err.message).toContain(reason);
  });

  it.each(["= 'x", "= 'O'Brien'", "LIKE 'a%' ESCAPE '\\", "IN ('a', 'b)"])("an unbalanced quote: %j", (fragment) => {
    const err = rejection(fragment);
    expect(err.message).toContain("is never closed");
    expect(err.message).toContain(`eq("O'Brien")`);
  });

  it("is applied to every condition a query gets, before anything changes", () => {
    expect(() => new Query("Dataset", { conditions: { name: "= 'x' OR 1=1" } })).toThrow(QueryError);
    const q = new Query("Dataset", { conditions: { name: "= 'a'" } });
    expect(() => q.addConditions({ doi: "= 'b'", location: ["= 'c'", "= 'd' OR 1=1"] })).toThrow(/not a single comparison/);
    expect(String(q)).toBe("SELECT o FROM Dataset o WHERE o.name = 'a'");
  });
});

describe("tokenizeJpql reads fragments as icat.server's lexer does", () => {
  it("splits into kinds", () => {
    expect(tokenizeJpql("NOT LIKE 'a''b' ESCAPE '\\'").map((t) => [t.kind, t.text])).toEqual([
      ["name", "NOT"],
      ["name", "LIKE"],
      ["string", "'a''b'"],
      ["name", "ESCAPE"],
      ["string", "'\\'"],
    ]);
    expect(tokenizeJpql("<>-5 >=1.5e+3 :user {ts 2011-01-15 00:00:00}").map((t) => t.kind)).toEqual([
      "operator",
      "integer",
      "operator",
      "real",
      "parameter",
      "timestamp",
    ]);
    expect(tokenizeJpql("(a, b) - * /").map((t) => t.kind)).toEqual(["open", "name", "comma", "name", "close", "minus", "mult", "div"]);
  });
});
