// python-icat's search tutorial, example by example: each expected string is copied verbatim from
// the `print(query)` output in doc/src/tutorial-search.rst (python-icat develop 7b9f438); the
// comment gives the line it is on.
import { describe, expect, it } from "vitest";
import { Query } from "../../src/query/index.js";

const magneticField = {
  "datasets.parameters.type.name": "= 'Magnetic field'",
  "datasets.parameters.type.units": "= 'T'",
} as const;

const fieldOf10100601 = {
  "dataset.investigation.name": "= '10100601-ST'",
  "type.name": "= 'Magnetic field'",
  "type.units": "= 'T'",
} as const;

describe("python-icat tutorial-search.rst", () => {
  it("lists all investigations (line 75)", () => {
    expect(String(new Query("Investigation"))).toBe("SELECT o FROM Investigation o");
  });

  it("adds a condition (line 128)", () => {
    const q = new Query("Investigation", { conditions: { name: "= '10100601-ST'" } });
    expect(String(q)).toBe("SELECT o FROM Investigation o WHERE o.name = '10100601-ST'");
  });

  it("includes related objects (line 152)", () => {
    const q = new Query("Investigation", { conditions: { name: "= '10100601-ST'" }, includes: ["datasets"] });
    expect(String(q)).toBe("SELECT o FROM Investigation o WHERE o.name = '10100601-ST' INCLUDE o.datasets");
  });

  it("wraps a condition's attribute in a JPQL function (line 217)", () => {
    const q = new Query("Investigation", { conditions: { "LENGTH(title)": "= 18" } });
    expect(String(q)).toBe("SELECT o FROM Investigation o WHERE LENGTH(o.title) = 18");
  });

  it("puts conditions on related objects and includes them (line 263)", () => {
    const conditions = {
      "investigation.name": "= '10100601-ST'",
      "parameters.type.name": "= 'Magnetic field'",
      "parameters.type.units": "= 'T'",
      "parameters.numericValue": "> 5.0",
    };
    const q = new Query("Dataset", { conditions, includes: ["parameters.type"] });
    expect(String(q)).toBe(
      "SELECT o FROM Dataset o JOIN o.investigation AS i JOIN o.parameters AS p JOIN p.type AS pt WHERE i.name = '10100601-ST' AND p.numericValue > 5.0 AND pt.name = 'Magnetic field' AND pt.units = 'T' INCLUDE o.parameters AS p, p.type",
    );
  });

  it("adds conditions incrementally (lines 347, 363)", () => {
    const getInvestigation = (name: string, visitId?: string): string => {
      const q = new Query("Investigation");
      q.addConditions({ name: `= '${name}'` });
      if (visitId !== undefined) q.addConditions({ visitId: `= '${visitId}'` });
      return String(q);
    };
    expect(getInvestigation("08100122-EF")).toBe("SELECT o FROM Investigation o WHERE o.name = '08100122-EF'");
    expect(getInvestigation("12100409-ST", "1.1-P")).toBe(
      "SELECT o FROM Investigation o WHERE o.name = '12100409-ST' AND o.visitId = '1.1-P'",
    );
  });

  it("puts several conditions on one attribute, at once or one by one (lines 394, 446)", () => {
    const expected =
      "SELECT o FROM Datafile o WHERE o.datafileCreateTime >= '2012-01-01' AND o.datafileCreateTime < '2013-01-01'";
    const atOnce = new Query("Datafile", { conditions: { datafileCreateTime: [">= '2012-01-01'", "< '2013-01-01'"] } });
    expect(String(atOnce)).toBe(expected);
    const oneByOne = new Query("Datafile");
    oneByOne.addConditions({ datafileCreateTime: ">= '2012-01-01'" });
    oneByOne.addConditions({ datafileCreateTime: "< '2013-01-01'" });
    expect(String(oneByOne)).toBe(expected);
  });

  it("selects one attribute (line 454)", () => {
    expect(String(new Query("Dataset", { attributes: "name" }))).toBe("SELECT o.name FROM Dataset o");
  });

  it("selects several attributes (line 467)", () => {
    const q = new Query("Dataset", { attributes: ["investigation.name", "name", "complete", "type.name"] });
    expect(String(q)).toBe(
      "SELECT i.name, o.name, o.complete, t.name FROM Dataset o JOIN o.investigation AS i JOIN o.type AS t",
    );
  });

  it("counts (line 476)", () => {
    expect(String(new Query("Dataset", { aggregate: "COUNT" }))).toBe("SELECT COUNT(o) FROM Dataset o");
  });

  it("applies MIN, MAX and AVG to an attribute (lines 496, 501, 506, 511)", () => {
    const q = new Query("DatasetParameter", { conditions: fieldOf10100601, attributes: "numericValue" });
    const rest =
      "FROM DatasetParameter o JOIN o.dataset AS ds JOIN ds.investigation AS i JOIN o.type AS t WHERE i.name = '10100601-ST' AND t.name = 'Magnetic field' AND t.units = 'T'";
    expect(String(q)).toBe(`SELECT o.numericValue ${rest}`);
    expect(String(q.setAggregate("MIN"))).toBe(`SELECT MIN(o.numericValue) ${rest}`);
    expect(String(q.setAggregate("MAX"))).toBe(`SELECT MAX(o.numericValue) ${rest}`);
    expect(String(q.setAggregate("AVG"))).toBe(`SELECT AVG(o.numericValue) ${rest}`);
  });

  it("joins through one-to-many relations with s1, s2, … aliases, then DISTINCT (lines 524, 562)", () => {
    const q = new Query("Investigation", { conditions: magneticField });
    const rest =
      "FROM Investigation o JOIN o.datasets AS s1 JOIN s1.parameters AS s2 JOIN s2.type AS s3 WHERE s3.name = 'Magnetic field' AND s3.units = 'T'";
    expect(String(q)).toBe(`SELECT o ${rest}`);
    expect(String(q.setAggregate("DISTINCT"))).toBe(`SELECT DISTINCT(o) ${rest}`);
  });

  it("combines COUNT with DISTINCT (lines 590, 595)", () => {
    const q = new Query("Investigation", { conditions: magneticField, aggregate: "COUNT" });
    const rest =
      "FROM Investigation o JOIN o.datasets AS s1 JOIN s1.parameters AS s2 JOIN s2.type AS s3 WHERE s3.name = 'Magnetic field' AND s3.units = 'T'";
    expect(String(q)).toBe(`SELECT COUNT(o) ${rest}`);
    expect(String(q.setAggregate("COUNT:DISTINCT"))).toBe(`SELECT COUNT(DISTINCT(o)) ${rest}`);
  });

  it("orders by several attributes with a direction (line 606)", () => {
    const q = new Query("DatasetParameter", { includes: ["type"], order: ["type.name", "type.units", ["numericValue", "DESC"]] });
    expect(String(q)).toBe(
      "SELECT o FROM DatasetParameter o JOIN o.type AS t ORDER BY t.name, t.units, o.numericValue DESC INCLUDE o.type",
    );
  });

  it("orders by a JPQL function of an attribute (line 775)", () => {
    const q = new Query("User", { conditions: { fullName: "IS NOT NULL" }, order: [["LENGTH(fullName)", "DESC"]] });
    expect(String(q)).toBe("SELECT o FROM User o WHERE o.fullName IS NOT NULL ORDER BY LENGTH(o.fullName) DESC");
  });

  it("limits the result (line 797)", () => {
    const q = new Query("Dataset", { order: [["endDate", "DESC"]], limit: [2, 1] });
    expect(String(q)).toBe("SELECT o FROM Dataset o ORDER BY o.endDate DESC LIMIT 2, 1");
  });
});
