// Changing a query step by step, as python-icat's mutators do. The expected strings of the first
// test are what python-icat's icat/query.py printed for the same sequence of calls (run through
// the oracle/generate.py harness, python-icat develop 7b9f438).
import { describe, expect, it } from "vitest";
import { Query, QueryError, ROOT_VARIABLE, type QueryWarning } from "../../src/query/index.js";

describe("mutators", () => {
  it("change a query step by step like python-icat's", () => {
    const q = new Query("Dataset", { conditions: { "investigation.name": "= 'x'" } });
    q.addIncludes(["datafiles"]).addIncludes(["type"]);
    expect(String(q)).toBe("SELECT o FROM Dataset o JOIN o.investigation AS i WHERE i.name = 'x' INCLUDE o.datafiles, o.type");
    q.setOrder(["sample.name"]);
    expect(String(q)).toBe(
      "SELECT o FROM Dataset o JOIN o.investigation AS i JOIN o.sample AS s1 WHERE i.name = 'x' ORDER BY s1.name INCLUDE o.datafiles, o.type",
    );
    q.setJoinSpecs({ sample: "LEFT JOIN" });
    expect(String(q)).toBe(
      "SELECT o FROM Dataset o JOIN o.investigation AS i LEFT JOIN o.sample AS s1 WHERE i.name = 'x' ORDER BY s1.name INCLUDE o.datafiles, o.type",
    );
    q.setLimit([10, 5]);
    expect(String(q)).toBe(
      "SELECT o FROM Dataset o JOIN o.investigation AS i LEFT JOIN o.sample AS s1 WHERE i.name = 'x' ORDER BY s1.name INCLUDE o.datafiles, o.type LIMIT 10, 5",
    );
    q.setAttributes(["name", "sample.type.name"]);
    expect(String(q)).toBe(
      "SELECT o.name, s2.name FROM Dataset o JOIN o.investigation AS i LEFT JOIN o.sample AS s1 JOIN s1.type AS s2 WHERE i.name = 'x' ORDER BY s1.name INCLUDE o.datafiles, o.type LIMIT 10, 5",
    );
    q.setAggregate("DISTINCT");
    expect(String(q)).toBe(
      "SELECT DISTINCT o.name, s2.name FROM Dataset o JOIN o.investigation AS i LEFT JOIN o.sample AS s1 JOIN s1.type AS s2 WHERE i.name = 'x' ORDER BY s1.name INCLUDE o.datafiles, o.type LIMIT 10, 5",
    );
    q.setAttributes(undefined).setAggregate(undefined).setLimit(undefined).setOrder(undefined);
    expect(String(q)).toBe("SELECT o FROM Dataset o JOIN o.investigation AS i WHERE i.name = 'x' INCLUDE o.datafiles, o.type");
  });

  it("setIncludes replaces what addIncludes adds to", () => {
    const q = new Query("Investigation", { includes: ["datasets"] });
    q.addIncludes(["facility"]);
    expect(q.includes).toEqual(["datasets", "facility"]);
    q.setIncludes(["type"]);
    expect(String(q)).toBe("SELECT o FROM Investigation o INCLUDE o.type");
    q.setIncludes(undefined);
    expect(String(q)).toBe("SELECT o FROM Investigation o");
    q.addIncludes("1");
    expect(String(q)).toBe("SELECT o FROM Investigation o INCLUDE o.facility, o.type");
  });

  it("report what the query is made of (the clauses as python-icat renders them)", () => {
    const q = new Query("User", {
      attributes: "fullName",
      conditions: { name: "LIKE 'db/%'", "LENGTH(fullName)": "> 11", fullName: ["> 'C'", "< 'X'"] },
      order: [["LENGTH(fullName)", "DESC"], "name"],
      joinSpecs: { userGroups: "LEFT JOIN" },
      limit: [2, 1],
    });
    expect(q.entity).toBe("User");
    expect(q.attributes).toEqual(["fullName"]);
    expect(q.aggregate).toBeUndefined();
    expect(q.conditions).toEqual({ name: ["LIKE 'db/%'"], "LENGTH(fullName)": ["> 11"], fullName: ["> 'C'", "< 'X'"] });
    expect(q.order).toEqual([["LENGTH(fullName)", "DESC"], "name"]);
    expect(q.joinSpecs).toEqual({ userGroups: "LEFT JOIN" });
    expect(q.limit).toEqual([2, 1]);
    expect(q.clauses).toEqual({
      select: "SELECT o.fullName FROM User o",
      join: undefined,
      // python-icat sorts the conditions by path; conditions on one path keep their order
      where: "WHERE LENGTH(o.fullName) > 11 AND o.fullName > 'C' AND o.fullName < 'X' AND o.name LIKE 'db/%'",
      order: "ORDER BY LENGTH(o.fullName) DESC, o.name",
      include: undefined,
      limit: "LIMIT 2, 1",
    });
    expect(q instanceof Query).toBe(true);
  });

  it("copy() is independent of the original", () => {
    const q = new Query("Datafile", { conditions: { name: "= 'a'" }, order: ["name"], includes: ["dataset"], limit: [0, 5] });
    const clone = q.copy();
    clone.addConditions({ name: "<> 'b'" }).addIncludes(["datafileFormat"]).setOrder([["name", "DESC"]]).setLimit([5, 5]);
    expect(String(q)).toBe("SELECT o FROM Datafile o WHERE o.name = 'a' ORDER BY o.name INCLUDE o.dataset LIMIT 0, 5");
    expect(String(clone)).toBe(
      "SELECT o FROM Datafile o WHERE o.name = 'a' AND o.name <> 'b' ORDER BY o.name DESC INCLUDE o.datafileFormat, o.dataset LIMIT 5, 5",
    );
  });
});

