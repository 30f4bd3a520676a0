// python-icat's own query tests (tests/test_06_query.py, develop 7b9f438) check fragments of each
// clause rather than whole strings ("the exact query string is considered an implementation
// detail", line 27). This file makes the same checks, test by test, with the upstream line of
// each; the whole strings are pinned in python-icat-oracle.test.ts.
import { describe, expect, it } from "vitest";
import { Query, type QueryWarning } from "../../src/query/index.js";

const invId = 42;
const byInvestigation = { "dataset.investigation.id": `= ${invId}` };

function kinds(warnings: readonly QueryWarning[]): string[] {
  return warnings.map((w) => w.kind);
}

describe("tests/test_06_query.py", () => {
  it("test_query_simple (lines 49-56)", () => {
    const { clauses: c } = new Query("Investigation", { conditions: { name: "= '10100601-ST'" } });
    expect(c.select).toContain("Investigation");
    expect(c.join).toBeUndefined();
    expect(c.where).toContain("name");
    expect(c.order).toBeUndefined();
    expect(c.include).toBeUndefined();
    expect(c.limit).toBeUndefined();
  });

  it("test_query_datafile, with and without placeholders (lines 71-100)", () => {
    const q = new Query("Datafile", {
      conditions: { name: "= 'e208945.nxs'", "dataset.name": "= 'e208945'", "dataset.investigation.name": "= '12100409-ST'" },
    });
    expect(q.clauses.select).toContain("Datafile");
    expect(q.clauses.join).toContain("investigation");
    expect(q.clauses.where).toContain("12100409-ST");
    const placeholders = new Query("Datafile", {
      conditions: { name: "= '%(name)s'", "dataset.name": "= '%(dataset)s'", "dataset.investigation.name": "= '%(investigation)s'" },
    });
    const values: Record<string, string> = { name: "e208945.nxs", dataset: "e208945", investigation: "12100409-ST" };
    expect(String(placeholders).replace(/%\((\w+)\)s/g, (_m, k: string) => values[k] ?? "")).toBe(String(q));
  });

  it("test_query_investigation_includes (lines 109-122)", () => {
    const includes = ["facility", "type.facility", "investigationInstruments", "investigationInstruments.instrument.facility",
      "shifts", "keywords", "publications", "investigationUsers", "investigationUsers.user", "investigationGroups",
      "investigationGroups.grouping", "parameters", "parameters.type.facility"];
    const { clauses: c } = new Query("Investigation", { conditions: { id: `= ${invId}` }, includes });
    expect(c.join).toBeUndefined();
    expect(c.where).toContain("id");
    expect(c.include).toContain("investigationInstruments");
  });

  it("test_query_instruments (lines 139-149)", () => {
    const { clauses: c } = new Query("Instrument", {
      order: ["name"],
      conditions: { "investigationInstruments.investigation.id": `= ${invId}` },
      includes: ["facility", "instrumentScientists.user"],
    });
    expect(c.join).toContain("investigation");
    expect(c.order).toContain("name");
    expect(c.include).toContain("instrumentScientists");
  });

  it("test_query_datafile_by_investigation, test_query_str (lines 160-169, 674-685)", () => {
    const q = new Query("Datafile", {
      order: true,
      conditions: byInvestigation,
      includes: ["dataset", "datafileFormat.facility", "parameters.type.facility"],
    });
    const before = [q.order, q.conditions, q.includes];
    expect(q.clauses.join).toContain("investigation");
    expect(q.clauses.include).toContain("datafileFormat");
    expect(String(q)).toBe(String(q));
    expect([q.order, q.conditions, q.includes]).toEqual(before);
  });

  it("test_query_relateddatafile and test_query_datacollection (lines 177-197)", () => {
    const related = new Query("RelatedDatafile", { order: true }).clauses;
    expect(related.where).toBeUndefined();
    expect(related.order).toBeDefined();
    const collection = new Query("DataCollection", { order: true }).clauses;
    expect(collection.join).toBeUndefined();
    expect(collection.order).toContain("id");
  });

  it("test_query_datafiles_datafileformat warns about the nullable relation (lines 206-216)", () => {
    const q = new Query("Datafile", { order: ["datafileFormat", "dataset", "name"] });
    expect(kinds(q.warnings)).toEqual(["nullable-order"]);
    expect(q.warnings[0]?.message).toContain("datafileFormat");
    expect(q.clauses.join).toContain("datafileFormat");
    expect(q.clauses.where).toBeUndefined();
  });

  it("test_query_order_direction and ..._relation (lines 228-278)", () => {
    for (const order of [["name"], [["name", "ASC"]], [["name", "DESC"]], [["dataset.name", "DESC"], ["name", "ASC"]]] as const) {
      const { clauses: c } = new Query("Datafile", { order, conditions: byInvestigation });
      expect(c.join).toContain("investigation");
      expect(c.order).toContain("name");
    }
    const { clauses: c } = new Query("Datafile", { order: [["dataset", "DESC"], "name"] });
    expect(c.join).toContain("dataset");
    expect(c.where).toBeUndefined();
  });

  it("test_query_condition_greaterthen, _list and adding separately (lines 292-324)", () => {
    const atOnce = new Query("Datafile", { conditions: { datafileCreateTime: [">= '2012-01-01'", "< '2013-01-01'"] } });
    expect(atOnce.clauses.join).toBeUndefined();
    expect(atOnce.clauses.where).toContain("datafileCreateTime");
    const separately = new Query("Datafile");
    separately.addConditions({ datafileCreateTime: ">= '2012-01-01'" });
    separately.addConditions({ datafileCreateTime: "< '2013-01-01'" });
    expect(String(separately)).toBe(String(atOnce));
  });

  it("test_query_in_operator, test_query_condition_obj (lines 333-354)", () => {
    const inOp = new Query("Investigation", { conditions: { id: `in (${invId})` } }).clauses;
    expect(inOp.join).toBeUndefined();
    expect(inOp.where).toContain("in");
    expect(new Query("Rule", { conditions: { grouping: "IS NULL" } }).clauses.select).toContain("Rule");
  });

  it("test_query_condition_jpql_function, _namelen, _mixed (lines 362-402)", () => {
    const upper = new Query("Investigation", {
      conditions: { "UPPER(title)": "like UPPER('%Ni-Mn-Ga flat cone%')", "UPPER(datasets.name)": "like UPPER('%e208341%')" },
    }).clauses;
    expect(upper.join).toContain("datasets");
    expect(upper.where).toContain("UPPER");
    const mixed = new Query("User", { conditions: { name: "LIKE 'db/%'", "LENGTH(fullName)": "> 11", fullName: "> 'C'" } }).clauses;
    expect(mixed.join).toBeUndefined();
    expect(mixed.where).toContain("LENGTH");
  });

  it("test_query_order_jpql_function (lines 411-417)", () => {
    const { clauses: c } = new Query("User", { conditions: { name: "LIKE 'db/%'" }, order: [["LENGTH(fullName)", "DESC"]], limit: [2, 1] });
    expect(c.order).toContain("LENGTH");
    expect(c.limit).toBeDefined();
  });

  it("test_query_rule_order and the grouping warning, silenced by a condition or join spec (lines 425-499)", () => {
    expect(new Query("Rule", { order: true }).clauses.order).toContain("id");
    const warned = new Query("Rule", { order: ["grouping", "what", "id"] });
    expect(kinds(warned.warnings)).toEqual(["nullable-order"]);
    expect(warned.warnings[0]?.message).toContain("grouping");
    const byCondition = new Query("Rule", { order: ["grouping", "what", "id"], conditions: { grouping: "IS NOT NULL" } });
    expect(byCondition.warnings).toEqual([]);
    expect(byCondition.clauses.where).toContain("grouping");
    const inner = new Query("Rule", { order: ["grouping", "what", "id"], joinSpecs: { grouping: "INNER JOIN" } });
    expect(inner.warnings).toEqual([]);
    expect(inner.clauses.join).toContain("INNER JOIN");
    const left = new Query("Rule", { order: ["grouping", "what", "id"], joinSpecs: { grouping: "LEFT OUTER JOIN" } });
    expect(left.warnings).toEqual([]);
    expect(left.clauses.join).toContain("LEFT OUTER JOIN");
    expect(left.clauses.order).toContain("what");
  });

  it("test_query_order_one_to_many and its variants (lines 506-595)", () => {
    const warned = new Query("Investigation", { order: ["investigationInstruments.instrument.fullName"] });
    expect(kinds(warned.warnings)).toEqual(["one-to-many-order"]);
    expect(warned.warnings[0]?.message).toContain("investigationInstruments");
    expect(warned.clauses.join).toContain("instrument");
    const silenced = new Query("Investigation", {
      order: ["investigationInstruments.instrument.fullName"],
      joinSpecs: { investigationInstruments: "INNER JOIN" },
    });
    expect(silenced.warnings).toEqual([]);
    expect(silenced.clauses.join).toContain("INNER JOIN");
    expect(new Query("Investigation").warnings).toEqual([]);
    expect(new Query("Investigation", { order: ["investigationUsers.role"] }).warnings[0]?.message).toContain("investigationUsers");
    expect(new Query("Sample", { order: ["parameters.stringValue"] }).warnings[0]?.message).toContain("parameters");
    expect(new Query("Sample", { order: ["parameters.stringValue"], joinSpecs: { parameters: "LEFT JOIN" } }).warnings).toEqual([]);
  });

  it("test_query_limit (lines 613-621)", () => {
    const q = new Query("Rule", { order: ["grouping", "what", "id"], conditions: { grouping: "IS NOT NULL" } });
    q.setLimit([0, 10]);
    expect(q.clauses.limit).toBeDefined();
    expect(q.clauses.where).toContain("grouping");
  });

  it("test_query_non_ascii, test_query_metaattr, test_query_include_1 (lines 653-707)", () => {
    const fullName = "Rudolph Beck-Dülmen";
    expect(new Query("User", { conditions: { fullName: `= '${fullName}'` } }).clauses.where).toContain(fullName);
    expect(new Query("Datafile", { conditions: { modId: "= 'jdoe'" } }).clauses.where).toContain("modId");
    const include1 = new Query("Investigation", { includes: "1" }).clauses;
    expect(include1.include).toContain("facility");
    expect(include1.include).toContain("type");
  });

  it("test_query_attribute_* and multiple attributes (lines 722-817)", () => {
    expect(new Query("Datafile", { attributes: "name", order: true, conditions: byInvestigation }).clauses.select).toContain("name");
    expect(new Query("Datafile", { attributes: ["name"], order: true, conditions: byInvestigation }).clauses.select).toContain("name");
    const related = new Query("Datafile", { attributes: "datafileFormat.name", conditions: byInvestigation }).clauses;
    expect(related.join).toContain("datafileFormat");
    const several = new Query("Investigation", { attributes: ["name", "title", "startDate"], order: true }).clauses;
    expect(several.select).toContain("startDate");
    expect(several.join).toContain("facility");
  });

  it("test_query_mulitple_attributes_distinct and DISTINCT of one attribute or object (lines 848-911)", () => {
    const several = new Query("InvestigationUser", {
      attributes: ["investigation.name", "role"],
      conditions: { "investigation.name": "= '08100122-EF'" },
      aggregate: "DISTINCT",
    }).clauses;
    expect(several.select).toContain("DISTINCT");
    expect(several.select).toContain("role");
    const attribute = new Query("Datafile", { attributes: "datafileFormat.name", conditions: byInvestigation }).setAggregate("DISTINCT");
    expect(attribute.clauses.select).toContain("DISTINCT");
    const object = new Query("Datafile", { attributes: "datafileFormat", conditions: byInvestigation }).setAggregate("DISTINCT");
    expect(object.clauses.select).toContain("datafileFormat");
  });

  it.each([
    [undefined, "COUNT"],
    [undefined, "COUNT:DISTINCT"],
    ["datafileFormat", "COUNT"],
    ["datafileFormat", "COUNT:DISTINCT"],
    ["datafileFormat.name", "COUNT"],
    ["datafileFormat.name", "COUNT:DISTINCT"],
    ["fileSize", "MAX"],
    ["fileSize", "MIN"],
    ["fileSize", "SUM"],
    ["fileSize", "AVG"],
    ["name", "MAX"],
    ["name", "MIN"],
    ["datafileCreateTime", "MIN"],
    ["datafileCreateTime", "MAX"],
  ] as const)("test_query_aggregate_misc %s %s (lines 916-963)", (attribute, aggregate) => {
    const { clauses: c } = new Query("Datafile", { attributes: attribute, aggregate, conditions: byInvestigation });
    if (!aggregate.includes(":")) expect(c.select).toContain(aggregate);
    if (attribute !== undefined && !attribute.includes(".")) expect(c.select).toContain(attribute);
    expect(c.join).toContain("investigation");
    expect(c.where).toContain("id");
  });

  it("test_query_copy (lines 965-997)", () => {
    const queries = [
      new Query("Datafile", { attributes: "name", order: true }),
      new Query("InvestigationUser", {
        attributes: ["investigation.name", "role"],
        conditions: { "investigation.name": "= '08100122-EF'" },
        aggregate: "DISTINCT",
      }),
      new Query("Datafile", { order: [["name", "ASC"]] }),
      new Query("Instrument", { order: ["name"], includes: ["facility", "instrumentScientists.user"] }),
      new Query("Rule", { order: ["grouping", "what", "id"], conditions: { grouping: "IS NOT NULL" }, limit: [0, 10] }),
      new Query("Rule", { order: ["grouping", "what", "id"], joinSpecs: { grouping: "LEFT OUTER JOIN" } }),
    ];
    for (const q of queries) {
      const clone = q.copy();
      expect(String(clone)).toBe(String(q));
      expect(clone.clauses.select).toContain(q.entity);
    }
  });
});
