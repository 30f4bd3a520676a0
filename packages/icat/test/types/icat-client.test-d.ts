// Compile-time checks of the client: search results typed by the Query, include paths checked,
// write inputs checked against the entity model.
import type { PagedIterable } from "@catkit/core";
import { DataSelection } from "@catkit/ids";
import { describe, expectTypeOf, it } from "vitest";
import type { IcatClient} from "../../src/index.ts";
import { Query, type AnyEntity, type Datafile, type Dataset, type Investigation, type QueryRow } from "../../src/index.ts";

declare const icat: IcatClient;

describe("IcatClient types", () => {
  it("types search rows by the query", () => {
    expectTypeOf(icat.search(new Query("Dataset"))).toEqualTypeOf<Promise<Dataset[]>>();
    expectTypeOf(icat.assertedSearch(new Query("Dataset", { includes: ["datafiles"] }))).toEqualTypeOf<Promise<[Dataset]>>();
    expectTypeOf(icat.assertedSearch(new Query("Dataset"), { min: 0, max: 5 })).toEqualTypeOf<Promise<Dataset[]>>();
    expectTypeOf(icat.search(new Query("Dataset", { attributes: "name" }))).toEqualTypeOf<Promise<(string | null)[]>>();
    expectTypeOf(icat.search(new Query("Dataset", { attributes: ["id", "startDate"] }))).toEqualTypeOf<Promise<[number | null, Date | null][]>>();
    expectTypeOf(icat.search(new Query("Dataset", { attributes: "investigation" }))).toEqualTypeOf<Promise<Investigation[]>>();
    expectTypeOf(icat.search(new Query("Investigation", { attributes: "datasets.datafiles" }))).toEqualTypeOf<Promise<Datafile[]>>();
    expectTypeOf(icat.search(new Query("Datafile", { aggregate: "COUNT" }))).toEqualTypeOf<Promise<number[]>>();
    expectTypeOf(icat.search(new Query("Datafile", { attributes: "fileSize", aggregate: "SUM" }))).toEqualTypeOf<Promise<(number | null)[]>>();
    expectTypeOf(icat.search(new Query("Dataset", { attributes: "startDate", aggregate: "MAX" }))).toEqualTypeOf<Promise<(Date | null)[]>>();
    expectTypeOf(icat.search(new Query("Dataset", { aggregate: "DISTINCT" }))).toEqualTypeOf<Promise<Dataset[]>>();
    expectTypeOf(icat.search("SELECT d FROM Dataset d")).toEqualTypeOf<Promise<unknown[]>>();
    // A query changed after construction no longer knows its rows.
    expectTypeOf(icat.search(new Query("Dataset").setAttributes("name"))).toEqualTypeOf<Promise<unknown[]>>();
    expectTypeOf<QueryRow<"Dataset", { attributes: ["name"] }>>().toEqualTypeOf<string | null>();
  });

  it("types pages", () => {
    expectTypeOf(icat.paginate(new Query("Dataset"))).toEqualTypeOf<PagedIterable<Dataset>>();
    expectTypeOf(icat.searchChunked(new Query("Dataset", { attributes: "name" }))).toEqualTypeOf<PagedIterable<string | null>>();
    expectTypeOf(icat.paginate("Dataset")).toEqualTypeOf<PagedIterable<unknown>>();
  });

  it("checks get includes", () => {
    expectTypeOf(icat.get("Dataset", 1, { include: ["datafiles.parameters.type", "investigation"] })).toEqualTypeOf<Promise<Dataset>>();
    void icat.get("Dataset", 1, { include: "1" });
    // @ts-expect-error: 'name' is an attribute, not a relation
    void icat.get("Dataset", 1, { include: ["name"] });
    // @ts-expect-error: no such relation
    void icat.get("Dataset", 1, { include: ["datafile"] });
    // A whole get query is a string: its type is only known at run time.
    expectTypeOf(icat.get("Dataset INCLUDE 1", 1)).toEqualTypeOf<Promise<AnyEntity>>();
  });

  it("checks what is written", () => {
    void icat.create("Dataset", { name: "x", complete: false, investigation: { id: 1 }, type: { id: 2 }, startDate: new Date() });
    // @ts-expect-error: no such field
    void icat.create("Dataset", { nmae: "x" });
    // @ts-expect-error: a date must be a Date
    void icat.create("Dataset", { startDate: "2020-01-01" });
    void icat.update("Dataset", { id: 7, description: null });
    // @ts-expect-error: an update needs the id
    void icat.update("Dataset", { description: "x" });
    void icat.delete("Dataset", 7);
    void icat.deleteMany([{ entityType: "Datafile", id: 1 }]);
    expectTypeOf(icat.new("Dataset", { name: "x" })).toEqualTypeOf<Dataset>();
    expectTypeOf(icat.createMany("Datafile", [{ name: "a" }])).toEqualTypeOf<Promise<number[]>>();
  });

  it("takes python-icat's shapes for the IDS calls (issue 7 item 4)", () => {
    const dataset = icat.new("Dataset", { id: 7, name: "greetings" });
    const datafileFormat = icat.new("DatafileFormat", { id: 2 });
    // python-icat: client.putData(file, client.new("Datafile", name=…, dataset=…, datafileFormat=…))
    expectTypeOf(icat.putData("greet.txt", icat.new("Datafile", { name: "greet.txt", dataset, datafileFormat }))).toEqualTypeOf<Promise<Datafile>>();
    // python-icat: DataSelection([ds]) with the objects ICAT returned
    expectTypeOf(new DataSelection([dataset])).toEqualTypeOf<DataSelection>();
    void new DataSelection([dataset, icat.new("Datafile", { id: 12 }), icat.new("Investigation", { id: 3 })]);
  });
});