describe("warnings", () => {
  it("go to onWarning as they are raised and are kept for the current order", () => {
    const seen: QueryWarning[] = [];
    const q = new Query("Datafile", { order: ["datafileFormat.name", "dataset.investigation.investigationUsers.role"], onWarning: (w) => seen.push(w) });
    expect(seen.map((w) => [w.kind, w.path])).toEqual([
      ["nullable-order", "datafileFormat"],
      ["one-to-many-order", "dataset.investigation.investigationUsers"],
    ]);
    expect(q.warnings).toEqual(seen);
    expect(seen[0]?.message).toBe(
      "Ordering by the nullable relation 'datafileFormat' joins it with an inner JOIN, which drops every row where it is null " +
        "(as if 'datafileFormat IS NOT NULL' were a condition). Add a condition on 'datafileFormat' or a join spec for it " +
        "(e.g. LEFT JOIN) to say what you want.",
    );
    q.setOrder(["name"]);
    expect(q.warnings).toEqual([]);
    expect(seen).toHaveLength(2);
    expect(q.copy().setOrder(["datafileFormat.name"]).warnings).toHaveLength(1);
    expect(seen).toHaveLength(3);
  });

  it("are raised once per relation even when several items go through it", () => {
    const q = new Query("Investigation", { order: ["investigationUsers.role", "investigationUsers.user.name"] });
    expect(q.warnings.map((w) => w.path)).toEqual(["investigationUsers"]);
  });
});

describe("paging support", () => {
  it("tells whether there is an ORDER BY and adds one by id", () => {
    const q = new Query("Datafile", { conditions: { name: "LIKE 'e%'" } });
    expect(q.hasOrder).toBe(false);
    const ordered = q.withOrderById();
    expect(ordered.hasOrder).toBe(true);
    expect(String(ordered)).toBe("SELECT o FROM Datafile o WHERE o.name LIKE 'e%' ORDER BY o.id");
    expect(String(q)).toBe("SELECT o FROM Datafile o WHERE o.name LIKE 'e%'");
    // python-icat renders order=["name", "id"] as "ORDER BY o.name, o.id"
    expect(String(new Query("Datafile", { order: ["name"] }).withOrderById())).toBe("SELECT o FROM Datafile o ORDER BY o.name, o.id");
    expect(String(new Query("Datafile", { order: [["id", "DESC"]] }).withOrderById())).toBe("SELECT o FROM Datafile o ORDER BY o.id DESC");
    expect(ROOT_VARIABLE).toBe("o");
  });

  it("renders a chunk with LIMIT appended, as python-icat's searchChunked sends it", () => {
    const q = new Query("Datafile", { order: [["dataset", "DESC"]], includes: ["dataset"] });
    // python-icat searchChunked (icat/client.py:589-593) appends " LIMIT skip, n" to str(query)
    expect(q.toStringWithLimit(0, 100)).toBe(
      "SELECT o FROM Datafile o JOIN o.dataset AS ds JOIN ds.investigation AS i JOIN i.facility AS s1 ORDER BY s1.name DESC, i.name DESC, i.visitId DESC, ds.name DESC INCLUDE o.dataset LIMIT 0, 100",
    );
    expect(q.hasLimit).toBe(false);
    expect(String(q)).not.toContain("LIMIT");
  });

  it("refuses to add a second LIMIT or a bad one", () => {
    const q = new Query("Datafile", { limit: [0, 10] });
    expect(q.hasLimit).toBe(true);
    expect(() => q.toStringWithLimit(0, 100)).toThrow(/already has LIMIT 0, 10/);
    expect(() => new Query("Datafile").toStringWithLimit(-1, 100)).toThrow(QueryError);
  });
});
