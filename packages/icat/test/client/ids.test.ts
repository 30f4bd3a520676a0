// The IDS conveniences against the wired sandboxes: one login for ICAT and IDS, putData creating
// the Datafile in ICAT (checksum, size, location), downloads, archive and restore, prepareData.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { crc32 } from "node:zlib";
import { IdsClient, IdsDataNotOnlineError, IdsInsufficientPrivilegesError, IdsInternalError, crc32Hex } from "@catkit/ids";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IcatClient, Query, dataSelection, eq, entityTypeOf, icatLogin, type Datafile, type DatafileFormat, type Dataset } from "../../src/index.ts";
import { icatIdsFixture } from "../support/sandbox.ts";
import { zipNames } from "../support/zip-names.ts";

const GREETINGS = [
  ["greet-jdoe.txt", "Hello John!\n", "bef32c73"],
  ["greet-nbour.txt", "Hello Nicolas!\n", "9012de77"],
  ["greet-rbeck.txt", "Hello Rudolph!\n", "cc830993"],
] as const;

let fx: Awaited<ReturnType<typeof icatIdsFixture>>;
let dir: string;
let dataset: Dataset;
let format: DatafileFormat;
const uploaded: Datafile[] = [];
beforeAll(async () => {
  fx = await icatIdsFixture({ twoLevel: { restoreDelayMs: 30 } });
  dir = await mkdtemp(join(tmpdir(), "catkit-icat-ids-"));
  const { icat } = fx;
  const [investigation] = await icat.assertedSearch(new Query("Investigation", { conditions: { name: eq("12100409-ST") } }));
  const [type] = await icat.assertedSearch(new Query("DatasetType", { conditions: { name: eq("other") } }));
  [format] = await icat.assertedSearch(new Query("DatafileFormat", { conditions: { name: eq("Text") } }));
  dataset = icat.new("Dataset", { investigation, type, name: "greetings", complete: false });
  dataset.id = await icat.create(dataset);
});
afterAll(async () => {
  await fx.close();
  await rm(dir, { recursive: true, force: true });
});

describe("putData", () => {
  it("uploads through IDS and returns the Datafile as ICAT has it: checksum, size, location, times", async () => {
    for (const [name, text, checksum] of GREETINGS) {
      const path = join(dir, name);
      await writeFile(path, text);
      const df = await fx.icat.putData(path, { dataset, datafileFormat: format });
      expect(df).toMatchObject({ name, checksum, fileSize: Buffer.byteLength(text), createId: "db/nbour" });
      expect(df.location).toMatch(new RegExp(`^\\d+/${dataset.id}/[0-9a-f-]{36}$`));
      expect(df.datafileModTime).toBeInstanceOf(Date);
      expect(entityTypeOf(df)).toBe("Datafile");
      uploaded.push(df);
    }
    // IDS really created them in this ICAT.
    const names = await fx.icat.search(new Query("Datafile", { attributes: "name", conditions: { "dataset.id": eq(dataset.id ?? 0) }, order: ["name"] }));
    expect(names).toEqual(GREETINGS.map(([n]) => n));
  });

  it("takes streams with a name, and reports ICAT's refusals as IDS remaps them", async () => {
    const df = await fx.icat.putData(Readable.from([Buffer.from("streamed\n")]), { name: "streamed.txt", dataset, datafileFormat: format, description: "from a stream" });
    expect(df).toMatchObject({ name: "streamed.txt", description: "from a stream", checksum: crc32Hex(crc32("streamed\n")) });
    // A name already used in the dataset: ICAT's OBJECT_ALREADY_EXISTS becomes IDS's 500.
    const clash = await fx.icat.putData(Readable.from([Buffer.from("x")]), { name: "streamed.txt", dataset, datafileFormat: format }).catch((e: unknown) => e);
    expect(clash).toBeInstanceOf(IdsInternalError);
    expect((clash as IdsInternalError).idsMessage).toMatch(/^OBJECT_ALREADY_EXISTS /);
    // A user who is no member of the investigation: INSUFFICIENT_PRIVILEGES becomes 403.
    const ahau = new IcatClient({ url: fx.sandbox.icatUrl, idsUrl: fx.sandbox.idsUrl });
    await ahau.login("db", { username: "ahau", password: "secret" });
    await expect(ahau.putData(Readable.from([Buffer.from("x")]), { name: "intruder.txt", dataset, datafileFormat: format })).rejects.toBeInstanceOf(
      IdsInsufficientPrivilegesError,
    );
    await ahau.close();
    await fx.icat.deleteData([df]);
    expect(await fx.icat.search(new Query("Datafile", { conditions: { name: eq("streamed.txt") } }))).toEqual([]);
  });

  it("checks the datafile before uploading", async () => {
    await expect(fx.icat.putData(join(dir, "greet-jdoe.txt"), { name: "x", dataset: {}, datafileFormat: format })).rejects.toThrow(/datafile.dataset is not set/);
    await expect(new IcatClient({ url: fx.sandbox.icatUrl }).putData("x", { dataset, datafileFormat: format })).rejects.toThrow(/No IDS is configured/);
  });
});

