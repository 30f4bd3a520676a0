// issue 7 item 10 (and item 5, below): a put whose connection drops after IDS committed. putData asks ICAT whether the
// Datafile exists and returns it when size and CRC32 match; the IDS client alone says the outcome
// is unknown instead of a plain NetworkError that invites a duplicating retry.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { IdsClient, IdsPutOutcomeUnknownError } from "@catkit/ids";
import { NetworkError } from "@catkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Query, eq, type DatafileFormat, type Dataset } from "../../src/index.ts";
import { icatIdsFixture } from "../support/sandbox.ts";

let fx: Awaited<ReturnType<typeof icatIdsFixture>>;
let dataset: Dataset;
let format: DatafileFormat;
beforeAll(async () => {
  fx = await icatIdsFixture();
  const [investigation] = await fx.icat.assertedSearch(new Query("Investigation", { conditions: { name: eq("12100409-ST") } }));
  const [type] = await fx.icat.assertedSearch(new Query("DatasetType", { conditions: { name: eq("other") } }));
  [format] = await fx.icat.assertedSearch(new Query("DatafileFormat", { conditions: { name: eq("Text") } }));
  dataset = fx.icat.new("Dataset", { investigation, type, name: "put-outcome", complete: false });
  dataset.id = await fx.icat.create(dataset);
});
afterAll(() => fx.close());

const count = async (name: string) =>
  (await fx.icat.search(new Query("Datafile", { aggregate: "COUNT", conditions: { "dataset.id": eq(dataset.id ?? 0), name: eq(name) } })))[0];
// IDS handles the put (the Datafile is created), then the connection drops before its answer.
const dropAnswer = () => fx.sandbox.ids.faults.dropConnectionAfter(0, { match: { path: "/ids/put" } });

describe("a put whose answer is lost", () => {
  it("putData finds the Datafile IDS created and returns it (no duplicate)", async () => {
    dropAnswer();
    const df = await fx.icat.putData(Readable.from([Buffer.from("committed\n")]), { name: "lost-answer.txt", dataset, datafileFormat: format }, { size: 10 });
    expect(df).toMatchObject({ name: "lost-answer.txt", fileSize: 10 });
    expect(await count("lost-answer.txt")).toBe(1);
  });

  it("the IDS client alone reports an unknown outcome, naming dataset and name", async () => {
    const ids = new IdsClient({ url: fx.sandbox.idsUrl, credential: fx.icat.credential, retry: false });
    try {
      dropAnswer();
      const err = await ids
        .put(Readable.from([Buffer.from("x\n")]), { name: "unknown.txt", datasetId: dataset.id ?? 0, datafileFormatId: format.id ?? 0, size: 2 })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IdsPutOutcomeUnknownError);
      expect(err).toMatchObject({ code: "IDS_PUT_OUTCOME_UNKNOWN", datasetId: dataset.id, datafileName: "unknown.txt" });
      expect((err as Error).cause).toBeInstanceOf(NetworkError);
    } finally {
      await ids.close();
    }
  });

  it("a Datafile of that name with other content is reported, not returned", async () => {
    await fx.icat.putData(Readable.from([Buffer.from("first")]), { name: "taken.txt", dataset, datafileFormat: format }, { size: 5 });
    dropAnswer(); // IDS refuses the second put (the name is taken), and that answer is lost too
    const err = await fx.icat
      .putData(Readable.from([Buffer.from("second!")]), { name: "taken.txt", dataset, datafileFormat: format }, { size: 7 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdsPutOutcomeUnknownError);
    expect((err as IdsPutOutcomeUnknownError).existing).toMatchObject({ size: 5 });
    expect((err as Error).message).toContain("not the 7 bytes");
    expect(await count("taken.txt")).toBe(1);
});
});

// issue 7 item 5: ids.server's container sends a non-ASCII name as spaces; a download of one
// Datafile into a directory takes the name ICAT knows instead.
describe("a non-ASCII datafile name", () => {
  it("icat.download into a directory writes the name from ICAT, not the header's", async () => {
    const df = await fx.icat.putData(Readable.from([Buffer.from("konnichiwa\n")]), { name: "日本.txt", dataset, datafileFormat: format }, { size: 11 });
    const dir = await mkdtemp(join(tmpdir(), "catkit-nonascii-"));
    try {
      const result = await fx.icat.download([df], dir);
      expect(result.fileName).toBe("  .txt"); // what the header carried (Grizzly's spaces)
      expect(result.path).toBe(join(dir, "日本.txt"));
      expect(await readFile(result.path, "utf8")).toBe("konnichiwa\n");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
