import { expectTypeOf, test } from "vitest";
import type { Readable } from "node:stream";
import { staticSession } from "@catkit/core";
import { DataSelection, IdsClient, type DataStatus, type DownloadResult, type IdsData, type PutResult } from "../../src/index.ts";

const ids = new IdsClient({ url: "https://ids.example.org/ids", credential: staticSession("0d9a5f3e-1c2b-4d5e-8f70-a1b2c3d4e5f6") });

test("answers are typed", () => {
  expectTypeOf(ids.getStatus({ datasetIds: [1] })).toEqualTypeOf<Promise<DataStatus>>();
  expectTypeOf(ids.getSize("eb0dd942-7ce9-4ea9-b342-ea326edd4dfe")).toEqualTypeOf<Promise<number>>();
  expectTypeOf(ids.isPrepared("x")).toEqualTypeOf<Promise<boolean>>();
  expectTypeOf(ids.getData(new DataSelection())).toEqualTypeOf<Promise<IdsData>>();
  expectTypeOf<IdsData["body"]>().toEqualTypeOf<Readable>();
  expectTypeOf(ids.put("f.txt", { datasetId: 1, datafileFormatId: 2 })).toEqualTypeOf<Promise<PutResult>>();
  expectTypeOf(ids.download({ datafileIds: [1] }, "out")).toEqualTypeOf<Promise<DownloadResult>>();
  expectTypeOf<DataStatus>().toEqualTypeOf<"ONLINE" | "RESTORING" | "ARCHIVED">();
});

test("selections take ids, entities and other selections", () => {
  void ids.getData([{ entityType: "Dataset", id: 1 }, { Datafile: { id: 2 } }]);
  void ids.getData({ investigationIds: [1n], datasetIds: ["2"], datafileIds: [3] });
  // @ts-expect-error put needs datasetId and datafileFormatId
  void ids.put("f.txt", { name: "f" });
  // @ts-expect-error a status is not any string
  const s: DataStatus = "OFFLINE";
  void s;
  // @ts-expect-error selection keys are checked
  void ids.getData({ datasetId: [1] });
});
