import { describe, expect, it } from "vitest";
import { errorOf, tutorialEngine } from "./helpers.js";

const { engine, id } = tutorialEngine();
const q = (query: string, user = "db/root"): unknown[] => engine.search(user, query);
const names = (where: string): unknown[] => q(`SELECT ds.name FROM Dataset ds WHERE ${where} ORDER BY ds.name`);

describe("WHERE", () => {
  it.each([
    ["ds.name = 'e201215'", ["e201215"]],
    ["ds.name <> 'e201215'", ["e201216", "e208339"]],
    ["ds.name != 'e201215'", ["e201216", "e208339"]],
    ["ds.name < 'e201216'", ["e201215"]],
    ["ds.name <= 'e201216'", ["e201215", "e201216"]],
    ["ds.name > 'e201216'", ["e208339"]],
    ["ds.name >= 'e201216'", ["e201216", "e208339"]],
    ["ds.complete = TRUE", ["e201215"]],
    ["ds.complete = FALSE AND NOT ds.name = 'e208339'", ["e201216"]],
    ["(ds.name = 'e201215' OR ds.name = 'e208339') AND ds.complete = FALSE", ["e208339"]],
    ["ds.name LIKE 'e2012%'", ["e201215", "e201216"]],
    ["ds.name LIKE 'e20121_'", ["e201215", "e201216"]],
    ["ds.name NOT LIKE '%5'", ["e201216", "e208339"]],
    ["ds.description LIKE 'Field%4.2 K'", ["e201215"]],
    ["ds.name IN ('e201215', 'e208339', 'nothing')", ["e201215", "e208339"]],
    ["ds.name NOT IN ('e201215')", ["e201216", "e208339"]],
    ["ds.startDate BETWEEN {ts 2012-07-28 00:00:00} AND {ts 2012-07-29 00:00:00}", ["e201215"]],
    ["ds.startDate NOT BETWEEN {ts 2012-07-28 00:00:00} AND {ts 2012-07-29 00:00:00}", ["e201216"]],
    ["ds.startDate > {ts 2012-07-29 00:00:00}", ["e201216"]],
    ["ds.sample IS NULL", ["e208339"]],
    ["ds.sample IS NOT NULL", ["e201215", "e201216"]],
    ["ds.parameters IS EMPTY", ["e208339"]],
    ["ds.datafiles IS NOT EMPTY", ["e201215", "e201216", "e208339"]],
    ["SIZE(ds.datafiles) = 2", ["e201215"]],
    ["ds.investigation.name = '10100601-ST'", ["e208339"]],
    ["ds.investigation.facility.name = 'ESNF' AND ds.type.name = 'raw'", ["e201215", "e201216", "e208339"]],
    ["UPPER(ds.name) = 'E201215'", ["e201215"]],
    ["LOWER(ds.type.name) = 'raw' AND LENGTH(ds.name) = 7 AND ds.id > 0", ["e201215", "e201216", "e208339"]],
    ["CONCAT(ds.name, '-', ds.type.name) = 'e201216-raw'", ["e201216"]],
    ["SUBSTRING(ds.name, 2, 3) = '208' AND LOCATE('83', ds.name) = 4", ["e208339"]],
    ["TRIM(LEADING 'e' FROM ds.name) = '201215' AND TRIM(' x ') = 'x'", ["e201215"]],
    ["ABS(ds.id - 1000000) > 0 AND MOD(ds.id, 1) = 0", ["e201215", "e201216", "e208339"]],
    ["ds.fileSize + 1 = 1", ["e201215", "e201216", "e208339"]],
    [":user = 'db/root' AND ds.name LIKE '%9'", ["e208339"]],
    ["ds.investigation MEMBER OF ds.investigation.facility.investigations AND ds.name LIKE '%6'", ["e201216"]],
  ])("%s", (where, expected) => {
    expect(names(where)).toEqual(expected);
  });

  it("evaluates string functions", () => {
    expect(q("SELECT SUBSTRING(ds.name, 2, 3), LOCATE('83', ds.name), LOCATE('x', ds.name) FROM Dataset ds WHERE ds.name = 'e208339'")).toEqual([["208", 4, 0]]);
  });

  it("compares enums written in full", () => {
    expect(q("SELECT pt.name FROM ParameterType pt WHERE pt.valueType = org.icatproject.ParameterValueType.STRING ORDER BY pt.name")).toEqual(["Comment", "Probe"]);
  });

  it("honours ESCAPE in LIKE", () => {
    engine.write("db/root", { Facility: { name: "under_score" } });
    expect(q("SELECT f.name FROM Facility f WHERE f.name LIKE 'under!_%' ESCAPE '!'")).toEqual(["under_score"]);
    expect(q("SELECT f.name FROM Facility f WHERE f.name LIKE 'ESN_' ESCAPE '!'")).toEqual(["ESNF"]);
  });

  it("treats NULL as unknown (three-valued logic)", () => {
    expect(names("ds.startDate > {ts 2000-01-01 00:00:00} OR ds.startDate IS NULL")).toEqual(["e201215", "e201216", "e208339"]);
    expect(names("NOT ds.startDate > {ts 2000-01-01 00:00:00}")).toEqual([]);
    expect(names("ds.name = NULL")).toEqual([]);
  });

  it("drops rows whose navigated many-to-one is NULL, as JPQL's implied inner join does", () => {
    expect(names("ds.sample.name = 'nothing' OR ds.name = 'e208339'")).toEqual([]);
    expect(names("ds.sample.id IS NULL")).toEqual(["e208339"]);
    expect(q("SELECT ds.name FROM Dataset ds ORDER BY ds.sample.name, ds.name")).toEqual(["e201215", "e201216"]);
  });

  it("runs IN, EXISTS and scalar subqueries, correlated or not", () => {
    expect(names("ds.id IN (SELECT dp.dataset.id FROM DatasetParameter dp WHERE dp.numericValue > 6)")).toEqual(["e201216"]);
    expect(names("EXISTS (SELECT df FROM Datafile df WHERE df.dataset = ds AND df.name LIKE '%.log')")).toEqual(["e201215"]);
    expect(names("NOT EXISTS (SELECT df FROM Datafile df WHERE df.dataset = ds AND df.name LIKE '%.log')")).toEqual(["e201216", "e208339"]);
    expect(names("ds.id = (SELECT MAX(d.id) FROM Dataset d)")).toEqual(["e208339"]);
  });
});

