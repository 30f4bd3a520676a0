import { describe, expect, it } from "vitest";
import { IcatEngine, type AuthorizationPolicy } from "../../src/testing/engine/index.js";
import { errorOf, NOW, tutorialEngine } from "./helpers.js";

const count = (engine: IcatEngine, entity: string): unknown => engine.search("db/root", `SELECT COUNT(x) FROM ${entity} x`)[0];

// Cases and messages from icat.server TestRS.java testWriteBad / authzForUpdate.
describe("write: errors as icat.server reports them", () => {
  it("rejects JSON that does not parse, at offset 0", () => {
    const { engine } = tutorialEngine();
    const e = errorOf(() => engine.write("db/root", "rubbish"));
    expect(e.code).toBe("BAD_PARAMETER");
    expect(e.message).toMatch(/ in json rubbish$/);
    expect(e.offset).toBe(0);
  });

  it("reports a missing NOT NULL field with the offset of its element, keeping nothing", () => {
    const { engine } = tutorialEngine();
    const before = count(engine, "Facility");
    expect(errorOf(() => engine.write("db/root", [{ Facility: { name: "Woderwick" } }, { Facility: {} }]))).toEqual({
      code: "VALIDATION",
      message: "Facility: name cannot be null.",
      offset: 1,
    });
    expect(count(engine, "Facility")).toBe(before);
  });

  it("reports clashes with stored objects and within the call", () => {
    const { engine } = tutorialEngine();
    engine.write("db/root", [{ Facility: { name: "Woderwick" } }]);
    expect(errorOf(() => engine.write("db/root", [{ Facility: { name: "Woderwick" } }]))).toEqual({
      code: "OBJECT_ALREADY_EXISTS",
      message: "Facility exists with name = 'Woderwick'",
      offset: 0,
    });
    expect(errorOf(() => engine.write("db/root", [{ Facility: { name: "Gargantua" } }, { Facility: { name: "Gargantua" } }]))).toEqual({
      code: "OBJECT_ALREADY_EXISTS",
      message: "Facility exists with name = 'Gargantua'",
      offset: 1,
    });
    const e = errorOf(() =>
      engine.write("db/root", [{ Facility: { name: "Pinot Grigio", investigationTypes: ["a", "b", "c", "c", "d"].map((name) => ({ name })) } }]),
    );
    expect(e.message.substring(0, 57)).toBe("InvestigationType exists with name = 'c', facility = 'id:");
    expect(e.offset).toBe(0);
  });

  it("names a stored object in a relation as Type:id", () => {
    const { engine, id } = tutorialEngine();
    expect(errorOf(() => engine.write("db/root", { Keyword: { name: "NiO", investigation: { id: id("inv1") } } })).message).toBe(
      `Keyword exists with name = 'NiO', investigation = 'Investigation:${id("inv1")}'`,
    );
  });

  it.each([
    [{ Datafile: [{ name: "df3" }] }, "BAD_PARAMETER", "Unexpected array found in JSON [{"],
    [{ Dataset: { name: "x" }, Datafile: { name: "y" } }, "BAD_PARAMETER", "Entity must have one keyword followed by its values in json {"],
    [{ Dataste: { name: "x" } }, "BAD_PARAMETER", "Dataste is not an ICAT entity"],
    [{ Dataset: { nmae: "x" } }, "BAD_PARAMETER", "Field nmae not found in Dataset"],
    [{ Dataset: { startDate: "2001-01-01T17:59:00Z" } }, "BAD_PARAMETER", 'Badly formatted date "2001-01-01T17:59:00Z"'],
    [{ Dataset: { startDate: 5 } }, "BAD_PARAMETER", "Badly formatted date 5"],
    [{ Dataset: { complete: "yes" } }, "BAD_PARAMETER", "Field complete must be true or false in Dataset"],
    [{ ParameterType: { valueType: "TEXT" } }, "BAD_PARAMETER", "Field valueType must be in [DATE_AND_TIME, NUMERIC, STRING] for ParameterType"],
    [{ Study: { name: "s", status: "NEW" } }, "BAD_PARAMETER", 'Badly formatted relationship object "NEW"'],
    [{ Dataset: { investigation: 5 } }, "BAD_PARAMETER", "Badly formatted relationship object 5"],
    [{ Dataset: { investigation: { name: "x" } } }, "BAD_PARAMETER", 'One to many related objects should not have the id value set: {"name":"x"}'],
    [{ Dataset: { datafiles: [{ id: 5, name: "x" }] } }, "BAD_PARAMETER", 'Many to one related objects should have the id value set: {"id":5,"name":"x"}'],
    [{ Dataset: { investigation: { id: 999999 } } }, "NO_SUCH_OBJECT_FOUND", "Investigation[id:999999] not found."],
    [{ Dataset: { id: 999999, name: "x" } }, "NO_SUCH_OBJECT_FOUND", "Dataset[id:999999] not found."],
    [{ Dataset: { id: "x" } }, "BAD_PARAMETER", 'Badly formatted id: "x"'],
    [{ Facility: { name: "x", daysUntilRelease: 1.5 } }, "INTERNAL", "integral"],
    [{ Facility: { name: 7 } }, "INTERNAL", "Expected a JSON string for field name of Facility"],
    [{ Facility: { name: "x", createId: "me" } }, "INTERNAL", "Field createId of Facility is maintained by ICAT"],
  ])("%j → %s", (entities, code, message) => {
    const { engine } = tutorialEngine();
    const e = errorOf(() => engine.write("db/root", entities));
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
    expect(e.offset).toBe(0);
  });

  it("checks string lengths against the column size", () => {
    const { engine, id } = tutorialEngine();
    expect(errorOf(() => engine.write("db/root", { Dataset: { id: id("e201215"), location: "x".repeat(512) } })).message).toBe(
      "Dataset: location cannot have length > 511",
    );
    expect(engine.write("db/root", { Dataset: { id: id("e201215"), location: "x".repeat(511) } })).toEqual([]);
  });

  it("checks parameters against enforced parameter types", () => {
    const { engine, id } = tutorialEngine();
    expect(errorOf(() => engine.write("db/root", { SampleParameter: { sample: { id: id("sample1") }, type: { id: id("temperature") }, numericValue: -5 } })).message).toBe(
      "Parameter of type Sample temperature has value -5.0 < 0.0",
    );
    expect(errorOf(() => engine.write("db/root", { InvestigationParameter: { investigation: { id: id("inv2") }, type: { id: id("probe") }, stringValue: "electron" } })).message).toBe(
      "Parameter of type Probe has value electron not in allowed set [photon, neutron]",
    );
    expect(errorOf(() => engine.write("db/root", { DatasetParameter: { dataset: { id: id("e208339") }, numericValue: 1 } }))).toMatchObject({
      code: "VALIDATION",
      message: "Type of parameter is not set",
    });
  });
});