describe("downloads", () => {
  it("gets one file as itself and a dataset as a zip, from the objects ICAT returned", async () => {
    const [jdoe] = await fx.icat.assertedSearch(new Query("Datafile", { conditions: { name: eq("greet-jdoe.txt"), "dataset.name": eq("greetings") } }));
    const single = await fx.icat.getData([jdoe]);
    expect(single.fileName).toBe("greet-jdoe.txt");
    expect((await single.body.toArray()).join("")).toBe("Hello John!\n");
    const zip = await fx.icat.getData([dataset], { compress: true });
    expect(zip.zip).toBe(true);
    expect(zipNames(Buffer.concat(await zip.body.toArray())).sort()).toEqual(GREETINGS.map(([n]) => `ids/ESNF/12100409-ST/1.1-P/greetings/${n}`));
    const saved = await fx.icat.download({ datafileIds: [uploaded[1]?.id ?? 0] }, join(dir, "copy.txt"), { checksum: uploaded[1]?.checksum ?? "" });
    expect(saved.checksum).toBe("9012de77");
    expect(await readFile(saved.path, "utf8")).toBe("Hello Nicolas!\n");
    expect(await fx.icat.getDataUrl([dataset])).toMatch(/\/ids\/getData\?.*datasetIds=/);
  });

  it("logs in again when IDS reports the shared ICAT session expired", async () => {
    const { token } = await fx.icat.credential.getToken();
    fx.sandbox.icat.sessions.expire(token);
    const data = await fx.icat.getData([uploaded[2] ?? {}]);
    expect((await data.body.toArray()).join("")).toBe("Hello Rudolph!\n");
    const renewed = (await fx.icat.credential.getToken()).token;
    expect(renewed).not.toBe(token);
    expect(fx.sandbox.icat.sessions.userName(renewed)).toBe("db/nbour");
  });

  it("shares the one login with a plain IdsClient", async () => {
    const credential = icatLogin({ url: fx.sandbox.icatUrl, plugin: "db", credentials: { username: "jdoe", password: "secret" } });
    const ids = new IdsClient({ url: fx.sandbox.idsUrl, credential });
    const icat = new IcatClient({ url: fx.sandbox.icatUrl, credential, ids });
    expect(await icat.ids.getSize(dataSelection([dataset]))).toBe(42);
    expect(icat.ids).toBe(ids);
    await credential.logout();
    await ids.close();
    await icat.close();
  });
});

describe("two-level storage", () => {
  it("archives, refuses getData with DataNotOnline, restores and waits, then prepares and downloads by preparedId", async () => {
    const { icat } = fx;
    const selection = dataSelection([dataset]);
    await icat.ids.archive(selection);
    expect(await icat.ids.getStatus(selection)).toBe("ARCHIVED");
    await expect(icat.getData([dataset])).rejects.toBeInstanceOf(IdsDataNotOnlineError);
    const seen: string[] = [];
    await icat.restoreData([dataset], { initialDelayMs: 10, onStatus: (s) => seen.push(s) });
    expect(seen.at(-1)).toBe("ONLINE");
    expect(await icat.ids.getStatus(selection)).toBe("ONLINE");

    await icat.ids.archive(selection);
    const preparedId = await icat.prepareData([dataset]);
    while (!(await icat.isDataPrepared(preparedId))) await new Promise((r) => setTimeout(r, 10));
    const data = await icat.getData(preparedId);
    expect(zipNames(Buffer.concat(await data.body.toArray()))).toHaveLength(3);
  });
});
