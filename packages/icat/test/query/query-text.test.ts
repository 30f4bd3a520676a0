// Reading query strings for paging: clauses at the top level only (not inside literals or
// subqueries), where ORDER BY goes in each syntax, and how pages are written.
import { describe, expect, it } from "vitest";
import { tokenizeJpql } from "../../src/query/jpql-tokenizer.ts";
import { pageText, readQueryText, withIdOrder } from "../../src/query/query-text.ts";

describe("query strings", () => {
  it.each([
    ["SELECT d FROM Dataset d", "SELECT d FROM Dataset d ORDER BY d.id"],
    ["SELECT d.name FROM Dataset AS d WHERE d.complete = TRUE", "SELECT d.name FROM Dataset AS d WHERE d.complete = TRUE ORDER BY d.id"],
    ["SELECT DISTINCT i FROM Dataset d JOIN d.investigation i", "SELECT DISTINCT i FROM Dataset d JOIN d.investigation i ORDER BY i.id"],
    ["SELECT d FROM Dataset d INCLUDE d.type LIMIT 0, 5", "SELECT d FROM Dataset d ORDER BY d.id INCLUDE d.type LIMIT 0, 5"],
    ["SELECT d FROM Dataset d WHERE d.name = 'x ORDER BY y' INCLUDE 1", "SELECT d FROM Dataset d WHERE d.name = 'x ORDER BY y' ORDER BY d.id INCLUDE 1"],
    ["SELECT d FROM Dataset d WHERE d.name = 'it''s INCLUDE'", "SELECT d FROM Dataset d WHERE d.name = 'it''s INCLUDE' ORDER BY d.id"],
    ["SELECT d FROM Dataset d ORDER BY d.name", "SELECT d FROM Dataset d ORDER BY d.name"],
    ["Dataset", "Dataset ORDER BY id"],
    ["Dataset.name [complete = True] <-> Investigation [name = 'x']", "Dataset.name ORDER BY id [complete = True] <-> Investigation [name = 'x']"],
    ["DISTINCT Dataset INCLUDE Datafile", "DISTINCT Dataset ORDER BY id INCLUDE Datafile"],
    ["COUNT(Datafile) <-> Dataset [id = 5]", "COUNT(Datafile) <-> Dataset [id = 5]"],
  ])("%s → %s", (query, ordered) => {
    expect(withIdOrder(query)).toBe(ordered);
  });

  it("finds LIMIT and INCLUDE at the top level only", () => {
    expect(readQueryText("SELECT d FROM Dataset d WHERE d.id IN (SELECT x.id FROM Dataset x ORDER BY x.id)")).toMatchObject({ hasOrder: false, hasLimit: false });
    expect(readQueryText("SELECT d FROM Dataset d WHERE d.name = 'LIMIT 1, 2'")).toMatchObject({ hasLimit: false, jpql: true });
    expect(readQueryText("select d from Dataset d limit 0, 1")).toMatchObject({ hasLimit: true, jpql: true });
    expect(readQueryText("5, 10 Dataset")).toMatchObject({ hasLimit: true, jpql: false });
    expect(readQueryText(", 10 Dataset")).toMatchObject({ hasLimit: true });
    expect(readQueryText("Dataset INCLUDE Datafile")).toMatchObject({ hasInclude: true, hasLimit: false });
  });

  it("reads them with the condition lexer, lenient: what ICAT would refuse is ICAT's to report", () => {
    expect(() => tokenizeJpql("Dataset [complete = True]")).toThrow(/unexpected character '\['/);
    expect(tokenizeJpql("Dataset [x = 'open", { lenient: true }).map((t) => t.kind)).toEqual(["name", "other", "name", "operator", "string"]);
    expect(tokenizeJpql(":\t{ts x}", { lenient: true }).map((t) => t.kind)).toEqual(["other", "other", "other", "name", "name", "other"]);
    expect(readQueryText("SELECT d\nFROM Dataset d\tINCLUDE d.type")).toMatchObject({ jpql: true, hasInclude: true, orderVariable: "d", orderInsertAt: 24 });
  });

  it("writes pages as python-icat's searchChunked does", () => {
    expect(pageText("SELECT d FROM Dataset d ", 100, 50, true)).toBe("SELECT d FROM Dataset d LIMIT 100, 50");
    expect(pageText(" Dataset [complete = True]", 100, 50, false)).toBe("100, 50 Dataset [complete = True]");
  });
});
