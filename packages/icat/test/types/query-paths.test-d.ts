// Compile-time checks of the query builder: every path in options and mutators is checked
// against the entity model, at any depth, with the reason in the error message.
import { describe, expectTypeOf, it } from "vitest";
import type { Dataset, User } from "../../src/model/index.js";
import { Query, type PathProblem, type ResolvePath, type ResolvedPath } from "../../src/query/index.js";

describe("Query paths are checked against the entity model", () => {
  it("types a query by its entity", () => {
    expectTypeOf(new Query("Dataset")).toEqualTypeOf<Query<"Dataset">>();
    expectTypeOf(new Query("Dataset").copy()).toEqualTypeOf<Query<"Dataset">>();
    expectTypeOf<Query<"Dataset">>().not.toEqualTypeOf<Query<"Datafile">>();
    // @ts-expect-error: not an entity name
    new Query("Dataste");
  });

  it("accepts valid paths in every option, at any depth", () => {
    const q = new Query("DatafileParameter", {
      attributes: ["datafile.dataset.investigation.name", "numericValue"],
      aggregate: "DISTINCT",
      conditions: {
        "datafile.dataset.investigation.investigationGroups.grouping.userGroups.user.name": "= :user",
        "UPPER(type.name)": ["LIKE 'T%'", "<> 'TEMP'"],
        "SIZE(datafile.parameters)": "> 2",
        modTime: "IS NOT NULL",
      },
      order: ["type", ["LENGTH(datafile.name)", "DESC"], ["datafile.dataset.name", "ASC"]],
      includes: ["datafile.dataset.investigation", "type.facility"],
      joinSpecs: { "datafile.dataset.investigation.investigationGroups": "LEFT JOIN" },
      limit: [0, 10],
      onWarning: (w) => expectTypeOf(w.kind).toEqualTypeOf<"nullable-order" | "one-to-many-order">(),
    });
    expectTypeOf(q).toEqualTypeOf<Query<"DatafileParameter", [string | null, number | null]>>();
    new Query("Investigation", { includes: "1", order: true });
    new Query("Investigation", { attributes: undefined, aggregate: undefined, order: undefined, conditions: undefined });
  });

  it("rejects a misspelt field in a condition", () => {
    // @ts-expect-error: Investigation has no field 'nmae'
    new Query("Dataset", { conditions: { "investigation.nmae": "= 'x'" } });
    // @ts-expect-error: deep paths are checked all the way down
    new Query("Dataset", { conditions: { "investigation.investigationUsers.user.nmae": "= 'x'" } });
    // @ts-expect-error: 'name' is an attribute, so nothing can follow it
    new Query("Dataset", { conditions: { "name.length": "= 'x'" } });
    // @ts-expect-error: FOO is not a JPQL function
    new Query("Dataset", { conditions: { "FOO(name)": "= 'x'" } });
  });

  it("rejects bad paths in attributes, order, includes and join specs", () => {
    // @ts-expect-error: no such attribute
    new Query("Dataset", { attributes: "nmae" });
    // @ts-expect-error: no such attribute in a list
    new Query("Dataset", { attributes: ["name", "type.nmae"] });
    // @ts-expect-error: no such attribute in the order
    new Query("Dataset", { order: ["investigation.titel"] });
    // @ts-expect-error: no such attribute in a directed order item
    new Query("Dataset", { order: [["nmae", "DESC"]] });
    // @ts-expect-error: a JPQL function cannot apply to a relation in the order
    new Query("Dataset", { order: ["UPPER(investigation)"] });
    // @ts-expect-error: not a direction
    new Query("Dataset", { order: [["name", "UP"]] });
    // @ts-expect-error: an attribute cannot be included
    new Query("Dataset", { includes: ["name"] });
    // @ts-expect-error: an attribute cannot have a join spec
    new Query("Dataset", { joinSpecs: { name: "LEFT JOIN" } });
    // @ts-expect-error: not a join spec
    new Query("Dataset", { joinSpecs: { investigation: "OUTER JOIN" } });
    // @ts-expect-error: not an option
    new Query("Dataset", { conditions: { name: "= 'x'" }, conditons: { name: "= 'x'" } });
    // @ts-expect-error: limit is a pair
    new Query("Dataset", { limit: [0, 10, 20] });
  });

  it("checks the aggregate against the attributes", () => {
    new Query("Datafile", { attributes: "fileSize", aggregate: "SUM:DISTINCT" });
    new Query("Datafile", { attributes: "datafileCreateTime", aggregate: "MIN" });
    new Query("Datafile", { attributes: "datafileFormat", aggregate: "COUNT:DISTINCT" });
    new Query("Datafile", { attributes: ["name", "fileSize"], aggregate: "DISTINCT" });
    // @ts-expect-error: SUM needs a number
    new Query("Datafile", { attributes: "name", aggregate: "SUM" });
    // @ts-expect-error: MAX of objects
    new Query("Datafile", { aggregate: "MAX" });
    // @ts-expect-error: AVG of a relation
    new Query("Datafile", { attributes: "dataset", aggregate: "AVG" });
    // @ts-expect-error: only DISTINCT applies to several attributes
    new Query("Datafile", { attributes: ["name", "fileSize"], aggregate: "COUNT" });
    // @ts-expect-error: not an aggregate
    new Query("Datafile", { aggregate: "MEDIAN" });
  });

  it("checks the paths given to mutators", () => {
    const q = new Query("Dataset");
    q.addConditions({ "investigation.facility.name": "= 'ESNF'" }).setOrder([["investigation.startDate", "DESC"]]);
    q.setAttributes(["investigation.name", "name"]).setIncludes(["datafiles.parameters.type"]).setJoinSpecs({ sample: "LEFT JOIN" });
    q.addIncludes("1").setOrder(true).setLimit([0, 5]).setAggregate("COUNT");
    // @ts-expect-error: Facility has no field 'nam'
    q.addConditions({ "investigation.facility.nam": "= 'x'" });
    // @ts-expect-error: no such attribute
    q.setAttributes("titel");
    // @ts-expect-error: an attribute is not a related object
    q.addIncludes(["investigation.name"]);
    // @ts-expect-error: no such relation
    q.setJoinSpecs({ samples: "LEFT JOIN" });
    // @ts-expect-error: no such attribute
    q.setOrder(["datafiles.nmae"]);
  });

  it("leaves non-literal paths to the run-time checks", () => {
    const dynamic: string = "investigation.name";
    new Query("Dataset", { conditions: { [dynamic]: "= 'x'" }, attributes: dynamic, order: [dynamic] });
  });

  it("explains what is wrong", () => {
    expectTypeOf<PathProblem<Dataset, "investigation.nmae">>().toEqualTypeOf<"✗ 'investigation.nmae': Investigation has no field 'nmae'">();
    expectTypeOf<PathProblem<Dataset, "name.x">>().toEqualTypeOf<"✗ 'name.x': 'name' of Dataset is an attribute, so nothing can follow it">();
    expectTypeOf<PathProblem<Dataset, "name", "relation">>().toEqualTypeOf<"✗ 'name' is an attribute, not a related object">();
    expectTypeOf<PathProblem<Dataset, "investigation.name">>().toBeNever();
    expectTypeOf<ResolvePath<Dataset, "investigation.startDate">>().toEqualTypeOf<ResolvedPath<Date | undefined, "attribute">>();
    expectTypeOf<ResolvePath<User, "userGroups">["kind"]>().toEqualTypeOf<"one-to-many">();
  });
});
