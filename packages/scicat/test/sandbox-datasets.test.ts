import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScicatSandbox, type ScicatSandbox } from "../src/testing/index.ts";
import { call, login, rawDataset } from "./sandbox-helpers.ts";

let sandbox: ScicatSandbox;
let ingestor: string;
let user1: string;
beforeAll(async () => {
  sandbox = await startScicatSandbox();
  ingestor = await login(sandbox);
  user1 = await login(sandbox, "user1", "a609316768619f154ef58db4d847b75e");
});
afterAll(() => sandbox.close());

describe("sandbox datasets (BE datasets.v4.controller, datasets.controller)", () => {
  it("creates with a generated prefix/uuid pid, stamps, defaults and version, and reads it back through %2F", async () => {
    const res = await call(sandbox, "POST", "/api/v4/datasets", { token: ingestor, body: rawDataset({ scientificMetadata: { temperature: { value: 20, unit: "celsius" }, range: { v: [1, 2], u: "mm" } } }) });
    expect(res.status).toBe(201);
    const ds = res.json as Record<string, unknown>;
    expect(ds.pid).toMatch(/^PID\.prefix\.a0b1\/[0-9a-f-]{36}$/);
    expect(ds).toMatchObject({ _id: ds.pid, version: "4", createdBy: "ingestor", updatedBy: "ingestor", size: 0, numberOfFiles: 0, isPublished: false, keywords: [], creationTime: "2026-01-02T03:04:05.000Z" });
    expect(ds.createdAt).toBe(ds.updatedAt);
    const sm = ds.scientificMetadata as Record<string, Record<string, unknown>>;
    expect(sm.temperature).toMatchObject({ valueSI: 293.15, unitSI: "K" });
    expect(sm.range).toMatchObject({ valueSI: [0.001, 0.002], unitSI: "m" });
    const back = await call(sandbox, "GET", `/api/v4/datasets/${encodeURIComponent(String(ds.pid))}`, { token: ingestor });
    expect(back.status).toBe(200);
    expect((back.json as { pid: string }).pid).toBe(ds.pid);
  });

  it("answers 409 on a duplicate pid, 403 for a pid without permission or a foreign ownerGroup", async () => {
    const body = rawDataset({ pid: "PID.prefix.a0b1/fixed-1" });
    expect((await call(sandbox, "POST", "/api/v4/datasets", { token: ingestor, body })).status).toBe(201);
    const dup = await call(sandbox, "POST", "/api/v4/datasets", { token: ingestor, body });
    expect(dup.json).toEqual({ message: "A dataset with pid PID.prefix.a0b1/fixed-1 already exists!", error: "Conflict", statusCode: 409 });
    const withPid = await call(sandbox, "POST", "/api/v4/datasets", { token: user1, body: rawDataset({ ownerGroup: "group1", pid: "x/y" }) });
    expect(withPid.status).toBe(403);
    const foreign = await call(sandbox, "POST", "/api/v4/datasets", { token: user1, body: rawDataset({ ownerGroup: "group2" }) });
    expect(foreign.json).toMatchObject({ message: "Unauthorized to create this dataset", statusCode: 403 });
    expect((await call(sandbox, "POST", "/api/v4/datasets", { body: rawDataset() })).json).toMatchObject({ message: "Forbidden resource" });
  });

  it("validates v4 bodies with Nest's message list, unknown properties included", async () => {
    const res = await call(sandbox, "POST", "/api/v4/datasets", { token: ingestor, body: { ...rawDataset({ contactEmail: "not-an-email", creationTime: "yesterday" }), datasetName: undefined, foo: 1 } });
    expect(res.status).toBe(400);
    const body = res.json as { message: string[]; error: string; statusCode: number };
    expect(body.error).toBe("Bad Request");
    expect(body.message).toEqual(expect.arrayContaining(["property foo should not exist", "datasetName must be a string", "creationTime must be a valid ISO 8601 date string", "Expected an email or a list of semicolon separated emails, got not-an-email"]));
    const valid = await call(sandbox, "POST", "/api/v4/datasets/isValid", { token: ingestor, body: { ...rawDataset(), foo: 1 } });
    expect(valid).toMatchObject({ status: 200, json: { valid: false } });
  });

  it("validates v3 bodies with the stringified {status, message} shape and converts obsolete fields", async () => {
    const bad = await call(sandbox, "POST", "/api/v3/datasets", { token: ingestor, body: rawDataset() });
    expect(bad.status).toBe(400);
    const body = bad.json as { status: number; message: string };
    expect(body.status).toBe(400);
    expect(JSON.parse(body.message)).toEqual(expect.arrayContaining([expect.objectContaining({ property: "principalInvestigator" })]));
    const ok = await call(sandbox, "POST", "/api/v3/datasets", { token: ingestor, body: { ...rawDataset({ datasetName: undefined, sourceFolder: "/a/b/c" }), principalInvestigator: "Ada", creationLocation: "ESS", proposalId: "p1" } });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ proposalIds: ["p1"], proposalId: "p1", principalInvestigators: ["Ada"], principalInvestigator: "Ada", datasetName: "b/c", version: "3" });
    const v3 = await call(sandbox, "GET", `/api/v3/Datasets/${encodeURIComponent((ok.json as { pid: string }).pid)}`, { token: ingestor });
    expect(v3.json).toMatchObject({ history: [], proposalId: "p1" });
    expect((await call(sandbox, "GET", "/api/v3/datasets/nope%2Fnope", { token: ingestor })).json).toMatchObject({ message: "dataset: nope/nope not found", statusCode: 404 });
  });

  it("404 'dataset: null not found' for v4, 403 for unpublished to others, empty 200 on the public route", async () => {
    expect((await call(sandbox, "GET", "/api/v4/datasets/a%2Fmissing", { token: ingestor })).json).toEqual({ message: "dataset: null not found", error: "Not Found", statusCode: 404 });
    const pid = encodeURIComponent("PID.prefix.a0b1/fixed-1");
    expect((await call(sandbox, "GET", `/api/v4/datasets/${pid}`, { token: user1 })).json).toMatchObject({ statusCode: 403, message: "Unauthorized access" });
    const pub = await call(sandbox, "GET", `/api/v4/datasets/public/${pid}`);
    expect(pub.status).toBe(200);
    expect(pub.text).toBe("");
    expect((await call(sandbox, "GET", "/api/v4/datasets")).status).toBe(403);
  });

  it("v4 lists default to 10 newest first, whitelist filter keys, and evaluate Mongo where", async () => {
    for (let i = 0; i < 15; i++) sandbox.seedDataset({ datasetName: `list-${i}`, keywords: ["list"], size: i, isPublished: i % 2 === 0 });
    const list = await call(sandbox, "GET", `/api/v4/datasets?filter=${encodeURIComponent(JSON.stringify({ where: { keywords: "list" } }))}`, { token: ingestor });
    expect((list.json as unknown[]).length).toBe(10);
    const sized = await call(sandbox, "GET", `/api/v4/datasets?filter=${encodeURIComponent(JSON.stringify({ where: { keywords: "list", size: { $gte: 12 } }, limits: { limit: 50, skip: 0, sort: { size: "asc" } }, fields: ["pid", "size"] }))}`, { token: ingestor });
    expect((sized.json as Array<{ size: number }>).map((d) => d.size)).toEqual([12, 13, 14]);
    expect(Object.keys((sized.json as object[])[0] as object).sort()).toEqual(["pid", "size"]);
    const order = await call(sandbox, "GET", `/api/v4/datasets?filter=${encodeURIComponent(JSON.stringify({ limits: { order: "size:asc" } }))}`, { token: ingestor });
    expect(order.json).toEqual({ message: "Property limits.order should not exist in the filter object", error: "Bad Request", statusCode: 400 });
    expect((await call(sandbox, "GET", "/api/v4/datasets?filter={bad", { token: ingestor })).status).toBe(400);
    const count = await call(sandbox, "GET", `/api/v4/datasets/public/count?filter=${encodeURIComponent(JSON.stringify({ where: { keywords: "list" } }))}`);
    expect(count.json).toEqual({ count: 8 });
    const v3 = await call(sandbox, "GET", `/api/v3/datasets?filter=${encodeURIComponent(JSON.stringify({ where: { keywords: { inq: ["list"] } }, limits: { order: "size:desc", limit: 2 } }))}`, { token: ingestor });
    expect((v3.json as Array<{ size: number }>).map((d) => d.size)).toEqual([14, 13]);
    const v3all = await call(sandbox, "GET", "/api/v3/datasets", { token: ingestor });
    expect((v3all.json as unknown[]).length).toBeGreaterThan(10);
  });

  it("patches with JSON (null keeps) and merge-patch (null deletes), honouring If-Unmodified-Since", async () => {
    const ds = sandbox.seedDataset({ description: "d", comment: "c" });
    const path = `/api/v4/datasets/${encodeURIComponent(String(ds.pid))}`;
    const json = await call(sandbox, "PATCH", path, { token: ingestor, body: { description: "d2", comment: null } });
    expect(json.json).toMatchObject({ description: "d2", comment: "c" });
    const merge = await call(sandbox, "PATCH", path, { token: ingestor, body: { comment: null }, headers: { "content-type": "application/merge-patch+json" } });
    expect((merge.json as Record<string, unknown>).comment).toBeUndefined();
    const stale = await call(sandbox, "PATCH", path, { token: ingestor, body: { description: "late" }, headers: { "if-unmodified-since": new Date(Date.now() - 60_000).toUTCString() } });
    expect(stale.status).toBe(412);
    expect((stale.json as { message: string }).message).toContain(`Dataset #${String(ds.pid)} has been modified on the server since`);
    expect((await call(sandbox, "PATCH", path, { token: ingestor, body: { bogus: 1 } })).status).toBe(400);
    expect((await call(sandbox, "PATCH", path, { token: user1, body: { description: "x" } })).status).toBe(403);
  });

  it("origdatablocks add to size and file count ($inc) and are included on request", async () => {
    const ds = sandbox.seedDataset({});
    const block = { datasetId: ds.pid, size: 30, chkAlg: "blake2b", dataFileList: [{ path: "a", size: 10, time: "2026-01-01T00:00:00Z" }, { path: "b", size: 20, time: "2026-01-01T00:00:00Z" }] };
    const created = await call(sandbox, "POST", "/api/v4/origdatablocks", { token: ingestor, body: { ...block, ownerGroup: "ignored" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ datasetId: ds.pid, ownerGroup: "ingestor", chkAlg: "blake2b" });
    await call(sandbox, "POST", "/api/v4/origdatablocks", { token: ingestor, body: block });
    const read = await call(sandbox, "GET", `/api/v4/datasets/${encodeURIComponent(String(ds.pid))}?include=origdatablocks&include=attachments`, { token: ingestor });
    expect(read.json).toMatchObject({ size: 60, numberOfFiles: 4, attachments: [] });
    expect((read.json as { origdatablocks: unknown[] }).origdatablocks).toHaveLength(2);
    const bad = await call(sandbox, "POST", "/api/v4/origdatablocks", { token: ingestor, body: { ...block, dataFileList: [{ path: "a" }] } });
    expect((bad.json as { message: string[] }).message).toEqual(expect.arrayContaining(["dataFileList.0.size must be a number conforming to the specified constraints"]));
    expect((await call(sandbox, "POST", "/api/v4/origdatablocks", { token: user1, body: block })).status).toBe(403);
  });

  it("attachments carry relationships and an aid; thumbnails are free strings", async () => {
    const ds = sandbox.seedDataset({});
    const res = await call(sandbox, "POST", "/api/v4/attachments", { token: ingestor, body: { ownerGroup: "ingestor", caption: "c", isPublished: false, thumbnail: "data:image/png;base64,AAAA", relationships: [{ targetId: ds.pid, targetType: "dataset" }] } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ aid: expect.stringMatching(/^[0-9a-f-]{36}$/), relationships: [{ targetId: ds.pid, targetType: "dataset", relationType: "is attached to" }] });
    const bad = await call(sandbox, "POST", "/api/v4/attachments", { token: ingestor, body: { ownerGroup: "ingestor", caption: "c", isPublished: false, relationships: [{ targetId: "x", targetType: "planet" }] } });
    expect(bad.status).toBe(400);
    const read = await call(sandbox, "GET", `/api/v4/datasets/${encodeURIComponent(String(ds.pid))}?include=attachments`, { token: ingestor });
    expect((read.json as { attachments: unknown[] }).attachments).toHaveLength(1);
  });

  it("samples, proposals and instruments follow their v3 controllers", async () => {
    const sample = await call(sandbox, "POST", "/api/v3/samples", { token: ingestor, body: { ownerGroup: "ingestor", sampleName: "s", sampleCharacteristics: { a: 1 } } });
    expect(sample.status).toBe(201);
    const id = (sample.json as { sampleId: string }).sampleId;
    expect((await call(sandbox, "GET", `/api/v3/samples/${id}`, { token: ingestor })).json).toMatchObject({ sampleName: "s" });
    expect((await call(sandbox, "POST", "/api/v3/samples", { token: ingestor, body: { ownerGroup: "ingestor" } })).json).toMatchObject({ message: ["sampleName must be a string"] });
    const proposalBody = { ownerGroup: "ingestor", proposalId: "p-1", email: "pi@x.org", title: "T" };
    expect((await call(sandbox, "POST", "/api/v3/proposals", { token: ingestor, body: proposalBody })).status).toBe(403);
    const admin = await login(sandbox, "admin", "2jf70TPNZsS");
    expect((await call(sandbox, "POST", "/api/v3/proposals", { token: admin, body: proposalBody })).status).toBe(201);
    expect((await call(sandbox, "POST", "/api/v3/proposals", { token: admin, body: proposalBody })).status).toBe(409);
    const inst = await call(sandbox, "POST", "/api/v3/instruments", { token: admin, body: { uniqueName: "ODIN", name: "Odin" } });
    expect((inst.json as { pid: string }).pid).toMatch(/^PID\.prefix\.a0b1[0-9a-f]{8}-/);
    expect((await call(sandbox, "GET", "/api/v3/instruments")).json).toHaveLength(1);
  });

  it("rejects bodies over 16 MB with 413", async () => {
    const big = "x".repeat(16 * 1024 * 1024 + 10);
    const res = await call(sandbox, "POST", "/api/v4/datasets", { token: ingestor, raw: JSON.stringify({ thumbnail: big }), headers: { "content-type": "application/json" } });
    expect(res.status).toBe(413);
    expect(res.text).toContain("Payload Too Large");
  });

  it("injects faults through core's scaffold", async () => {
    sandbox.faults.respondWith(503, { match: { path: "/api/v3/health" } });
    expect((await call(sandbox, "GET", "/api/v3/health")).status).toBe(503);
    expect((await call(sandbox, "GET", "/api/v3/health")).status).toBe(200);
  });
});
