// Create, search, update and delete round trips against the sandbox, with typed results and
// ICAT's write rules (icat-ids.md §1.4, §1.5).
import { InvalidArgumentError } from "@catkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  IcatBadParameterError,
  IcatNoSuchObjectFoundError,
  IcatObjectAlreadyExistsError,
  IcatSearchAssertionError,
  Query,
  entityTypeOf,
  eq,
  type Dataset,
  type DatasetType,
  type Investigation,
  type IcatClient,
} from "../../src/index.ts";
import { icatFixture } from "../support/sandbox.ts";

let icat: IcatClient;
let close: () => Promise<void>;
let investigation: Investigation;
let other: DatasetType;
beforeAll(async () => {
  ({ icat, close } = await icatFixture());
  [investigation] = await icat.assertedSearch(new Query("Investigation", { conditions: { name: eq("12100409-ST") } }));
  [other] = await icat.assertedSearch(new Query("DatasetType", { conditions: { name: eq("other") } }));
});
afterAll(() => close());

describe("typed results", () => {
  it("parses entities: dates as Date, included relations typed and tagged, one-to-many arrays", async () => {
    const [ds] = await icat.assertedSearch(
      new Query("Dataset", { conditions: { name: eq("e201215") }, includes: ["investigation.facility", "datafiles", "type"] }),
    );
    expect(ds?.startDate).toEqual(new Date("2012-07-28T11:02:00.000Z"));
    expect(ds?.createTime).toBeInstanceOf(Date);
    expect(ds?.investigation?.facility?.name).toBe("ESNF");
    expect(ds?.datafiles?.map((d) => d.name).sort()).toEqual(["e201215.log", "e201215.nxs"]);
    expect(ds?.parameters).toEqual([]);
    expect(entityTypeOf(ds)).toBe("Dataset");
    expect(entityTypeOf(ds?.investigation)).toBe("Investigation");
    expect(entityTypeOf(ds?.datafiles?.[0])).toBe("Datafile");
    // The tag is invisible to JSON and to equality.
    expect(JSON.stringify(ds?.type)).not.toMatch(/entityType/);
  });

  it("types attribute and aggregate rows, dates included", async () => {
    expect(await icat.search(new Query("Dataset", { attributes: "name", order: ["name"] }))).toEqual(["e201215", "e201216"]);
    const rows = await icat.search(new Query("Dataset", { attributes: ["name", "startDate"], order: ["name"] }));
    expect(rows[0]).toEqual(["e201215", new Date("2012-07-28T11:02:00.000Z")]);
    expect(await icat.search(new Query("Datafile", { attributes: "fileSize", aggregate: "SUM" }))).toEqual([1048576 + 2048 + 524288]);
    expect(await icat.search(new Query("Datafile", { aggregate: "COUNT" }))).toEqual([3]);
    expect(await icat.search(new Query("Dataset", { attributes: "startDate", aggregate: "MAX" }))).toEqual([new Date("2012-07-30T08:11:00.000Z")]);
    const [type] = await icat.search(new Query("Dataset", { attributes: "type", aggregate: "DISTINCT" }));
    expect(type).toMatchObject({ name: "raw" });
    expect(entityTypeOf(type)).toBe("DatasetType");
  });

  it("parses query strings too: entities unwrapped, other values as ICAT sent them", async () => {
    const rows = await icat.search("SELECT i, i.name, i.startDate FROM Investigation i");
    const [[inv, name, start]] = rows as [[Investigation, string, string]];
    expect(entityTypeOf(inv)).toBe("Investigation");
    expect(name).toBe("12100409-ST");
    expect(start).toBe("2012-07-26T15:44:24.000Z");
    expect(await icat.search("Investigation.name")).toEqual(["12100409-ST"]);
  });

  it("gets by id with includes, or with a get query", async () => {
    const df = await icat.get("Datafile", (await icat.search(new Query("Datafile", { attributes: "id", conditions: { name: eq("e201215.log") } })))[0] as number, {
      include: ["dataset.investigation", "parameters.type"],
    });
    expect(df.dataset?.investigation?.name).toBe("12100409-ST");
    expect(df.parameters?.[0]?.type?.name).toBe("Comment");
    const again = await icat.get("Datafile INCLUDE 1", df.id ?? 0);
    expect(entityTypeOf(again)).toBe("Datafile");
    await expect(icat.get("Dataset", 987654)).rejects.toBeInstanceOf(IcatNoSuchObjectFoundError);
    await expect(icat.get("Dataset", -1)).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});

describe("create, update, delete", () => {
  it("round-trips a dataset with new children, updates and clears fields, and deletes in cascade", async () => {
    const id = await icat.create("Dataset", {
      investigation,
      type: other,
      name: "round-trip",
      complete: false,
      startDate: new Date("2024-05-06T07:08:09.123Z"),
      description: "to be cleared",
      datafiles: [{ name: "a.dat" }, { name: "b.dat", fileSize: 42 }],
    });
    const ds = await icat.get("Dataset", id, { include: ["datafiles", "investigation"] });
    expect(ds).toMatchObject({ name: "round-trip", complete: false, description: "to be cleared", startDate: new Date("2024-05-06T07:08:09.123Z") });
    expect(ds.investigation?.id).toBe(investigation.id);
    expect(ds.datafiles?.map((d) => [d.name, d.fileSize])).toEqual([["a.dat", 0], ["b.dat", 42]]);

    // A whole object read from ICAT can be updated: relations go as references, children stay.
    ds.complete = true;
    await icat.update(ds);
    await icat.update("Dataset", { id, description: null, endDate: new Date("2024-05-07T00:00:00.000Z") });
    const updated = await icat.get("Dataset", id, { include: ["datafiles"] });
    expect(updated).toMatchObject({ complete: true, endDate: new Date("2024-05-07T00:00:00.000Z") });
    expect(updated).not.toHaveProperty("description");
    expect(updated.datafiles).toHaveLength(2);
    expect((await icat.get("Investigation", investigation.id ?? 0)).title).toBe(investigation.title); // not touched by the reference

    await icat.delete(updated);
    await expect(icat.get("Dataset", id)).rejects.toBeInstanceOf(IcatNoSuchObjectFoundError);
    expect(await icat.search(new Query("Datafile", { conditions: { name: eq("a.dat") } }))).toEqual([]);
  });

  it("creates many in one transaction, returning their ids in order; new() objects know their type", async () => {
    const ids = await icat.createMany([
      icat.new("Dataset", { investigation, type: other, name: "many-1", complete: false }),
      icat.new("Dataset", { investigation, type: other, name: "many-2", complete: false }),
    ]);
    expect(ids).toHaveLength(2);
    const names = await icat.search(new Query("Dataset", { attributes: "name", conditions: { id: `IN (${ids.join(", ")})` }, order: ["id"] }));
    expect(names).toEqual(["many-1", "many-2"]);
    await icat.deleteMany("Dataset", ids);
    expect(await icat.search(new Query("Dataset", { conditions: { name: "LIKE 'many-%'" } }))).toEqual([]);
  });

  it("writes nothing when one element of a batch fails, and says which one", async () => {
    const batch: Dataset[] = [
      { investigation, type: other, name: "batch-ok", complete: false },
      { investigation, type: other, name: "e201215", complete: false }, // exists already
      { investigation, type: other, name: "batch-ok-2", complete: false },
    ];
    const err = await icat.createMany("Dataset", batch).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IcatObjectAlreadyExistsError);
    expect((err as IcatObjectAlreadyExistsError).offset).toBe(1);
    expect((err as Error).message).toMatch(/element 1 of the batch/);
    expect(await icat.search(new Query("Dataset", { conditions: { name: "LIKE 'batch-ok%'" } }))).toEqual([]);
    // A duplicate inside the batch is a clash too.
    const twice = await icat.createMany("Dataset", [batch[0] as Dataset, batch[0] as Dataset]).catch((e: unknown) => e);
    expect(twice).toMatchObject({ icatCode: "OBJECT_ALREADY_EXISTS", offset: 1 });
  });

  it("finds an object by its unique key (searchMatching)", async () => {
    const found = await icat.searchMatching("Dataset", { investigation, name: "e201216" }, { include: ["type"] });
    expect(found.type?.name).toBe("raw");
    await expect(icat.searchMatching("Dataset", { investigation, name: "nope" })).rejects.toBeInstanceOf(IcatSearchAssertionError);
    await expect(icat.searchMatching("Dataset", { name: "e201216" })).rejects.toThrow(/investigation is not set/);
  });

  it("checks the asserted number of results", async () => {
    const q = new Query("Dataset");
    await expect(icat.assertedSearch(q)).rejects.toMatchObject({ found: 2, min: 1, max: 1 });
    expect(await icat.assertedSearch(q, { min: 2, max: null })).toHaveLength(2);
    await expect(icat.assertedSearch(q, { min: 3, max: 1 })).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});

describe("bad input", () => {
  it("rejects before sending what ICAT would refuse: ids on create, no id on update, children with ids, references without ids", async () => {
    const [existing] = await icat.search(new Query("Dataset", { limit: [0, 1] }));
    await expect(icat.create("Dataset", existing as Dataset)).rejects.toThrow(/has id \d+: it exists in ICAT already/);
    await expect(icat.update("Dataset", { name: "x" } as never)).rejects.toThrow(/has no id/);
    await expect(icat.create("Dataset", { investigation, type: other, name: "x", complete: false, datafiles: [{ id: 3, name: "y" }] })).rejects.toThrow(
      /datafiles\[0\]: has id 3/,
    );
    await expect(icat.create("Dataset", { investigation: { name: "12100409-ST" }, type: other, name: "x", complete: false })).rejects.toThrow(
      /Dataset.investigation: must be a Investigation that exists in ICAT/,
    );
    await expect(icat.create("Dataset", { investigation, type: other, name: "x", complete: false, startDate: new Date("nope") })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(icat.create({ name: "untyped" })).rejects.toThrow(/has no entity type/);
  });

  it("passes ICAT's own refusals on as typed errors: unknown entities and fields, bad dates, bad queries", async () => {
    const unknownEntity = await icat.create("Dataste" as "Dataset", { name: "x" }).catch((e: unknown) => e);
    expect(unknownEntity).toBeInstanceOf(IcatBadParameterError);
    expect((unknownEntity as IcatBadParameterError).icatMessage).toBe("Dataste is not an ICAT entity");
    await expect(icat.create("Dataset", { investigation, type: other, name: "x", complete: false, nmae: "y" } as Dataset)).rejects.toThrow(
      /Field nmae not found in Dataset/,
    );
    const [dsId] = (await icat.search(new Query("Dataset", { attributes: "id", limit: [0, 1] }))) as [number];
    const badDate = await icat.update("Dataset", { id: dsId, startDate: "2020-01-01T00:00:00Z" } as never).catch((e: unknown) => e);
    expect(badDate).toBeInstanceOf(IcatBadParameterError);
    expect((badDate as IcatBadParameterError).icatMessage).toBe('Badly formatted date "2020-01-01T00:00:00Z"');
    for (const query of ["SELECT d FROM Dataset d WHERE", "SELECT x FROM Nothing x", "SELECT d.nmae FROM Dataset d", "Dataset [name = ]"]) {
      await expect(icat.search(query)).rejects.toBeInstanceOf(IcatBadParameterError);
    }
  });

  it("keeps injection attempts inside their literal", async () => {
    expect(await icat.search(new Query("Dataset", { conditions: { name: eq("x' OR '1'='1") } }))).toEqual([]);
    expect(await icat.search(new Query("Dataset", { conditions: { name: eq("e201215') OR (1=1") } }))).toEqual([]);
    expect(() => new Query("Dataset", { conditions: { name: "= 'x' OR 1=1" } })).toThrow(/one comparison|single comparison|not one/i);
    const found = await icat.searchMatching("Dataset", { investigation, name: "e201215' OR d.name LIKE '%" }).catch((e: unknown) => e);
    expect(found).toBeInstanceOf(IcatSearchAssertionError);
  });
});