describe("FROM and joins", () => {
  it("follows JOIN, comma and IN() forms as inner joins", () => {
    expect(q("SELECT df.name FROM Dataset ds JOIN ds.datafiles df WHERE ds.name = 'e201215' ORDER BY df.name")).toEqual(["e201215.log", "e201215.nxs"]);
    expect(q("SELECT ds.name FROM Dataset ds, ds.parameters dp WHERE dp.numericValue > 6")).toEqual(["e201216"]);
    expect(q("SELECT ds.name FROM Dataset ds, IN(ds.parameters) dp WHERE dp.type.name = 'Magnetic field' ORDER BY dp.numericValue DESC")).toEqual(["e201216", "e201215"]);
    expect(q("SELECT ds.name FROM Dataset ds INNER JOIN ds.sample s ORDER BY ds.name")).toEqual(["e201215", "e201216"]);
  });

  it("keeps unmatched rows with LEFT [OUTER] JOIN", () => {
    expect(q("SELECT ds.name, s.name FROM Dataset ds LEFT JOIN ds.sample s ORDER BY ds.name")).toEqual([
      ["e201215", "Nickel(II) oxide SC"],
      ["e201216", "Nickel(II) oxide SC"],
      ["e208339", null],
    ]);
    expect(q("SELECT COUNT(ds) FROM Dataset ds LEFT OUTER JOIN ds.parameters p WHERE p IS NULL")).toEqual([1]);
  });

  it("returns one row per combination, duplicates included unless DISTINCT", () => {
    expect(q("SELECT u.name FROM User u JOIN u.investigationUsers iu JOIN iu.investigation i JOIN i.datasets ds WHERE u.name = 'db/nbour'")).toEqual(["db/nbour", "db/nbour"]);
    expect(q("SELECT DISTINCT u.name FROM User u JOIN u.investigationUsers iu JOIN iu.investigation i JOIN i.datasets ds WHERE u.name = 'db/nbour'")).toEqual(["db/nbour"]);
    expect(q("SELECT COUNT(ds) FROM Dataset ds, DatasetType t")).toEqual([9]);
  });

  it("treats identification variables case-insensitively", () => {
    expect(q("SELECT DS.name FROM Dataset ds WHERE Ds.name = 'e201215'")).toEqual(["e201215"]);
  });
});