describe("write: creates and updates", () => {
  it("creates with cascaded children and returns only top-level ids", () => {
    const { engine, id } = tutorialEngine();
    const ids = engine.write("db/nbour", [
      {
        Dataset: {
          name: "greetings", complete: false, investigation: { id: id("inv1") }, type: { id: id("other") },
          datafiles: [{ name: "greet-jdoe.txt", dataset: { id: id("e208339") } }, { name: "greet-nbour.txt" }],
        },
      },
      { Sample: { name: "greeting sample", investigation: { id: id("inv1") } } },
    ]);
    expect(ids).toHaveLength(2);
    const [ds] = engine.search("db/root", `SELECT ds FROM Dataset ds WHERE ds.id = ${ids[0]} INCLUDE ds.datafiles`) as { Dataset: { createId: string; datafiles: { name: string }[] } }[];
    expect(ds?.Dataset.createId).toBe("db/nbour");
    expect(ds?.Dataset.datafiles.map((d) => d.name)).toEqual(["greet-jdoe.txt", "greet-nbour.txt"]);
    // the child's own "dataset" is overridden by its parent (EntityBaseBean.preparePersist)
    expect(engine.search("db/root", "SELECT COUNT(df) FROM Datafile df WHERE df.dataset.name = 'e208339'")).toEqual([1]);
  });

  it("applies Java defaults: fileSize 0, booleans false", () => {
    const { engine, id } = tutorialEngine();
    const [pt] = engine.write("db/root", { ParameterType: { name: "p", units: "u", valueType: "numeric", facility: { id: id("esnf") } } });
    expect(engine.get("db/root", "ParameterType", pt as number)).toMatchObject({
      ParameterType: { valueType: "NUMERIC", enforced: false, verified: false, applicableToDataset: false },
    });
  });

  it("patches only the given fields, clears with null and returns []", () => {
    const later = new Date("2024-02-01T00:00:00.000Z");
    let now = NOW;
    const { engine, id } = tutorialEngine({ clock: () => now });
    now = later;
    expect(engine.write("db/jdoe", { Dataset: { id: id("e201215"), description: "new", endDate: null } })).toEqual([]);
    const got = engine.get("db/root", "Dataset", id("e201215")) as { Dataset: Record<string, unknown> };
    expect(got.Dataset).toMatchObject({ name: "e201215", description: "new", modId: "db/jdoe", modTime: "2024-02-01T00:00:00.000Z", createTime: "2023-06-28T12:00:00.000Z" });
    expect(got.Dataset.endDate).toBeUndefined();
  });

  it("adds children to an existing object (TestRS testBug2)", () => {
    const { engine, id } = tutorialEngine();
    expect(engine.write("db/root", { Dataset: { id: id("e208339"), datafiles: [{ name: "df33", location: "everywhere" }] } })).toEqual([]);
    expect(engine.search("db/root", "SELECT df.location FROM Datafile df WHERE df.name = 'df33'")).toEqual(["everywhere"]);
  });

  it("refuses to null a NOT NULL relation (TestRS authzForUpdate)", () => {
    const { engine, id } = tutorialEngine();
    expect(errorOf(() => engine.write("db/root", { Investigation: { id: id("inv1"), doi: "very new DOI", type: null } }))).toEqual({
      code: "VALIDATION",
      message: "Investigation: type cannot be null.",
      offset: 0,
    });
  });

  it("stamps objects referenced by a write, as icat.server's writeOne does", () => {
    let now = NOW;
    const { engine, id } = tutorialEngine({ clock: () => now });
    now = new Date("2024-03-01T00:00:00.000Z");
    engine.write("db/nbour", { Dataset: { name: "x", investigation: { id: id("inv1") }, type: { id: id("raw") } } });
    expect(engine.get("db/root", "Investigation", id("inv1"))).toMatchObject({ Investigation: { modId: "db/nbour", modTime: "2024-03-01T00:00:00.000Z" } });
  });

  it("rolls back everything on error, keeping the id sequence moving", () => {
    const { engine } = tutorialEngine();
    const [first] = engine.write("db/root", { Facility: { name: "A" } });
    errorOf(() => engine.write("db/root", [{ Facility: { name: "B" } }, { Facility: { name: "A" } }]));
    expect(engine.search("db/root", "SELECT f.name FROM Facility f WHERE f.name IN ('A', 'B')")).toEqual(["A"]);
    const [next] = engine.write("db/root", { Facility: { name: "C" } });
    expect(next).toBeGreaterThan((first as number) + 1);
  });

  it("treats a change of an identifying relation as delete plus create", () => {
    const { engine, id } = tutorialEngine();
    // db/jdoe may change datasets of 12100409-ST but not create them in 10100601-ST
    expect(errorOf(() => engine.write("db/jdoe", { Dataset: { id: id("e201216"), investigation: { id: id("inv2") } } }))).toEqual({
      code: "INSUFFICIENT_PRIVILEGES",
      message: "CREATE access to this Dataset is not allowed.",
      offset: 0,
    });
    const noDelete: AuthorizationPolicy = { readScope: () => "all", mayWrite: (_u, access) => access !== "DELETE" };
    const strict = new IcatEngine({ policy: noDelete, clock: () => NOW });
    const ids = strict.load({ entities: { Facility: [{ $key: "f", name: "F" }], InvestigationType: [{ $key: "t", name: "T", facility: "f" }, { $key: "u", name: "U", facility: "f" }], Investigation: [{ $key: "i", name: "I", visitId: "v", title: "t", facility: "f", type: "t" }] } });
    expect(errorOf(() => strict.write("anyone", { Investigation: { id: ids.get("i"), facility: { id: ids.get("f") } } })).message).toBe(
      "DELETE access implied by UPDATE to this Investigation is not allowed.",
    );
    expect(strict.write("anyone", { Investigation: { id: ids.get("i"), type: { id: ids.get("u") } } })).toEqual([]);
  });

  it("registers datafiles for IDS through the normal write rules", () => {
    const { engine, id } = tutorialEngine();
    const dfId = engine.registerDatafile("db/nbour", {
      name: "greet-jdoe.txt", datasetId: id("e201216"), datafileFormatId: id("text"), location: "3/10/7f7800f4",
      fileSize: 12, checksum: "bef32c73", datafileCreateTime: new Date("2023-06-28T12:11:52.000Z"),
    });
    expect(engine.get("db/nbour", "Datafile INCLUDE 1", dfId)).toMatchObject({
      Datafile: { name: "greet-jdoe.txt", fileSize: 12, checksum: "bef32c73", location: "3/10/7f7800f4", datafileCreateTime: "2023-06-28T12:11:52.000Z", createId: "db/nbour", datafileFormat: { name: "Text", version: "1" } },
    });
    expect(errorOf(() => engine.registerDatafile("db/ahau", { name: "x", datasetId: id("e201216"), datafileFormatId: id("text"), location: "l", fileSize: 1, checksum: "1" })).code).toBe("INSUFFICIENT_PRIVILEGES");
  });
});
