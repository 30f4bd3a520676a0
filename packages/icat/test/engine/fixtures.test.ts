import { describe, expect, it } from "vitest";
import { FixtureError, IcatEngine, tutorialFixture, type IcatFixture } from "../../src/testing/engine/index.js";
import { NOW } from "./helpers.js";

const base: IcatFixture["entities"] = {
  Facility: [{ $key: "f", name: "F" }],
  InvestigationType: [{ $key: "t", name: "T", facility: "f" }],
};

function loadError(entities: IcatFixture["entities"]): FixtureError {
  const engine = new IcatEngine({ clock: () => NOW });
  try {
    engine.load({ entities });
  } catch (e) {
    if (e instanceof FixtureError) {
      expect(engine.search("db/root", "SELECT COUNT(f) FROM Facility f")).toEqual([0]);
      return e;
    }
    throw e;
  }
  throw new Error("expected a FixtureError");
}

describe("fixtures", () => {
  it("load the tutorial world of python-icat", () => {
    const engine = new IcatEngine({ clock: () => NOW, fixture: tutorialFixture });
    expect(engine.search("db/root", "SELECT i.name, i.visitId, i.facility.name FROM Investigation i WHERE i.name = '12100409-ST'")).toEqual([["12100409-ST", "1.1-P", "ESNF"]]);
    expect(engine.search("db/root", "SELECT iu.user.name FROM InvestigationUser iu WHERE iu.investigation.name = '12100409-ST' ORDER BY iu.user.name")).toEqual(["db/jdoe", "db/nbour", "db/rbeck"]);
    expect(engine.search("db/root", "SELECT f.name, f.version FROM DatafileFormat f WHERE f.name = 'Text'")).toEqual([["Text", "1"]]);
    expect(engine.search("db/root", "SELECT t.name FROM DatasetType t WHERE t.name = 'other'")).toEqual(["other"]);
    expect(engine.search("db/root", "SELECT u.name FROM User u WHERE u.name = 'db/root'")).toEqual(["db/root"]);
  });

  it("load from plain JSON, with explicit ids, dates and meta fields", () => {
    const engine = new IcatEngine({ clock: () => NOW });
    const json = JSON.stringify({
      defaults: { createId: "db/loader", createTime: "2020-01-01T00:00:00.000Z" },
      entities: {
        Facility: [{ $key: "f", id: 100, name: "F", createId: "db/other" }],
        FacilityCycle: [{ name: "c", facility: 100, startDate: "2020-02-01T00:00:00.000+01:00" }],
      },
    });
    const keys = engine.load(JSON.parse(json) as IcatFixture);
    expect(keys.get("f")).toBe(100);
    expect(engine.get("db/root", "Facility", 100)).toMatchObject({ Facility: { createId: "db/other", modId: "db/other", createTime: "2020-01-01T00:00:00.000Z" } });
    expect(engine.search("db/root", "SELECT c.startDate, c.createId FROM FacilityCycle c")).toEqual([["2020-01-31T23:00:00.000Z", "db/loader"]]);
    const [next] = engine.write("db/root", { Facility: { name: "G" } });
    expect(next).toBeGreaterThan(100);
  });

  it.each([
    [{ Dataste: [{}] }, "Fixture Dataste: Dataste is not an ICAT entity"],
    [{ ...base, Facility: [{ $key: "f", name: "F", nmae: "x" }] }, "Fixture Facility[0].nmae: Facility has no field nmae"],
    [{ ...base, Facility: [{ $key: "f", name: 5 }] }, "Fixture Facility[0].name: expected a string for String, got 5"],
    [{ ...base, InvestigationType: [{ name: "T", facility: "nope" }] }, 'Fixture InvestigationType[0].facility: no Facility with key or id "nope"'],
    [{ ...base, InvestigationType: [{ $key: "t", name: "T", facility: "t" }] }, 'Fixture InvestigationType[0].facility: "t" is a InvestigationType, not a Facility'],
    [{ ...base, InvestigationType: [{ name: "T" }] }, "Fixture InvestigationType[0].facility: InvestigationType.facility cannot be null"],
    [{ Facility: [{ name: "F" }, { name: "F" }] }, "Fixture Facility[0]: another Facility has the same name"],
    [{ Facility: [{ $key: "f", name: "F" }, { $key: "f", name: "G" }] }, "Fixture Facility[1].$key: the key f is used twice"],
    [{ Facility: [{ name: "F", investigations: "x" }] }, "Fixture Facility[0].investigations: one-to-many fields are not listed"],
    [{ ...base, FacilityCycle: [{ name: "c", facility: "f", startDate: "2020-01-01" }] }, "Fixture FacilityCycle[0].startDate: Badly formatted date"],
    [{ Facility: [{ id: 3, name: "F" }, { id: 3, name: "G" }] }, "Fixture Facility[1].id: Facility 3 already exists"],
  ] as [IcatFixture["entities"], string][])("reject %j", (entities, message) => {
    expect(loadError(entities).message).toContain(message);
  });
});
