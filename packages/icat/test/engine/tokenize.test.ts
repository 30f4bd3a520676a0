import { describe, expect, it } from "vitest";
import { IcatEngineError } from "../../src/testing/engine/index.js";
import { oldTokenize, tokenize } from "../../src/testing/engine/query/tokenize.js";
import { errorOf } from "./helpers.js";

const types = (q: string): string[] => tokenize(q).map((t) => `${t.type}:${t.value}`);

describe("tokenize", () => {
  it("splits names with dots, keywords case-insensitively and LIKE as an operator", () => {
    expect(types("select ds.name FROM Dataset ds where ds.name like 'e%'")).toEqual([
      "KEYWORD:SELECT", "NAME:ds.name", "KEYWORD:FROM", "NAME:Dataset", "NAME:ds", "KEYWORD:WHERE",
      "NAME:ds.name", "COMPOP:LIKE", "STRING:e%",
    ]);
  });

  it("reads every comparison operator", () => {
    expect(types("a=b a<>b a!=b a<b a<=b a>b a>=b").filter((t) => t.startsWith("COMPOP"))).toEqual([
      "COMPOP:=", "COMPOP:<>", "COMPOP:!=", "COMPOP:<", "COMPOP:<=", "COMPOP:>", "COMPOP:>=",
    ]);
  });

  it("unescapes '' in strings and keeps everything else literally", () => {
    expect(tokenize("'it''s' '' 'a,b) OR 1=1 --'").map((t) => t.value)).toEqual(["it's", "", "a,b) OR 1=1 --"]);
  });

  it("reads integers, reals, negative numbers, parameters and $ names", () => {
    expect(types("5 -3 1.5 2e3 :user Dataset$.id")).toEqual([
      "INTEGER:5", "INTEGER:-3", "REAL:1.5", "REAL:2e3", "PARAMETER::user", "NAME:Dataset$.id",
    ]);
  });

  it("normalises timestamp literals and rejects other forms", () => {
    expect(types("{ts 2011-01-15 00:00:00}")).toEqual(["TS:{ts 2011-01-15 00:00:00}"]);
    expect(types("{ ts  2011-01-15  00:00:00 }")).toEqual(["TS:{ts 2011-01-15 00:00:00}"]);
    expect(errorOf(() => tokenize("{ts 2011-01-15}")).message).toBe(
      "Timestamp {ts 2011-01-15} is not of form {ts yyyy-mm-dd hh:mm:ss}.",
    );
    expect(errorOf(() => tokenize("x > {ts 2011-01-15 00:00:00")).message).toMatch(/not closed/);
  });

  it("records positions", () => {
    expect(tokenize("SELECT  x").map((t) => t.pos)).toEqual([0, 8]);
  });

  it.each([
    ["SELECT x FROM X x WHERE x.a = \"b\"", '"\\""', 30],
    ["SELECT x FROM X x; DROP TABLE X", '";"', 17],
    ["SELECT x\tFROM X x", '"\\t"', 8],
    ["SELECT x FROM X x WHERE x.a ! 1", '" "', 29],
  ])("rejects %j with the character and position", (query, shown, pos) => {
    const e = errorOf(() => tokenize(query));
    expect(e.code).toBe("BAD_PARAMETER");
    expect(e.message).toContain(`Unexpected character ${shown} at position ${pos}`);
  });

  it("explains that only spaces separate tokens", () => {
    expect(errorOf(() => tokenize("SELECT x\nFROM X x")).message).toContain("ICAT only accepts spaces");
  });

  it("rejects unterminated strings", () => {
    const e = errorOf(() => tokenize("SELECT x FROM X x WHERE x.a = 'abc"));
    expect(e.message).toBe("String literal starting at position 30 is not closed in query: SELECT x FROM X x WHERE x.a = 'abc");
  });

  it("throws IcatEngineError", () => {
    expect(() => tokenize("#")).toThrow(IcatEngineError);
  });
});

describe("oldTokenize (the concise syntax)", () => {
  const oldTypes = (q: string): string[] => oldTokenize(q).map((t) => `${t.type}:${t.value}`);

  it("reads [ ], <->, its own keywords and LIKE", () => {
    expect(oldTypes("3,5 DISTINCT Dataset.id [name like 'it''s'] <-> Investigation ORDER BY id")).toEqual([
      "INTEGER:3", "COMMA:,", "INTEGER:5", "KEYWORD:DISTINCT", "NAME:Dataset.id", "BRA:[", "NAME:name", "COMPOP:LIKE",
      "STRING:it's", "KET:]", "ENTSEP:<->", "NAME:Investigation", "KEYWORD:ORDER", "KEYWORD:BY", "NAME:id",
    ]);
    // SELECT and WHERE are no keywords of the concise lexer.
    expect(oldTypes("select where")).toEqual(["NAME:select", "NAME:where"]);
  });

  it.each([
    ["Dataset [id > -]", '"-"', 14],
    ["Dataset <- Investigation", '"-"', 9],
    ["Dataset [id ! 1]", '" "', 13],
    ["$x", '"$"', 0],
    ["Dataset [id + 1]", '"+"', 12],
  ])("rejects %j with the character and position", (query, shown, pos) => {
    const e = errorOf(() => oldTokenize(query));
    expect(e.code).toBe("BAD_PARAMETER");
    expect(e.message).toContain(`Unexpected character ${shown} at position ${pos}`);
  });

  it("rejects unterminated strings and timestamps", () => {
    expect(errorOf(() => oldTokenize("Dataset [name = 'a]")).message).toBe("String literal starting at position 16 is not closed in query: Dataset [name = 'a]");
    expect(errorOf(() => oldTokenize("Dataset [createTime > {ts 2011-01-15 00:00:00]")).message).toBe(
      "Timestamp literal starting at position 22 is not closed with '}'",
    );
  });
});
