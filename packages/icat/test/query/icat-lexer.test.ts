import { describe, expect, it } from "vitest";
import { lexIcatQuery } from "../../src/query/icat-lexer.js";
import { tokenizeJpql } from "../../src/query/jpql-tokenizer.js";
import { QueryError } from "../../src/query/query-error.js";

const kinds = (q: string, dialect: "jpql" | "concise" = "jpql"): string[] => lexIcatQuery(q, dialect).tokens.map((t) => `${t.kind}:${t.text}`);

describe("the one ICAT lexer", () => {
  it("reads the concise syntax's brackets and entity separator, which the JPQL lexer refuses", () => {
    expect(kinds("Dataset.id [name = 'a'] <-> Investigation", "concise")).toEqual([
      "name:Dataset.id", "bra:[", "name:name", "operator:=", "string:'a'", "ket:]", "entsep:<->", "name:Investigation",
    ]);
    expect(lexIcatQuery("Dataset [x]").faults.map((f) => [f.reason, f.position])).toEqual([["unexpected-character", 8], ["unexpected-character", 10]]);
  });

  it("starts names with letters only and reads every '-' as a number in the concise syntax (OldTokenizer.java)", () => {
    expect(kinds("$x -", "jpql")).toEqual(["name:$x", "minus:-"]);
    expect(lexIcatQuery("$x -", "concise").faults).toEqual([
      { reason: "unexpected-character", position: 0, text: "$" },
      { reason: "bad-number", position: 3, text: "-" },
    ]);
    expect(lexIcatQuery("a + b", "concise").faults.map((f) => f.reason)).toEqual(["unexpected-character"]);
  });

  it("takes letters and digits as Java does: \\p{L} and \\p{Nd}, not other number characters", () => {
    expect(kinds("é٣ :p٣")).toEqual(["name:é٣", "parameter::p٣"]);
    expect(lexIcatQuery("x²").faults).toEqual([{ reason: "unexpected-character", position: 1, text: "²" }]);
  });

  it("reads a run of digits, '.', 'e', '+', '-' as one number and reports it when it is none", () => {
    expect(kinds("5-3 1.5e+3")).toEqual(["integer:5", "integer:-3", "real:1.5e+3"]);
    const { tokens, faults } = lexIcatQuery("x > 2.5-1");
    expect(faults).toEqual([{ reason: "bad-number", position: 4, text: "2.5-1" }]);
    // Lexing goes on after the valid start, so that a lenient reader still sees words.
    expect(tokens.map((t) => t.text)).toEqual(["x", ">", "2.5", "-1"]);
  });

  it("reports each fault where the offending token starts, and recovers", () => {
    expect(lexIcatQuery("a ! b").faults).toEqual([{ reason: "unfinished-operator", position: 2, text: "!" }]);
    expect(lexIcatQuery("a <- b", "concise").faults[0]).toEqual({ reason: "unfinished-operator", position: 2, text: "<-" });
    expect(lexIcatQuery("x = {ts 2011}").faults[0]).toEqual({ reason: "bad-timestamp", position: 4, text: "{ts 2011}" });
    expect(lexIcatQuery("x = {ts 2011").faults).toEqual([{ reason: "unclosed-timestamp", position: 4, text: "{ts 2011" }]);
    const open = lexIcatQuery("x = 'it''s");
    expect(open.faults).toEqual([{ reason: "unclosed-string", position: 4, text: "'it''s" }]);
    expect(open.tokens.at(-1)).toEqual({ kind: "string", text: "'it''s", position: 4 });
  });

  it("reads a ':' without a name as ICAT does (a parameter), which the client refuses", () => {
    expect(kinds(": x")).toEqual(["parameter::", "name:x"]);
    expect(() => tokenizeJpql(": x")).toThrow(/a parameter needs a name after ':' \(position 0\)/);
    expect(tokenizeJpql(": x", { lenient: true }).map((t) => t.kind)).toEqual(["other", "name"]);
  });
});

describe("tokenizeJpql refuses what ICAT's lexer refuses, before anything is sent", () => {
  it.each([
    ["> 1e", /1e at position 2 is not a number/],
    ["= 2.5-1", /2.5-1 at position 2 is not a number/],
    ["= x²", /unexpected character '²' at position 3/],
    ["= 'a' ! 'b'", /unexpected character '!' at position 6/],
  ])("%j", (fragment, message) => {
    expect(() => tokenizeJpql(fragment)).toThrow(QueryError);
    expect(() => tokenizeJpql(fragment)).toThrow(message);
  });

  it("reports the first problem of a fragment", () => {
    expect(() => tokenizeJpql("= : 'open")).toThrow(/parameter needs a name/);
    expect(() => tokenizeJpql("= 'open :")).toThrow(/never closed/);
  });
});
