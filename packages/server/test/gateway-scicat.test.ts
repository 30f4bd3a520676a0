// /api/v1/scicat over the SciCat sandbox: datasets in the /api/v1 shapes, read with the caller's
// own SciCat token (never more than SciCat shows that token), published ones without a token,
// SciCat's 401/403/404 kept, the routes in the OpenAPI document, tokens absent from the logs.
import { startScicatSandbox, type ScicatSandbox } from "@catkit/scicat/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGatewayWorld, type GatewayWorld } from "./gateway-helpers.ts";

let scicat: ScicatSandbox;
let world: GatewayWorld;
let user1: string;
const USER_PASSWORD = "a609316768619f154ef58db4d847b75e";
const get = (path: string, token?: string) => fetch(`${world.server.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
const pidPath = (pid: string) => encodeURIComponent(pid);

async function login(username: string, password: string): Promise<string> {
  const res = await fetch(`${scicat.url}/v3/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
  return ((await res.json()) as { id: string }).id;
}

beforeAll(async () => {
  scicat = await startScicatSandbox();
  scicat.seedDataset({
    pid: "p/mine", datasetName: "mine", ownerGroup: "group1", sourceFolder: "/data/hg123/mine", proposalIds: ["hg123"], creationLocation: "id00",
    startTime: "2024-03-01T09:00:00.000Z", scientificMetadata: { energy: { value: 7.1, unit: "keV" }, note: "plain" },
  });
  scicat.seedDataset({ pid: "p/theirs", datasetName: "theirs", ownerGroup: "group2" });
  scicat.seedDataset({ pid: "p/public", datasetName: "public", ownerGroup: "group2", isPublished: true });
  scicat.state.origdatablocks.set("b1", {
    _id: "b1", datasetId: "p/mine", ownerGroup: "group1", accessGroups: [], size: 5, chkAlg: "md5",
    dataFileList: [{ path: "a.h5", size: 3, time: "2024-03-01T09:00:00.000Z", chk: "abc" }, { path: "sub/b.h5", size: 2, time: "2024-03-01T09:00:00.000Z" }],
  });
  world = await startGatewayWorld({ CATKIT_SERVER__SCICAT: JSON.stringify({ url: scicat.url, mirror: false }) });
  user1 = await login("user1", USER_PASSWORD);
});
afterAll(async () => {
  await world.close();
  await scicat.close();
});

describe("/api/v1/scicat", () => {
  it("lists what the caller's token may read, in the /api/v1 shapes", async () => {
    const res = await get("/api/v1/scicat/datasets", user1);
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: { pid: string }[]; hasMore: boolean };
    expect(page.items.map((d) => d.pid)).toEqual(["p/mine", "p/public"]);
    expect(page.items[0]).toMatchObject({
      pid: "p/mine", name: "mine", location: "/data/hg123/mine", investigation: "hg123", instrument: "id00", ownerGroup: "group1",
      startDate: "2024-03-01T09:00:00.000Z", parameters: [{ name: "energy", value: 7.1, units: "keV" }, { name: "note", value: "plain" }],
    });
    const filtered = (await (await get("/api/v1/scicat/datasets?investigation=hg123&limit=1", user1)).json()) as { items: { pid: string }[]; hasMore: boolean };
    expect(filtered).toMatchObject({ items: [{ pid: "p/mine" }], hasMore: false, limit: 1 });
    const paged = (await (await get("/api/v1/scicat/datasets?limit=1", user1)).json()) as { items: { pid: string }[]; hasMore: boolean };
    expect(paged).toMatchObject({ items: [{ pid: "p/mine" }], hasMore: true });
  });

  it("without a token, only published datasets", async () => {
    const page = (await (await get("/api/v1/scicat/datasets")).json()) as { items: { pid: string }[] };
    expect(page.items.map((d) => d.pid)).toEqual(["p/public"]);
    expect((await get(`/api/v1/scicat/datasets/${pidPath("p/mine")}`)).status).toBe(404);
    expect((await get(`/api/v1/scicat/datasets/${pidPath("p/public")}`)).status).toBe(200);
  });

  it("one dataset and its files; SciCat's 403 and 404 kept", async () => {
    const one = await get(`/api/v1/scicat/datasets/${pidPath("p/mine")}`, user1);
    expect(await one.json()).toMatchObject({ pid: "p/mine", name: "mine" });
    const files = await (await get(`/api/v1/scicat/datasets/${pidPath("p/mine")}/files`, user1)).json();
    expect(files).toEqual({
      items: [
        { name: "a.h5", location: "a.h5", fileSize: 3, checksum: "abc", modTime: "2024-03-01T09:00:00.000Z", datasetPid: "p/mine" },
        { name: "b.h5", location: "sub/b.h5", fileSize: 2, modTime: "2024-03-01T09:00:00.000Z", datasetPid: "p/mine" },
      ],
      offset: 0, limit: 100, hasMore: false,
    });
    const theirs = await get(`/api/v1/scicat/datasets/${pidPath("p/theirs")}`, user1);
    expect(theirs.status).toBe(403);
    expect(await theirs.json()).toMatchObject({ statusCode: 403, code: "SCICAT_FORBIDDEN" });
    const missing = await get(`/api/v1/scicat/datasets/${pidPath("p/none")}`, user1);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "SCICAT_NOT_FOUND" });
  });

  it("401 for a malformed Authorization and for an expired token", async () => {
    const basic = await fetch(`${world.server.url}/api/v1/scicat/datasets`, { headers: { authorization: "Basic dXNlcjE6eA==" } });
    expect(basic.status).toBe(401);
    expect(await basic.json()).toMatchObject({ code: "BAD_AUTHORIZATION" });
    const token = await login("user2", USER_PASSWORD);
    scicat.advanceTime(2 * 3600 * 1000);
    const expired = await get("/api/v1/scicat/datasets", token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ statusCode: 401, code: "SCICAT_SESSION_EXPIRED" });
  });

  it("is in the OpenAPI document, /health checks SciCat, and no token reaches the logs", async () => {
    const doc = (await (await fetch(`${world.server.url}/openapi.json`)).json()) as { paths: Record<string, unknown>; components: { securitySchemes: Record<string, unknown> } };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/scicat/datasets", "/api/v1/scicat/datasets/{pid}", "/api/v1/scicat/datasets/{pid}/files"]));
    expect(doc.components.securitySchemes.scicatToken).toBeDefined();
    expect(await (await fetch(`${world.server.url}/health`)).json()).toMatchObject({ checks: { scicat: { ok: true } } });
    const text = world.logLines.join("");
    expect(text).toContain("SCICAT_FORBIDDEN"); // the 403 above was logged
    expect(text).not.toContain(user1);
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
  });
});
