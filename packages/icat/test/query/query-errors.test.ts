// The errors python-icat raises while building a query (icat/query.py, icat/entity.py
// getAttrInfo, icat/client.py getEntityClass), as typed QueryErrors with a reason.
import { isCatkitError } from "@catkit/core";
import { describe, expect, it } from "vitest";
import { Query, QueryError, type JoinSpec, type QueryErrorReason } from "../../src/query/index.js";

// Untyped on purpose: these are the mistakes the compiler catches, made by JavaScript callers or
// with dynamic strings, which the run time must catch too.
const UntypedQuery = Query as unknown as new (entity: string, options: object) => unknown;

function attempt(entity: string, options: object): QueryError {
  try {
    new UntypedQuery(entity, options);
  } catch (err) {
    if (err instanceof QueryError) return err;
    throw err;
  }
  throw new Error("no error");
}

describe("QueryError", () => {
  it.each<[string, string, Record<string, unknown>, QueryErrorReason, string]>([
    ["unknown entity", "Dataste", {}, "unknown-entity", "'Dataste' is not an ICAT entity. Did you mean 'Dataset'?"],
    ["wrong case", "dataset", {}, "unknown-entity", "'dataset' is not an ICAT entity. Did you mean 'Dataset'?"],
    ["unknown field", "Dataset", { attributes: "nmae" }, "unknown-attribute", "Dataset has no field 'nmae'. Did you mean 'name'?"],
    [
      "unknown field deep in a path",
      "Dataset",
      { conditions: { "investigation.nmae": "= 'x'" } },
      "unknown-attribute",
      "Investigation has no field 'nmae' (path 'investigation.nmae' of Dataset). Did you mean 'name'?",
    ],
    [
      "no close match lists the fields",
      "Facility",
      { attributes: "zzzzzz" },
      "unknown-attribute",
      "Facility has no field 'zzzzzz'. Its fields are: id, createId, createTime, modId, modTime,",
    ],
    [
      "path after an attribute",
      "Dataset",
      { order: ["name.length"] },
      "invalid-path",
      "Path 'name.length' of Dataset goes on after the attribute 'name'; only relations can be followed.",
    ],
    ["empty component", "Dataset", { attributes: "investigation..name" }, "invalid-path", "has an empty component"],
    ["malformed function", "Dataset", { order: ["UPPER(name"] }, "invalid-path", "'UPPER(name' is neither a dotted path"],
    ["unknown function", "Dataset", { conditions: { "FOO(name)": "= 'x'" } }, "invalid-path", "FOO is not a JPQL function of one argument"],
    ["bad aggregate", "Dataset", { aggregate: "MEDIAN" }, "invalid-aggregate", "'MEDIAN' is not an aggregate function; use one of DISTINCT,"],
    ["include an attribute", "Dataset", { includes: ["name"] }, "not-a-relation", "Dataset.name is an attribute, not a related object, so it cannot be included."],
    ["join spec on an attribute", "Dataset", { joinSpecs: { name: "JOIN" } }, "not-a-relation", "so it cannot be given a join spec"],
    ["bad join spec", "Dataset", { joinSpecs: { investigation: "OUTER JOIN" } }, "invalid-join-spec", "'OUTER JOIN' (for 'investigation') is not a join spec"],
    ["bad direction", "Dataset", { order: [["name", "UP"]] }, "invalid-order", 'Invalid order item ["name","UP"]'],
    ["order twice", "Dataset", { order: ["name", "name"] }, "invalid-order", "Cannot order by 'name' more than once."],
    [
      "order twice through a relation",
      "Dataset",
      { order: ["investigation.facility.name", "investigation"] },
      "invalid-order",
      "Cannot order by 'investigation.facility.name' more than once.",
    ],
    ["function on a relation", "Dataset", { order: ["UPPER(investigation)"] }, "invalid-order", "Cannot apply the JPQL function UPPER to the related object 'investigation'"],
    ["limit of three", "Dataset", { limit: [0, 1, 2] }, "invalid-limit", "limit must be [skip, count], two non-negative integers; got [0,1,2]."],
    ["negative limit", "Dataset", { limit: [-1, 10] }, "invalid-limit", "two non-negative integers"],
    ["fractional limit", "Dataset", { limit: [0, 2.5] }, "invalid-limit", "two non-negative integers"],
    ["empty condition list", "Dataset", { conditions: { name: [] } }, "invalid-condition", "The conditions on 'name' are an empty list; give at least one."],
    ["condition not a string", "Dataset", { conditions: { name: 5 } }, "invalid-path", "The conditions on 'name' must be a string or a list of strings."],
    ["SUM of a string", "Datafile", { attributes: "name", aggregate: "SUM" }, "aggregate-mismatch", "Aggregate SUM needs a numeric attribute (Integer, Long, Double), not name (String)."],
    ["MAX of objects", "Datafile", { aggregate: "MAX" }, "aggregate-mismatch", "Aggregate MAX needs a number, string or date attribute, not Datafile objects."],
    ["AVG of a relation", "Datafile", { attributes: "dataset", aggregate: "AVG:DISTINCT" }, "aggregate-mismatch", "not dataset."],
    ["MIN of a boolean", "Dataset", { attributes: "complete", aggregate: "MIN" }, "aggregate-mismatch", "not complete (Boolean)."],
    ["COUNT of two attributes", "Datafile", { attributes: ["name", "fileSize"], aggregate: "COUNT" }, "aggregate-mismatch", "only DISTINCT can"],
  ])("%s", (_name, entity, options, reason, message) => {
    const err = attempt(entity, options);
    expect(err.reason).toBe(reason);
    expect(err.message).toContain(message);
    expect(err.code).toBe("ICAT_QUERY");
    expect(isCatkitError(err)).toBe(true);
    expect(err.toJSON()).toMatchObject({ name: "QueryError", code: "ICAT_QUERY", reason });
  });

  it("rejects changes through the mutators and leaves the query as it was", () => {
    const q = new Query("Datafile", { attributes: "fileSize", aggregate: "SUM" });
    const before = String(q);
    expect(() => q.setAttributes("name")).toThrow(/SUM needs a numeric attribute/);
    expect(() => q.setAggregate("MEDIAN" as "MIN")).toThrow(QueryError);
    expect(() => q.setLimit([1] as unknown as [number, number])).toThrow(QueryError);
    const joinSpecs: Record<string, JoinSpec> = { dataset: "LEFT JOIN", name: "JOIN" };
    expect(() => q.setJoinSpecs(joinSpecs)).toThrow(QueryError);
    expect(() => q.setOrder(["name", "nmae"] as string[])).toThrow(QueryError);
    expect(() => q.addIncludes(["dataset", "name"] as string[])).toThrow(QueryError);
    expect(String(q)).toBe(before);
    expect(String(q)).toBe("SELECT SUM(o.fileSize) FROM Datafile o");
  });
});
