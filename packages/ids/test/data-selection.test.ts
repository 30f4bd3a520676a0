import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "@catkit/core";
import { DataSelection } from "../src/index.ts";

describe("DataSelection", () => {
  it("builds from id lists, entity objects (tagged and ICAT-wrapped) and other selections, deduplicated", () => {
    const sel = new DataSelection({ datasetIds: [7, "7", 7n], datafileIds: [12] })
      .extend([{ entityType: "Investigation", id: 3 }, { Datafile: { id: 12 } }, { Datafile: { id: "13" } }])
      .extend(new DataSelection({ investigationIds: [3, 4] }));
    expect(sel.investigationIds).toEqual([3, 4]);
    expect(sel.datasetIds).toEqual([7]);
    expect(sel.datafileIds).toEqual([12, 13]);
    expect(sel.size).toBe(5);
    expect(sel.toParams()).toEqual({ investigationIds: "3,4", datasetIds: "7", datafileIds: "12,13" });
    expect(String(sel)).toBe("DataSelection{investigationIds: [3, 4], datasetIds: [7], datafileIds: [12, 13]}");
  });

  it("reads the links of a DataCollection, as python-icat does", () => {
    const sel = new DataSelection([
      {
        entityType: "DataCollection",
        id: 99,
        dataCollectionDatasets: [{ dataset: { id: 7 } }, { dataset: null }],
        dataCollectionDatafiles: [{ datafile: { id: 12 } }],
        dataCollectionInvestigations: [{ investigation: { id: 3 } }],
      },
    ]);
    expect(sel.toParams()).toEqual({ investigationIds: "3", datasetIds: "7", datafileIds: "12" });
  });

  it("follows ids.server's mustZip: several datafiles, any dataset or investigation, or nothing", () => {
    expect(new DataSelection({ datafileIds: [1] }).mustZip()).toBe(false);
    expect(new DataSelection({ datafileIds: [1, 2] }).mustZip()).toBe(true);
    expect(new DataSelection({ datasetIds: [1] }).mustZip()).toBe(true);
    expect(new DataSelection({ investigationIds: [1] }).mustZip()).toBe(true);
    const empty = new DataSelection();
    expect(empty.isEmpty()).toBe(true);
    expect(empty.mustZip()).toBe(true);
    expect(empty.toParams()).toEqual({});
  });

  it("from() reuses a selection and clone() copies it", () => {
    const sel = new DataSelection({ datafileIds: [1] });
    expect(DataSelection.from(sel)).toBe(sel);
    const copy = sel.clone().extend({ datafileIds: [2] });
    expect(sel.datafileIds).toEqual([1]);
    expect(copy.datafileIds).toEqual([1, 2]);
  });

  it.each([
    [{ datasetIds: ["12a"] }, /datasetIds\[0\] must be a non-negative integer id/],
    [{ datasetIds: [-1] }, /non-negative integer/],
    [{ datafileIds: [1.5] }, /non-negative integer/],
    [{ datafileIds: [2 ** 60] }, /non-negative integer/],
    [{ datafileIds: "1,2" }, /must be a list of ids/],
    [{ datasetId: [1] }, /unknown keys datasetId/],
    [[{ entityType: "User", id: 1 }], /a User: a selection takes Investigation, Dataset, Datafile or DataCollection/],
    [[{ entityType: "Dataset" }], /has no id/],
    [[{ id: 4 }], /has no entity type/],
    [[{ Dataset: { id: "x" } }], /selection\[0\]\.id must be a non-negative integer/],
  ])("rejects %j with a clear message", (input, message) => {
    expect(() => new DataSelection(input as never)).toThrow(InvalidArgumentError);
    expect(() => new DataSelection(input as never)).toThrow(message);
  });
});

describe("DataSelection of @catkit/icat objects (issue 7 item 4)", () => {
  // @catkit/icat's objects: instances of a class per entity whose prototype carries the entity
  // name under Symbol.for("catkit.icat.entityType") (packages/icat/src/entities/entity-tag.ts).
  const icatObject = (type: string, fields: object) => {
    const EntityClass = class {};
    Object.defineProperty(EntityClass.prototype, Symbol.for("catkit.icat.entityType"), { value: type });
    return Object.assign(new EntityClass(), fields) as { id?: number };
  };

  it("reads the tag on the prototype, whatever fields the object has", () => {
    const ds = icatObject("Dataset", { id: 7, name: "greetings", complete: false });
    const df = icatObject("Datafile", { id: 12 });
    const inv = icatObject("Investigation", { id: 3 });
    const dc = icatObject("DataCollection", { id: 99, dataCollectionDatafiles: [{ datafile: { id: 13 } }] });
    expect(new DataSelection([ds, df, inv, dc]).toParams()).toEqual({ investigationIds: "3", datasetIds: "7", datafileIds: "12,13" });
    // A single-field object is not mistaken for ICAT's { Type: {…} } wrapper.
    expect(new DataSelection([icatObject("Dataset", { id: 8 })]).datasetIds).toEqual([8]);
  });

  it("refuses an untagged copy with a message that says why", () => {
    const copy = { ...icatObject("Dataset", { id: 7 }) };
    expect(() => new DataSelection([copy])).toThrow(/spreading loses the type/);
    expect(() => new DataSelection([icatObject("Facility", { id: 1 })])).toThrow(/is a Facility/);
  });
});
