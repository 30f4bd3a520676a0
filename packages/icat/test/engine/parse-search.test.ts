import { describe, expect, it } from "vitest";
import { parseGet } from "../../src/testing/engine/query/parse-get.js";
import { parseSearch } from "../../src/testing/engine/query/parse-search.js";
import { errorOf } from "./helpers.js";

describe("parseSearch", () => {
  it("parses SELECT [DISTINCT] items, FROM with aliases and every join form", () => {
    const q = parseSearch(
      "SELECT DISTINCT ds, df.name FROM Dataset AS ds JOIN ds.datafiles df LEFT JOIN ds.sample s " +
        "LEFT OUTER JOIN s.type st INNER JOIN ds.type t, ds.parameters dp, IN(ds.datasetTechniques) dt, Facility f",
    );
    expect(q.distinct).toBe(true);
    expect(q.select).toMatchObject([{ kind: "path", text: "ds" }, { kind: "path", head: "df", steps: ["name"] }]);
    expect(q.from).toEqual([
      { kind: "root", pos: 33, entity: "Dataset", alias: "ds" },
      { kind: "join", pos: 47, path: "ds.datafiles", alias: "df", left: false },
      { kind: "join", pos: 68, path: "ds.sample", alias: "s", left: true },
      { kind: "join", pos: 90, path: "s.type", alias: "st", left: true },
      { kind: "join", pos: 116, path: "ds.type", alias: "t", left: false },
      { kind: "join", pos: 138, path: "ds.parameters", alias: "dp", left: false },
      { kind: "join", pos: 156, path: "ds.datasetTechniques", alias: "dt", left: false },
      { kind: "root", pos: 185, entity: "Facility", alias: "f" },
    ]);
  });

  it("parses aggregates with DISTINCT", () => {
    const q = parseSearch("SELECT COUNT(DISTINCT ds.name), MIN(ds.id), MAX(ds.id), AVG(ds.fileSize), SUM(ds.fileSize) FROM Dataset ds");
    expect(q.select.map((e) => (e.kind === "aggregate" ? `${e.fn}${e.distinct ? "!" : ""}` : e.kind))).toEqual([
      "COUNT!", "MIN", "MAX", "AVG", "SUM",
    ]);
  });

  it("gives AND precedence over OR and NOT over AND", () => {
    const q = parseSearch("SELECT x FROM Facility x WHERE NOT x.name = 'a' AND x.id > 1 OR x.url IS NULL");
    expect(q.where).toMatchObject({
      kind: "or",
      left: { kind: "and", left: { kind: "not", arg: { kind: "compare", op: "=" } }, right: { kind: "compare", op: ">" } },
      right: { kind: "isNull", not: false },
    });
  });

  it("parses parentheses, arithmetic and every predicate", () => {
    const q = parseSearch(
      "SELECT x FROM Dataset x WHERE (x.id + 1) * 2 >= 4 AND x.name NOT LIKE 'a!_%' ESCAPE '!' " +
        "AND x.id NOT IN (1, 2) AND x.id BETWEEN 1 AND 10 AND x.sample IS NOT NULL AND x.datafiles IS NOT EMPTY " +
        "AND x.startDate < {ts 2011-01-15 00:00:00} AND x.complete = TRUE AND x.name <> :user",
    );
    const flat: string[] = [];
    const walk = (e: unknown): void => {
      const node = e as { kind: string; left?: unknown; right?: unknown; not?: boolean };
      if (node.kind === "and") {
        walk(node.left);
        walk(node.right);
      } else flat.push(`${node.kind}${node.not === true ? "!" : ""}`);
    };
    walk(q.where);
    expect(flat).toEqual(["compare", "like!", "in!", "between", "isNull!", "isEmpty!", "compare", "compare", "compare"]);
  });

  it("reads enum and timestamp literals", () => {
    const q = parseSearch("SELECT p FROM ParameterType p WHERE p.valueType = org.icatproject.ParameterValueType.NUMERIC AND p.createTime > {ts 2011-01-15 10:20:30}");
    expect(q.where).toMatchObject({
      left: { right: { kind: "enum", enumType: "ParameterValueType", value: "NUMERIC" } },
      right: { right: { kind: "literal", value: new Date("2011-01-15T10:20:30.000Z") } },
    });
  });

  it("parses GROUP BY, HAVING and ORDER BY with several keys", () => {
    const q = parseSearch("SELECT ds.investigation, COUNT(ds) FROM Dataset ds GROUP BY ds.investigation HAVING COUNT(ds) > 1 ORDER BY ds.investigation.name DESC, ds.investigation.id ASC");
    expect(q.groupBy).toHaveLength(1);
    expect(q.having).toMatchObject({ kind: "compare", left: { kind: "aggregate", fn: "COUNT" } });
    expect(q.orderBy.map((o) => o.desc)).toEqual([true, false]);
  });

  it("accepts INCLUDE and LIMIT in either order, and LIMIT n, *", () => {
    const a = parseSearch("SELECT ds FROM Dataset ds ORDER BY ds.id INCLUDE ds.datafiles AS df, df.parameters LIMIT 10, 20");
    const b = parseSearch("SELECT ds FROM Dataset ds LIMIT 10, * INCLUDE 1");
    expect(a.include).toEqual({ one: false, items: [{ pos: 49, path: "ds.datafiles", alias: "df" }, { pos: 69, path: "df.parameters" }] });
    expect(a.limit).toEqual({ offset: 10, count: 20 });
    expect(b.include).toEqual({ one: true, items: [] });
    expect(b.limit).toEqual({ offset: 10, count: undefined });
  });

  it("parses subqueries in IN and EXISTS", () => {
    const q = parseSearch("SELECT i FROM Investigation i WHERE i.id IN (SELECT ds.investigation.id FROM Dataset ds) OR EXISTS (SELECT k FROM Keyword k WHERE k.investigation = i)");
    expect(q.where).toMatchObject({ left: { kind: "in", list: [{ kind: "subquery" }] }, right: { kind: "exists" } });
  });

  it("parses functions", () => {
    const q = parseSearch("SELECT UPPER(x.name), LOWER(x.name), LENGTH(x.name), CONCAT(x.name, '-', x.fullName), SUBSTRING(x.name, 1, 2), LOCATE('S', x.name), TRIM(x.name), TRIM(LEADING 'E' FROM x.name), ABS(x.id), SQRT(x.id), MOD(x.id, 2), SIZE(x.investigations), CURRENT_TIMESTAMP FROM Facility x");
    expect(q.select.map((e) => (e.kind === "call" ? e.fn : e.kind))).toEqual([
      "UPPER", "LOWER", "LENGTH", "CONCAT", "SUBSTRING", "LOCATE", "TRIM", "TRIM", "ABS", "SQRT", "MOD", "SIZE", "CURRENT_TIMESTAMP",
    ]);
  });

  it.each([
    ["SELECT ds Dataset ds", "Expected token from types [FROM] at token Dataset (position 10) in SELECT ds < Dataset > ds"],
    ["SELECT ds FROM Dataset ds WHERE", "Expected token from types [NAME, STRING, INTEGER, REAL, PARAMETER, {ts …}, (, function] but the query ended: SELECT ds FROM Dataset ds WHERE"],
    ["SELECT ds FROM Dataset ds ORDER ds.id", "Expected token from types [BY] at token ds.id (position 32)"],
    ["SELECT ds FROM Dataset ds LIMIT 10", "Expected token from types [,] but the query ended"],
    ["SELECT ds FROM Dataset ds LIMIT 1, 2 LIMIT 3, 4", "No more input expected at token LIMIT (position 37)"],
    ["SELECT ds FROM Dataset ds JOIN FETCH ds.datafiles df", "The FETCH keyword is not permitted"],
    ["SELECT p FROM ParameterType p WHERE p.valueType = org.icatproject.NUMERIC", "Enum literal org.icatproject.NUMERIC must contain exactly 4 parts"],
    ["SELECT ds FROM Dataset ds WHERE ds.name = 'a' AND", "but the query ended"],
    ["SELECT ds FROM Dataset ds WHERE ds.id NOT = 1", "No more input expected at token NOT (position 38) in WHERE ds.id < NOT > = 1"],
    ["SELECT ds FROM Dataset ds INCLUDE 1, ds.datafiles", '"INCLUDE 1" must not be followed by other things to include.'],
    ["SELECT UPPER(a, b) FROM Facility a", "UPPER at position 7 takes 1 arguments, not 2"],
    ["SELECT ds FROM Dataset ds LIMIT -1, 5", "LIMIT values must not be negative"],
  ])("reports %j", (query, message) => {
    const e = errorOf(() => parseSearch(query));
    expect(e.code).toBe("BAD_PARAMETER");
    expect(e.message).toContain(message);
  });
});

describe("parseGet", () => {
  it("parses Name, Name var and Name [AS] var INCLUDE …", () => {
    expect(parseGet("Dataset")).toEqual({ entity: "Dataset" });
    expect(parseGet("Dataset ds")).toEqual({ entity: "Dataset", alias: "ds" });
    expect(parseGet("Dataset AS ds INCLUDE ds.datafiles df, df.parameters")).toMatchObject({
      alias: "ds",
      include: { one: false, items: [{ path: "ds.datafiles", alias: "df" }, { path: "df.parameters" }] },
    });
  });

  it("rejects trailing tokens as icat.server's GetQuery does", () => {
    expect(errorOf(() => parseGet("Dataset ds WHERE ds.id = 1")).message).toBe("Trailing tokens at end of query WHERE...");
  });
});
