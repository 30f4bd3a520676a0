import { describe, expect, it } from "vitest";
import { errorOf, tutorialEngine } from "./helpers.js";

describe("delete", () => {
  it("deletes an object and everything below it in cascade", () => {
    const { engine, id } = tutorialEngine();
    engine.delete("db/root", `{"Investigation":{"id":${id("inv1")}}}`);
    for (const [entity, left] of [["Investigation", 1], ["Dataset", 1], ["Datafile", 1], ["DatasetParameter", 0], ["DatafileParameter", 0], ["Sample", 0], ["Keyword", 0], ["InvestigationUser", 1]] as const) {
      expect(engine.search("db/root", `SELECT COUNT(x) FROM ${entity} x`), entity).toEqual([left]);
    }
    expect(engine.search("db/root", "SELECT COUNT(u) FROM User u")).toEqual([6]);
  });

  it("follows every one-to-many, so deleting a sample deletes its datasets", () => {
    const { engine, id } = tutorialEngine();
    engine.delete("db/root", [{ Sample: { id: id("sample1") } }]);
    expect(engine.search("db/root", "SELECT ds.name FROM Dataset ds")).toEqual(["e208339"]);
  });

  it("is one transaction with the offset of the failing element", () => {
    const { engine, id } = tutorialEngine();
    expect(errorOf(() => engine.delete("db/root", [{ Dataset: { id: id("e201215") } }, { Dataset: { id: 999999 } }]))).toEqual({
      code: "NO_SUCH_OBJECT_FOUND",
      message: "Dataset[id:999999] not found.",
      offset: 1,
    });
    expect(engine.search("db/root", "SELECT COUNT(ds) FROM Dataset ds")).toEqual([3]);
    expect(engine.search("db/root", "SELECT COUNT(df) FROM Datafile df")).toEqual([4]);
  });

  it("finds an object deleted earlier in the same call missing", () => {
    const { engine, id } = tutorialEngine();
    expect(errorOf(() => engine.delete("db/root", [{ Investigation: { id: id("inv1") } }, { Dataset: { id: id("e201215") } }]))).toMatchObject({
      code: "NO_SUCH_OBJECT_FOUND",
      offset: 1,
    });
  });

  it("checks DELETE access on every object it would remove", () => {
    const { engine, id } = tutorialEngine();
    expect(errorOf(() => engine.delete("db/ahau", { Dataset: { id: id("e201215") } }))).toEqual({
      code: "INSUFFICIENT_PRIVILEGES",
      message: "DELETE access to this Dataset is not allowed.",
      offset: 0,
    });
    expect(errorOf(() => engine.delete("db/nbour", { Investigation: { id: id("inv1") } })).message).toBe(
      "DELETE access to this Investigation is not allowed.",
    );
    engine.delete("db/nbour", { Dataset: { id: id("e201215") } });
    expect(engine.search("db/nbour", "SELECT ds.name FROM Dataset ds")).toEqual(["e201216"]);
  });

  it.each([
    ['{"Dataset":{"id":1,"name":"x"}}', { code: "BAD_PARAMETER", message: 'entity must have only the id value specified in json {"Dataset":{"id":1,"name":"x"}}', offset: 0 }],
    ['[{"Dataset":{"id":1}},{"Dataset":{}}]', { code: "BAD_PARAMETER", message: 'entity must have the id value specified in json {"Dataset":{}}', offset: 1 }],
    ['{"Dataset":{"id":1},"Datafile":{"id":2}}', { code: "BAD_PARAMETER", message: 'entity must have one keyword followed by its values in json {"Dataset":{"id":1},"Datafile":{"id":2}}', offset: 0 }],
    ['{"Dataste":{"id":1}}', { code: "BAD_PARAMETER", message: "Dataste is not an ICAT entity" }],
  ])("rejects %s", (json, error) => {
    const { engine } = tutorialEngine();
    expect(errorOf(() => engine.delete("db/root", json))).toEqual(error);
  });

  it("reports unparsable JSON without an offset", () => {
    const { engine } = tutorialEngine();
    const e = errorOf(() => engine.delete("db/root", "{"));
    expect(e.code).toBe("BAD_PARAMETER");
    expect(e.offset).toBeUndefined();
  });
});
