import { describe, expect, it } from "vitest";
import { createDefaultPolicy, IcatEngine, MEMBER_WRITABLE, PUBLIC_ENTITIES, tutorialFixture } from "../../src/testing/engine/index.js";
import { errorOf, NOW, tutorialEngine } from "./helpers.js";

describe("default policy: reading", () => {
  const { engine } = tutorialEngine();
  const datasets = (user: string): unknown[] => engine.search(user, "SELECT ds.name FROM Dataset ds ORDER BY ds.name");

  it("lets root users see everything", () => {
    expect(datasets("db/root")).toEqual(["e201215", "e201216", "e208339"]);
    expect(engine.search("db/root", "SELECT COUNT(r) FROM Rule r")).toEqual([0]);
  });

  it("shows investigation members what is under their investigations", () => {
    for (const user of ["db/nbour", "db/jdoe", "db/rbeck"]) expect(datasets(user)).toEqual(["e201215", "e201216"]);
    expect(datasets("db/ahau")).toEqual(["e208339"]);
    expect(engine.search("db/jdoe", "SELECT COUNT(df) FROM Datafile df")).toEqual([3]);
    expect(engine.search("db/jdoe", "SELECT COUNT(p) FROM DatafileParameter p")).toEqual([1]);
    expect(engine.search("db/jdoe", "SELECT COUNT(iu) FROM InvestigationUser iu")).toEqual([3]);
    // FromClause.java checks the entity owning the selected value: here the (public) User.
    expect(engine.search("db/jdoe", "SELECT iu.user.name FROM InvestigationUser iu ORDER BY iu.user.name")).toEqual(["db/ahau", "db/jdoe", "db/nbour", "db/rbeck"]);
  });

  it("shows strangers nothing of investigations: [] for rows, [0] for COUNT", () => {
    expect(datasets("db/nobody")).toEqual([]);
    expect(engine.search("db/nobody", "SELECT COUNT(ds) FROM Dataset ds")).toEqual([0]);
  });

  it("gives everyone the reference tables", () => {
    expect(engine.search("db/nobody", "SELECT f.name FROM Facility f")).toEqual(["ESNF"]);
    expect(engine.search("db/nobody", "SELECT t.name FROM DatasetType t WHERE t.name = 'other'")).toEqual(["other"]);
    expect(engine.search("db/nobody", "SELECT COUNT(u) FROM User u")).toEqual([6]);
  });

  it("answers tables nobody granted with icat.server's no-authorization result", () => {
    expect(engine.search("db/nbour", "SELECT g FROM Grouping g")).toEqual([]);
    expect(engine.search("db/nbour", "SELECT COUNT(s) FROM Study s")).toEqual([0]);
    expect(engine.search("db/nbour", "SELECT COUNT(s), MAX(s.id) FROM Study s")).toEqual([]);
  });

  it("filters on the selected entities only, as SearchQuery.getJPQL does", () => {
    expect(engine.search("db/nbour", "SELECT ds.investigation.name FROM Dataset ds")).toEqual(["12100409-ST", "12100409-ST"]);
    // WHERE may look at objects the user cannot read; only the selected User is checked.
    expect(engine.search("db/nbour", "SELECT u.name FROM User u JOIN u.investigationUsers iu WHERE iu.investigation.name = '10100601-ST'")).toEqual(["db/ahau"]);
    expect(engine.search("db/nbour", "SELECT i.name FROM Dataset ds JOIN ds.investigation i WHERE ds.name = 'e208339'")).toEqual([]);
  });
});

describe("default policy: writing", () => {
  it("lets members create, update and delete data in their investigations only", () => {
    const { engine, id } = tutorialEngine();
    const dataset = (inv: string): object => ({ Dataset: { name: "new", complete: false, investigation: { id: id(inv) }, type: { id: id("raw") } } });
    expect(engine.write("db/nbour", dataset("inv1"))).toHaveLength(1);
    expect(errorOf(() => engine.write("db/nbour", dataset("inv2")))).toEqual({
      code: "INSUFFICIENT_PRIVILEGES",
      message: "CREATE access to this Dataset is not allowed.",
      offset: 0,
    });
    expect(errorOf(() => engine.write("db/ahau", { Dataset: { id: id("e201215"), description: "mine" } })).message).toBe(
      "UPDATE access to this Dataset is not allowed.",
    );
    expect(errorOf(() => engine.write("db/nbour", { Investigation: { id: id("inv1"), title: "new" } })).message).toBe(
      "UPDATE access to this Investigation is not allowed.",
    );
    expect(errorOf(() => engine.write("db/nbour", { Facility: { name: "mine" } })).message).toBe("CREATE access to this Facility is not allowed.");
  });

  it("checks children created in cascade too", () => {
    const { engine, id } = tutorialEngine();
    expect(errorOf(() => engine.write("db/nbour", { Dataset: { id: id("e201216"), parameters: [{ type: { id: id("field") }, numericValue: 1 }] } }))).toEqual(
      expect.objectContaining({ code: "OBJECT_ALREADY_EXISTS" }) as unknown,
    );
    expect(engine.write("db/nbour", { Dataset: { id: id("e201216"), parameters: [{ type: { id: id("comment") }, stringValue: "ok" }] } })).toEqual([]);
  });

  it("lets users keep data collections they create and fill them with their own data", () => {
    const { engine, id } = tutorialEngine();
    const [dc] = engine.write("db/jdoe", { DataCollection: { doi: "10.5072/dc", dataCollectionDatasets: [{ dataset: { id: id("e201215") } }] } });
    expect(engine.search("db/jdoe", "SELECT dc.doi FROM DataCollection dc")).toEqual(["10.5072/dc"]);
    expect(engine.search("db/nbour", "SELECT COUNT(dc) FROM DataCollection dc")).toEqual([1]);
    expect(engine.search("db/ahau", "SELECT COUNT(dc) FROM DataCollection dc")).toEqual([0]);
    expect(errorOf(() => engine.write("db/jdoe", { DataCollectionDataset: { dataCollection: { id: dc }, dataset: { id: id("e208339") } } })).message).toBe(
      "CREATE access to this DataCollectionDataset is not allowed.",
    );
  });

  it("exposes its tables and can be replaced", () => {
    expect(PUBLIC_ENTITIES.has("User")).toBe(true);
    expect(MEMBER_WRITABLE.has("Investigation")).toBe(false);
    const engine = new IcatEngine({ clock: () => NOW, fixture: tutorialFixture, policy: createDefaultPolicy({ rootUserNames: ["db/nbour"] }) });
    expect(engine.search("db/nbour", "SELECT COUNT(ds) FROM Dataset ds")).toEqual([3]);
    expect(engine.search("db/root", "SELECT COUNT(ds) FROM Dataset ds")).toEqual([0]);
  });
});