describe("SELECT, aggregates and ordering", () => {
  it("returns scalars, multi-item rows as arrays, and entities with their type", () => {
    expect(q("SELECT ds.id FROM Dataset ds ORDER BY ds.id")).toEqual([id("e201215"), id("e201216"), id("e208339")]);
    expect(q("SELECT ds.name, ds.complete, ds.startDate FROM Dataset ds WHERE ds.name = 'e201215'")).toEqual([["e201215", true, "2012-07-28T11:02:00.000Z"]]);
    expect(q("SELECT ds.investigation FROM Dataset ds WHERE ds.name = 'e208339'")).toMatchObject([{ Investigation: { name: "10100601-ST" } }]);
    expect(q("SELECT ds.name, ds.type FROM Dataset ds WHERE ds.name = 'e208339'")).toMatchObject([["e208339", { DatasetType: { name: "raw" } }]]);
  });

  it("expands a selected collection into its members", () => {
    expect(q("SELECT ds.datafiles FROM Dataset ds WHERE ds.name = 'e201215'")).toMatchObject([
      { Datafile: { name: "e201215.nxs" } },
      { Datafile: { name: "e201215.log" } },
    ]);
  });

  it("computes COUNT, MIN, MAX, AVG and SUM", () => {
    expect(q("SELECT COUNT(df), COUNT(DISTINCT df.dataset), MIN(df.name), MAX(df.fileSize), SUM(df.fileSize) FROM Datafile df")).toEqual([
      [4, 3, "e201215.log", 1048576, 2361344],
    ]);
    expect(q("SELECT AVG(dp.numericValue), MIN(ds.startDate) FROM Dataset ds JOIN ds.parameters dp")).toEqual([[6.4, "2012-07-28T11:02:00.000Z"]]);
    expect(q("SELECT COUNT(ds) FROM Dataset ds WHERE ds.name = 'none'")).toEqual([0]);
    expect(q("SELECT MAX(ds.name) FROM Dataset ds WHERE ds.name = 'none'")).toEqual([null]);
  });

  it("writes AVG as a Java double and SUM of longs as a long", () => {
    expect(engine.searchJson("db/root", "SELECT AVG(df.fileSize) FROM Datafile df WHERE df.name LIKE 'e2012%nxs'")).toBe("[786432.0]");
    expect(engine.searchJson("db/root", "SELECT SUM(p.numericValue) FROM DatasetParameter p")).toBe("[12.8]");
  });

  it("groups with GROUP BY and filters groups with HAVING", () => {
    expect(q("SELECT ds.investigation.name, COUNT(ds) FROM Dataset ds GROUP BY ds.investigation.name ORDER BY ds.investigation.name")).toEqual([
      ["10100601-ST", 1],
      ["12100409-ST", 2],
    ]);
    expect(q("SELECT i.name FROM Dataset ds JOIN ds.investigation i GROUP BY i.name HAVING COUNT(ds) > 1")).toEqual(["12100409-ST"]);
    expect(q("SELECT ds.type.name, SUM(df.fileSize) FROM Datafile df JOIN df.dataset ds GROUP BY ds.type.name ORDER BY SUM(df.fileSize) DESC")).toEqual([["raw", 2361344]]);
  });

  it("orders by several keys in either direction, NULLs first", () => {
    expect(q("SELECT ds.name FROM Dataset ds ORDER BY ds.complete DESC, ds.name DESC")).toEqual(["e201215", "e208339", "e201216"]);
    expect(q("SELECT ds.name FROM Dataset ds ORDER BY ds.startDate")).toEqual(["e208339", "e201215", "e201216"]);
    expect(q("SELECT ds.name FROM Dataset ds ORDER BY ds.id DESC")).toEqual(["e208339", "e201216", "e201215"]);
  });
});

