// The sandbox speaks ids.server's wire format: raw HTTP requests, checked byte for byte.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTutorial, startIdsSandbox, type IdsSandbox, type TutorialSeed } from "../src/testing/index.ts";
import { unzip } from "./helpers.ts";

let sandbox: IdsSandbox;
let seed: TutorialSeed;
let session: string;
let fileIds: number[];
let base: string;

beforeAll(async () => {
  sandbox = await startIdsSandbox();
  seed = seedTutorial(sandbox.catalogue);
  session = seed.sessionId;
  base = sandbox.url;
  fileIds = [];
  for (const [name, content] of [["a b.txt", "alpha\n"], ["sub/dir/c.txt", "gamma\n"]] as const) {
    fileIds.push((await sandbox.addDatafile({ datasetId: seed.dataset.id, name, content })).id);
  }
});
afterAll(() => sandbox.close());

const get = (path: string, init: RequestInit = {}) => fetch(`${base}/${path}`, init);
const form = (path: string, fields: Record<string, string>, method = "POST") =>
  fetch(`${base}/${path}`, { method, body: new URLSearchParams(fields), headers: { "content-type": "application/x-www-form-urlencoded" } });

describe("wire format", () => {
  it("text/plain and JSON answers as ids.server sends them, with CORS headers", async () => {
    const ping = await get("ping");
    expect(ping.headers.get("content-type")).toBe("text/plain");
    expect(ping.headers.get("access-control-allow-origin")).toBe("*");
    expect(ping.headers.get("access-control-allow-methods")).toBe("GET, POST, DELETE, PUT");
    expect(await ping.text()).toBe("IdsOK");
    const version = await get("version");
    expect(version.headers.get("content-type")).toBe("application/json");
    expect(await version.text()).toBe('{"version":"2.1.1"}');
    expect(await (await get("isTwoLevel")).text()).toBe("false");
    expect(await (await get(`getSize?sessionId=${session}&datafileIds=${fileIds.join(",")}`)).text()).toBe("12");
    expect(await (await get(`getStatus?datasetIds=${seed.dataset.id}`)).text()).toBe("ONLINE"); // no session: reader account
    expect(await (await get(`getDatafileIds?sessionId=${session}&datasetIds=${seed.dataset.id}`)).text()).toBe(`{"ids":[${fileIds.join(",")}]}`);
  });

  it("501 NOT_IMPLEMENTED for unknown paths, 405 for a known path with the wrong method", async () => {
    const unknown = await get("getApiVersion");
    expect(unknown.status).toBe(501);
    expect(await unknown.json()).toEqual({ code: "NOT_IMPLEMENTED", message: "Operation not implemented by this IDS server." });
    expect((await fetch(`${sandbox.origin}/elsewhere`)).status).toBe(501);
    const wrong = await get("archive");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toContain("POST");
  });

  it("checks UUIDs and id lists with ids.server's messages; error bodies take the call's content type", async () => {
    const upper = await get(`getSize?sessionId=${session.toUpperCase()}&datafileIds=1`);
    expect(upper.status).toBe(400);
    expect(upper.headers.get("content-type")).toBe("text/plain");
    expect(await upper.json()).toEqual({ code: "BadRequestException", message: `The sessionId parameter '${session.toUpperCase()}' is not a valid UUID` });
    const noSession = await form("prepareData", { datafileIds: "1" });
    expect(await noSession.json()).toEqual({ code: "BadRequestException", message: "The sessionId parameter 'null' is not a valid UUID" });
    const list = await get(`getDatafileIds?sessionId=${session}&datafileIds=1,x`);
    expect(list.headers.get("content-type")).toBe("application/json");
    expect(await list.json()).toEqual({
      code: "BadRequestException",
      message: "The datafileIds parameter '1,x' is not a valid string representation of a comma separated list of longs",
    });
    // Java's split on \s*,\s*: spaces around commas are fine
    expect(await (await get(`getDatafileIds?sessionId=${session}&datafileIds=${fileIds.join(" , ")}`)).json()).toEqual({ ids: fileIds });
    const prepared = await get("isPrepared?preparedId=nope");
    expect(await prepared.json()).toEqual({ code: "BadRequestException", message: "The preparedId parameter 'nope' is not a valid UUID" });
  });

  it("getData: single file with Content-Length and Content-Disposition; Range gives 206 without Content-Range", async () => {
    const whole = await get(`getData?sessionId=${session}&datafileIds=${fileIds[0]}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-length")).toBe("6");
    expect(whole.headers.get("content-disposition")).toBe('attachment; filename="a b.txt"');
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(await whole.text()).toBe("alpha\n");
    const part = await get(`getData?sessionId=${session}&datafileIds=${fileIds[0]}&outname=x.dat`, { headers: { range: "bytes=2-" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBeNull();
    expect(part.headers.get("content-length")).toBe("4");
    expect(part.headers.get("content-disposition")).toBe('attachment; filename="x.dat"');
    expect(await part.text()).toBe("pha\n");
    for (const range of ["bytes=0-5", "bytes=-5", "items=1-", "bytes=1-,3-"]) {
      const bad = await get(`getData?sessionId=${session}&datafileIds=${fileIds[0]}`, { headers: { range } });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ code: "BadRequestException", message: "The range must match bytes=(\\d+)-" });
    }
  });

  it("getData zips: mustZip, entry names with URL-encoded parts, compress → deflate, outname rules, no length", async () => {
    const res = await get(`getData?sessionId=${session}&datasetIds=${seed.dataset.id}&outname=bundle`);
    expect(res.headers.get("content-length")).toBeNull();
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="bundle.zip"');
    const entries = await unzip(Buffer.from(await res.arrayBuffer()));
    expect([...entries.keys()]).toEqual(["ids/ESNF/12100409-ST/1.1-P/greetings/a b.txt", "ids/ESNF/12100409-ST/1.1-P/greetings/sub/dir/c.txt"]);
    expect([...entries.values()].map((e) => e.method)).toEqual([0, 0]);
    const deflated = await unzip(Buffer.from(await (await get(`getData?sessionId=${session}&datafileIds=${fileIds.join(",")}&compress=TRUE`)).arrayBuffer()));
    expect([...deflated.values()].map((e) => e.method)).toEqual([8, 8]);
    expect(deflated.get("ids/ESNF/12100409-ST/1.1-P/greetings/sub/dir/c.txt")?.data.toString()).toBe("gamma\n");
    const zipped = await get(`getData?sessionId=${session}&datafileIds=${fileIds[0]}&zip=true&outname=named.zip`);
    expect(zipped.headers.get("content-disposition")).toBe('attachment; filename="named.zip"');
    expect((await get(`getData?sessionId=${session}&datasetIds=${seed.dataset.id}`)).headers.get("content-disposition")).toMatch(
      /^attachment; filename="\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d\.zip"$/,
    );
    const empty = await get(`getData?sessionId=${session}`);
    expect((await unzip(Buffer.from(await empty.arrayBuffer()))).size).toBe(0);
  });

  it("encodes facility, investigation, visit and dataset names like java.net.URLEncoder", async () => {
    const facility = sandbox.catalogue.addFacility("My Facility");
    const inv = sandbox.catalogue.addInvestigation({ facilityId: facility.id, name: "inv/1~ü", visitId: "v 1" });
    const ds = sandbox.catalogue.addDataset({ investigationId: inv.id, name: "data*set.x-y_z" });
    await sandbox.addDatafile({ datasetId: ds.id, name: "f 1.txt", content: "1" });
    const res = await get(`getData?sessionId=${session}&datasetIds=${ds.id}`);
    expect([...(await unzip(Buffer.from(await res.arrayBuffer()))).keys()]).toEqual(["ids/My+Facility/inv%2F1%7E%C3%BC/v+1/data*set.x-y_z/f 1.txt"]);
  });

  it("prepareData forces zip for a dataset; getDatafileIds by preparedId has zip and compress; getData by preparedId has no length", async () => {
    const preparedId = await (await form("prepareData", { sessionId: session, datasetIds: String(seed.dataset.id), compress: "true" })).text();
    expect(await (await get(`getDatafileIds?preparedId=${preparedId}`)).text()).toBe(`{"zip":true,"compress":true,"ids":[${fileIds.join(",")}]}`);
    const single = await (await form("prepareData", { sessionId: session, datafileIds: String(fileIds[1]) })).text();
    const res = await get(`getData?preparedId=${single}`);
    expect(res.headers.get("content-length")).toBeNull();
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="sub/dir/c.txt"');
    expect(await res.text()).toBe("gamma\n");
    expect(await (await get(`getSize?preparedId=${single}`)).text()).toBe("6");
    expect(await (await get(`isPrepared?preparedId=${single}`)).text()).toBe("true");
  });

  it("put: 201 with the decimal CRC32; ids.server's parameter messages", async () => {
    const url = (q: string) => `${base}/put?sessionId=${session}&${q}`;
    const ok = await fetch(url(`name=new.txt&datasetId=${seed.dataset.id}&datafileFormatId=${seed.datafileFormat.id}&datafileModTime=1687954312000`), {
      method: "PUT",
      body: "Hello John!\n",
      headers: { "content-type": "application/octet-stream" },
    });
    expect(ok.status).toBe(201);
    const answer = (await ok.json()) as { id: number; checksum: number; size: number; location: string };
    expect(answer.checksum).toBe(0xbef32c73);
    expect(answer.size).toBe(12);
    expect(sandbox.catalogue.datafile(answer.id)?.datafileModTime?.toISOString()).toBe("2023-06-28T12:11:52.000Z");
    const cases: [string, string][] = [
      [`datasetId=${seed.dataset.id}&datafileFormatId=1`, "The name parameter must be set"],
      [`name=a&datasetId=${seed.dataset.id}`, "The datafileFormatId parameter must be set"],
      [`name=a&datafileFormatId=1`, "The datasetId parameter must be set"],
      [`name=a&datasetId=x&datafileFormatId=1`, "The datasetId parameter must be numeric"],
      [`name=a&datasetId=1&datafileFormatId=1&datafileCreateTime=yesterday`, "The datafileCreateTime parameter must be numeric"],
    ];
    for (const [query, message] of cases) {
      const res = await fetch(url(query), { method: "PUT", body: "x" });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ code: "BadRequestException", message });
    }
    const clash = await fetch(url(`name=new.txt&datasetId=${seed.dataset.id}&datafileFormatId=${seed.datafileFormat.id}`), { method: "PUT", body: "again" });
    expect(clash.status).toBe(500);
    expect(((await clash.json()) as { message: string }).message).toMatch(/^OBJECT_ALREADY_EXISTS /);
    const noFormat = await fetch(url(`name=other.txt&datasetId=${seed.dataset.id}&datafileFormatId=999999`), { method: "PUT", body: "x" });
    expect(noFormat.status).toBe(404);
  });

  it("delete answers 204 and removes the datafile from catalogue and storage", async () => {
    const stored = await sandbox.addDatafile({ datasetId: seed.dataset.id, name: "doomed.txt", content: "bye" });
    const res = await fetch(`${base}/delete?sessionId=${session}&datafileIds=${stored.id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(sandbox.catalogue.datafile(stored.id)).toBeUndefined();
    expect(await sandbox.storage.size(stored.location)).toBeUndefined();
  });

  it("a datafile without location is not found when named, and ignored inside its dataset", async () => {
    const ds = sandbox.catalogue.addDataset({ investigationId: seed.investigation.id, name: "no-locations" });
    const df = sandbox.catalogue.addDatafile({ datasetId: ds.id, name: "ghost", location: null, fileSize: 5 });
    expect(await (await get(`getSize?sessionId=${session}&datafileIds=${df.id}`)).json()).toEqual({ code: "NotFoundException", message: `Datafile ${df.id}` });
    expect(await (await get(`getDatafileIds?sessionId=${session}&datasetIds=${ds.id}`)).json()).toEqual({ ids: [] });
    // an unknown investigation contributes nothing (ICAT's counts are filtered), without error
    expect(await (await get(`getDatafileIds?sessionId=${session}&investigationIds=987654`)).json()).toEqual({ ids: [] });
  });
});

describe("read-only and getLink configuration", () => {
  it("answers 501 for put, delete and write on a read-only server; getLink only when enabled", async () => {
    const ro = await startIdsSandbox({ readOnly: true, linkEnabled: true });
    const s = seedTutorial(ro.catalogue);
    const stored = await ro.addDatafile({ datasetId: s.dataset.id, name: "a.txt", content: "a" });
    const put = await fetch(`${ro.url}/put?sessionId=${s.sessionId}&name=b&datasetId=${s.dataset.id}&datafileFormatId=1`, { method: "PUT", body: "b" });
    expect(put.status).toBe(501);
    expect(await put.json()).toEqual({ code: "NotImplementedException", message: "This operation has been configured to be unavailable" });
    expect((await fetch(`${ro.url}/delete?sessionId=${s.sessionId}&datafileIds=${stored.id}`, { method: "DELETE" })).status).toBe(501);
    const write = await fetch(`${ro.url}/write`, { method: "POST", body: new URLSearchParams({ sessionId: s.sessionId, datafileIds: String(stored.id) }) });
    expect(write.status).toBe(501);
    expect(await (await fetch(`${ro.url}/isReadOnly`)).text()).toBe("true");
    const link = await fetch(`${ro.url}/getLink`, { method: "POST", body: new URLSearchParams({ sessionId: s.sessionId, datafileId: String(stored.id), username: "me" }) });
    expect(link.status).toBe(200);
    expect(await link.text()).toMatch(/link\/[0-9a-f-]{36}$/);
    await ro.close();
    const noLink = await fetch(`${base}/getLink`, { method: "POST", body: new URLSearchParams({ sessionId: session, datafileId: "1", username: "me" }) });
    expect(await noLink.json()).toEqual({ code: "NotImplementedException", message: "Sorry getLink is not available on this IDS installation" });
  });
});

// ids.server applies `Range: bytes=N-` to whatever getData streams (IdsBean SO.write wraps the
// output in a RangeOutputStream before the ZipOutputStream): on a zip the first N bytes of the zip
// as generated are skipped, 206 without Content-Range or Content-Length; past the end the body is
// empty; a single file's Content-Length is max(0, length − N).
describe("getData with an offset", () => {
  it("skips the first N bytes of a zip as generated, and answers an offset past the end with an empty 206", async () => {
    const stable = await startIdsSandbox({ stableZips: true });
    const s = seedTutorial(stable.catalogue);
    for (const [name, content] of [["one.txt", "first file\n"], ["two.txt", "second file\n"]] as const) await stable.addDatafile({ datasetId: s.dataset.id, name, content });
    const zipUrl = `${stable.url}/getData?sessionId=${s.sessionId}&datasetIds=${s.dataset.id}`;
    const whole = Buffer.from(await (await fetch(zipUrl)).arrayBuffer());
    for (const offset of [1, 100, whole.length - 1]) {
      const part = await fetch(zipUrl, { headers: { range: `bytes=${offset}-` } });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBeNull();
      expect(part.headers.get("content-length")).toBeNull();
      expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(offset))).toBe(true);
    }
    const past = await fetch(zipUrl, { headers: { range: `bytes=${whole.length + 10}-` } });
    expect(past.status).toBe(206);
    expect((await past.arrayBuffer()).byteLength).toBe(0);
    const fileId = (await stable.addDatafile({ datasetId: s.dataset.id, name: "three.txt", content: "3\n" })).id;
    const pastFile = await fetch(`${stable.url}/getData?sessionId=${s.sessionId}&datafileIds=${fileId}`, { headers: { range: "bytes=5-" } });
    expect(pastFile.status).toBe(206);
    expect(pastFile.headers.get("content-length")).toBe("0");
    expect((await pastFile.arrayBuffer()).byteLength).toBe(0);
    await stable.close();
  });
});
