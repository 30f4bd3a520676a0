// python-icat#22: 880 datafile ids in a GET query string failed. Long selections go through
// prepareData (a POST form) for getData, and are split for the read-only calls and delete.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IdsClient } from "../src/index.ts";
import { seedTutorial, startIdsSandbox, type IdsSandbox, type TutorialSeed } from "../src/testing/index.ts";
import { collect, tempDir, unzip } from "./helpers.ts";

const MAX_URL = 600;
let sandbox: IdsSandbox;
let seed: TutorialSeed;
let ids: IdsClient;
let fileIds: number[];

beforeAll(async () => {
  sandbox = await startIdsSandbox();
  seed = seedTutorial(sandbox.catalogue);
  fileIds = [];
  for (let i = 0; i < 300; i++) fileIds.push((await sandbox.addDatafile({ datasetId: seed.dataset.id, name: `f${i}.txt`, content: `file ${i}\n` })).id);
  ids = new IdsClient({ url: sandbox.url, credential: seed.sessionId, maxUrlLength: MAX_URL });
});
afterAll(async () => {
  await ids.close();
  await sandbox.close();
});

const since = (n: number) => sandbox.requests.slice(n);
const urlLength = (url: string) => sandbox.origin.length + url.length;

describe("selections too long for a URL", () => {
  it("getData switches to prepareData and getData?preparedId by itself", async () => {
    const before = sandbox.requests.length;
    const data = await ids.getData({ datafileIds: fileIds }, { compress: true });
    const entries = await unzip(await collect(data.body));
    expect(entries.size).toBe(300);
    expect(data.preparedId).toMatch(/^[0-9a-f-]{36}$/);
    expect(data.zip).toBe(true);
    const sent = since(before);
    expect(sent.map((r) => `${r.method} ${r.url.split("?")[0]}`)).toEqual(["POST /ids/prepareData", "GET /ids/getData"]);
    expect(sent[1]?.url).toBe(`/ids/getData?preparedId=${data.preparedId}`);
    expect([...entries.values()].every((e) => e.method === 8)).toBe(true); // the compress flag travelled with prepareData
  });

  it("download prepares once, even across a dropped connection", async () => {
    const out = await tempDir();
    const before = sandbox.requests.length;
    sandbox.faults.dropConnectionAfter(300, { match: { path: "/ids/getData" } });
    const result = await ids.download({ datafileIds: fileIds }, join(out.path, "all.zip"));
    expect(result.restarts).toBe(1);
    const sent = since(before);
    expect(sent.filter((r) => r.url === "/ids/prepareData")).toHaveLength(1);
    const gets = sent.filter((r) => r.url.startsWith("/ids/getData?"));
    expect(gets).toHaveLength(2);
    expect(gets[0]?.url).toBe(`/ids/getData?preparedId=${result.preparedId}`);
    expect(gets[1]?.url).toBe(gets[0]?.url);
    // the zip flag was known from the selection: no need to ask IDS
    expect(sent.some((r) => r.url.startsWith("/ids/getDatafileIds"))).toBe(false);
    await out.remove();
  });

  it("getSize, getStatus and getDatafileIds are split into URLs that fit, with exact answers", async () => {
    const before = sandbox.requests.length;
    // overlapping: the dataset and its datafiles
    const selection = { datasetIds: [seed.dataset.id], datafileIds: fileIds };
    const expectedSize = fileIds.reduce((n, _id, i) => n + `file ${i}\n`.length, 0);
    expect(await ids.getSize(selection)).toBe(expectedSize);
    expect(await ids.getStatus(selection)).toBe("ONLINE");
    expect((await ids.getDatafileIds(selection)).ids.sort((a, b) => a - b)).toEqual([...fileIds].sort((a, b) => a - b));
    const sent = since(before);
    expect(sent.length).toBeGreaterThan(6);
    expect(sent.every((r) => r.method === "GET" && urlLength(r.url) <= MAX_URL)).toBe(true);
  });

  it("getDataUrl gives a preparedId URL", async () => {
    const url = await ids.getDataUrl({ datafileIds: fileIds });
    expect(url).toMatch(new RegExp(`^${sandbox.url}/getData\\?preparedId=[0-9a-f-]{36}$`));
  });

  it("delete is sent in several requests that fit", async () => {
    const before = sandbox.requests.length;
    await ids.delete({ datafileIds: fileIds.slice(0, 200) });
    // The whole selection is checked first (getDatafileIds, getStatus; issue 7 item 1), then deleted.
    const sent = since(before).filter((r) => r.method === "DELETE");
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.every((r) => urlLength(r.url) <= MAX_URL)).toBe(true);
    expect((await ids.getDatafileIds({ datasetIds: [seed.dataset.id] })).ids).toEqual(fileIds.slice(200));
  });
});