describe("LIMIT", () => {
  it("skips and caps rows", () => {
    const all = q("SELECT df.name FROM Datafile df ORDER BY df.name");
    expect(q("SELECT df.name FROM Datafile df ORDER BY df.name LIMIT 1, 2")).toEqual(all.slice(1, 3));
    expect(q("SELECT df.name FROM Datafile df ORDER BY df.name LIMIT 2, *")).toEqual(all.slice(2));
    expect(q("SELECT df.name FROM Datafile df ORDER BY df.id DESC LIMIT 0, 1")).toEqual(["e208339.nxs"]);
    expect(q("SELECT df.name FROM Datafile df WHERE df.fileSize > 4096 ORDER BY df.id LIMIT 1, 1")).toEqual(["e201216.nxs"]);
    expect(q("SELECT df.name FROM Datafile df LIMIT 10, 5")).toEqual([]);
  });

  it("returns nothing for x.id = N with a non-zero offset (icat.server#128)", () => {
    const ds = id("e201215");
    expect(q(`SELECT ds FROM Dataset ds WHERE ds.id = ${ds} LIMIT 0, 10`)).toHaveLength(1);
    expect(q(`SELECT ds FROM Dataset ds WHERE ds.id = ${ds} LIMIT 1, 10`)).toEqual([]);
    expect(q(`SELECT COUNT(ds) FROM Dataset ds WHERE ds.id = ${ds} LIMIT 1, 10`)).toEqual([]);
  });
});

describe("semantic errors", () => {
  it.each([
    ["SELECT x FROM Dataste x", "Dataste is not an ICAT entity"],
    ["SELECT x FROM dataset x", "dataset is not an ICAT entity (entity names are case-sensitive: did you mean Dataset?)"],
    ["SELECT y FROM Dataset x", "idVar 'Y' referenced in the SELECT clause is not defined in the FROM clause"],
    ["SELECT x FROM Dataset x WHERE x.nmae = 'a'", "Dataset has no field nmae (x.nmae at position 30)"],
    ["SELECT x FROM Dataset x WHERE x.name.length = 1", "cannot navigate through the attribute name"],
    ["SELECT x FROM Dataset x WHERE x.datafiles.name = 'a'", "cannot navigate through the collection datafiles: JOIN it to a variable first"],
    ["SELECT x FROM Dataset x WHERE x.datafiles = 1", "x.datafiles at position 30 is a collection"],
    ["SELECT x FROM Dataset x WHERE x.name = 5", "Cannot compare String with Long at position 37"],
    ["SELECT x FROM Dataset x WHERE x.investigation < x.investigation", "Entities can only be compared with = or <>"],
    ["SELECT x FROM Dataset x WHERE x.name = :name", "Parameter :name at position 39 is not set: the only parameter ICAT provides is :user"],
    ["SELECT x FROM Dataset x WHERE COUNT(x) > 1", "COUNT at position 30 is not allowed in the WHERE clause"],
    ["SELECT MAX(COUNT(x)) FROM Dataset x", "Aggregate functions cannot be nested"],
    ["SELECT x FROM Dataset x, Datafile x", "JPQL identification variable x at position 25 has already been defined"],
    ["SELECT x FROM Dataset x WHERE x.name", "The WHERE clause must be a condition"],
    ["SELECT x FROM Dataset x JOIN x.name n", "Dataset has no relationship field name"],
    ["SELECT x.id, x.name FROM Dataset x INCLUDE x.datafiles", "INCLUDE is only valid for one quantity in the SELECT clause"],
    ["SELECT x.name FROM Dataset x INCLUDE x.datafiles", "INCLUDE needs the SELECT clause to return entities"],
    ["SELECT x FROM ParameterType x WHERE x.valueType = org.icatproject.ParameterValueType.NUMBER", "NUMBER is not a value of ParameterValueType"],
    ["SELECT SUM(x.name) FROM Dataset x", "SUM at position 7 needs a number, not String"],
    ["SELECT x FROM Dataset x WHERE x.name LIKE 5", "LIKE at position 37 needs strings, not Long"],
  ])("%s", (query, message) => {
    const e = errorOf(() => engine.search("db/root", query));
    expect(e).toMatchObject({ code: "BAD_PARAMETER" });
    expect(e.message).toContain(message);
  });
});
