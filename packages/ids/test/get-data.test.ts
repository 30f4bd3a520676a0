import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixture, collect, unzip, type Fixture } from "./helpers.ts";

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.close());

describe("getData and friends", () => {
  it("reports size, file name and zip from the headers, and streams the body", async () => {
    const data = await f.ids.getData({ datafileIds: [f.files[1]?.id ?? 0] });
    expect(data).toMatchObject({ status: 200, offset: 0, size: 15, fileName: "greet-nbour.txt", zip: false, preparedId: undefined });
    expect((await collect(data.body)).toString()).toBe("Hello Nicolas!\n");
  });

  it("sends Range for an offset and reports the 206", async () => {
    const data = await f.ids.getData({ datafileIds: [f.files[1]?.id ?? 0] }, { offset: 6 });
    expect(data).toMatchObject({ status: 206, offset: 6, size: 9 });
    expect((await collect(data.body)).toString()).toBe("Nicolas!\n");
    expect(f.sandbox.requests.at(-1)?.headers.range).toBe("bytes=6-");
  });

  it("passes zip, compress and outname", async () => {
    const data = await f.ids.getData({ datafileIds: [f.files[0]?.id ?? 0] }, { zip: true, compress: true, outname: "hello" });
    expect(data).toMatchObject({ zip: true, fileName: "hello.zip", size: undefined });
    const entries = await unzip(await collect(data.body));
    expect([...entries.values()].map((e) => [e.method, e.data.toString()])).toEqual([[8, "Hello John!\n"]]);
    expect(f.sandbox.requests.at(-1)?.url).toMatch(/zip=true&compress=true&outname=hello/);
  });

  it("fetches a preparedId without sending the session, and tells a zip from its name", async () => {
    const preparedId = await f.ids.prepareData({ datasetIds: [f.seed.dataset.id] }, { compress: true });
    const data = await f.ids.getData(preparedId);
    expect(data.zip).toBe(true);
    expect(data.preparedId).toBe(preparedId);
    expect((await unzip(await collect(data.body))).size).toBe(3);
    expect(f.sandbox.requests.at(-1)?.url).not.toContain("sessionId");
  });

  it("getDataUrl carries the session for a selection, only the preparedId otherwise", async () => {
    const url = await f.ids.getDataUrl({ datafileIds: [f.files[0]?.id ?? 0] }, { outname: "a b.txt" });
    expect(url).toBe(`${f.sandbox.url}/getData?datafileIds=${f.files[0]?.id}&outname=a+b.txt&sessionId=${f.seed.sessionId}`);
    expect(await (await fetch(url)).text()).toBe("Hello John!\n");
    const preparedId = await f.ids.prepareData({ datafileIds: [f.files[0]?.id ?? 0] });
    expect(await f.ids.getDataUrl(preparedId)).toBe(`${f.sandbox.url}/getData?preparedId=${preparedId}`);
  });

  it("getSize, getStatus, getDatafileIds, isPrepared by selection and by preparedId", async () => {
    const selection = { datasetIds: [f.seed.dataset.id] };
    expect(await f.ids.getSize(selection)).toBe(12 + 15 + 15);
    expect(await f.ids.getStatus(selection)).toBe("ONLINE");
    expect(await f.ids.getDatafileIds(selection)).toEqual({ ids: f.files.map((x) => x.id) });
    const preparedId = await f.ids.prepareData(selection);
    expect(await f.ids.getSize(preparedId)).toBe(42);
    expect(await f.ids.getStatus(preparedId)).toBe("ONLINE");
    expect(await f.ids.getDatafileIds(preparedId)).toEqual({ zip: true, compress: false, ids: f.files.map((x) => x.id) });
    expect(await f.ids.isPrepared(preparedId)).toBe(true);
  });

  it("reset by selection and by preparedId, delete, and getLink's 501 when disabled", async () => {
    await f.ids.reset({ datasetIds: [f.seed.dataset.id] });
    await f.ids.reset(await f.ids.prepareData({ datasetIds: [f.seed.dataset.id] }));
    const extra = await f.sandbox.addDatafile({ datasetId: f.seed.dataset.id, name: "extra.txt", content: "x" });
    await f.ids.delete({ datafileIds: [extra.id] });
    expect(f.sandbox.catalogue.datafile(extra.id)).toBeUndefined();
    await expect(f.ids.getLink(f.files[0]?.id ?? 0, "jdoe")).rejects.toThrow(/getLink is not available/);
  });
});

describe("getLink", () => {
  it("returns the path of a hard link to the datafile when the server enables it", async () => {
    const g = await startFixture({ linkEnabled: true });
    const path = await g.ids.getLink(g.files[0]?.id ?? 0, "jdoe");
    expect(path.startsWith(g.sandbox.dataDir)).toBe(true);
    expect(await readFile(path, "utf8")).toBe("Hello John!\n");
    expect(g.sandbox.requests.at(-1)).toMatchObject({ method: "POST", url: "/ids/getLink" });
    await g.close();
  });
});
