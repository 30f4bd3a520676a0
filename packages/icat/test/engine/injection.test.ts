import { describe, expect, it } from "vitest";
import { errorOf, tutorialEngine } from "./helpers.js";

// A value quoted the way python-icat does it (doubling single quotes) must stay a value.
const quote = (s: string): string => `'${s.replaceAll("'", "''")}'`;

describe("string literals cannot escape their quotes", () => {
  const { engine } = tutorialEngine();
  engine.write("db/root", [{ Facility: { name: "O'Brien" } }, { Facility: { name: "x' OR '1'='1" } }]);

  it.each([
    "x' OR '1'='1",
    "' OR 1=1 OR f.name = '",
    "ESNF' OR f.name LIKE '%",
    "a'); DELETE FROM Facility; --",
    "') UNION SELECT u FROM User u WHERE ('1'='1",
    "\\' OR 1=1",
  ])("the value %j matches only itself", (value) => {
    const found = engine.search("db/root", `SELECT f.name FROM Facility f WHERE f.name = ${quote(value)}`);
    expect(found).toEqual(value === "x' OR '1'='1" ? [value] : []);
  });

  it("finds names containing quotes", () => {
    expect(engine.search("db/root", `SELECT f.name FROM Facility f WHERE f.name = ${quote("O'Brien")}`)).toEqual(["O'Brien"]);
    expect(engine.search("db/root", "Facility.name [name = 'O''Brien']")).toEqual(["O'Brien"]);
  });

  it("keeps a quoted value a value in the concise syntax too", () => {
    expect(engine.search("db/root", `Facility.name [name = ${quote("x' OR name LIKE '%")}]`)).toEqual([]);
    expect(engine.search("db/root", `COUNT(Facility) [name IN (${quote("') OR (1=1")}, 'ESNF')]`)).toEqual([1]);
  });

  it("rejects an unbalanced quote instead of guessing", () => {
    expect(errorOf(() => engine.search("db/root", "SELECT f FROM Facility f WHERE f.name = 'O'Brien'")).code).toBe("BAD_PARAMETER");
    expect(errorOf(() => engine.search("db/root", "SELECT f FROM Facility f WHERE f.name = 'abc")).message).toContain("is not closed");
  });

  it("rejects statement separators and comments outside literals", () => {
    expect(errorOf(() => engine.search("db/root", "SELECT f FROM Facility f; DELETE FROM Facility f")).message).toContain('Unexpected character ";"');
    expect(errorOf(() => engine.search("db/root", "SELECT f FROM Facility f -- comment")).code).toBe("BAD_PARAMETER");
  });

  it("never writes through a search", () => {
    expect(engine.search("db/root", "SELECT COUNT(f) FROM Facility f")).toEqual([3]);
  });
});
