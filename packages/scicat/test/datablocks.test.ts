// Archive datablocks (v3): the low-level client against the sandbox, and the sandbox's wire
// behaviour as BE:src/datablocks/datablocks.controller.ts answers it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScicatApi, ScicatBadRequestError, ScicatConflictError, ScicatForbiddenError, ScicatNotFoundError } from "../src/index.ts";
import { startScicatSandbox, type ScicatSandbox } from "../src/testing/index.ts";
import { call, login } from "./sandbox-helpers.ts";

let sandbox: ScicatSandbox;
let ingestor: ScicatApi;
const file = (path: string, size: number) => ({ path, size, time: "2026-01-01T00:00:00Z" });
const block = (datasetId: string, archiveId: string) => ({ datasetId, archiveId, size: 300, packedSize: 120, version: "1", chkAlg: "sha256", dataFileList: [file("a.tar", 100), file("b.tar", 20)] });

beforeAll(async () => {
  sandbox = await startScicatSandbox();
  ingestor = new ScicatApi({ url: sandbox.url, credential: await login(sandbox) });
});
afterAll(async () => {
  await ingestor.close();
  await sandbox.close();
});

describe("datablocks (v3)", () => {
  it("create copies ownership from the dataset and raises its packedSize and numberOfFilesArchived; read, count, update, nested list", async () => {
    const ds = sandbox.seedDataset({ ownerGroup: "ingestor", accessGroups: ["group2"], packedSize: 0, numberOfFilesArchived: 0 });
    const created = await ingestor.datablocks.create({ ...block(String(ds.pid), "arch-1"), ownerGroup: "ignored" });
    expect(created).toMatchObject({ datasetId: ds.pid, ownerGroup: "ingestor", accessGroups: ["group2"], archiveId: "arch-1", isPublished: false, createdBy: "ingestor" });
    expect(typeof created._id).toBe("string");
    expect(sandbox.state.datasets.get(String(ds.pid))).toMatchObject({ packedSize: 120, numberOfFilesArchived: 2 });
    expect(await ingestor.datablocks.get(String(created._id))).toEqual(created);
    expect(await ingestor.datablocks.count({ where: { datasetId: ds.pid } })).toBe(1);
    expect((await ingestor.datablocks.find({ where: { archiveId: "arch-1" } })).map((b) => b._id)).toEqual([created._id]);
    expect((await ingestor.datablocks.forDataset(String(ds.pid))).map((b) => b._id)).toEqual([created._id]);
    const updated = await ingestor.datablocks.update(String(created._id), { packedSize: 100, dataFileList: [file("a.tar", 100)] });
    expect(updated).toMatchObject({ packedSize: 100, archiveId: "arch-1" });
    expect(sandbox.state.datasets.get(String(ds.pid))).toMatchObject({ packedSize: 100, numberOfFilesArchived: 1 });
  });

  it("reading follows the datablock ability: privileged creators may write other groups' blocks but not read them", async () => {
    const ds = sandbox.seedDataset({ ownerGroup: "group1" });
    const created = await ingestor.datablocks.create(block(String(ds.pid), "arch-other"));
    await expect(ingestor.datablocks.get(String(created._id))).rejects.toBeInstanceOf(ScicatForbiddenError);
    expect(await ingestor.datablocks.count({ where: { archiveId: "arch-other" } })).toBe(0);
    const user1 = new ScicatApi({ url: sandbox.url, credential: await login(sandbox, "user1", "a609316768619f154ef58db4d847b75e") });
    expect(await user1.datablocks.get(String(created._id))).toMatchObject({ ownerGroup: "group1" });
    await user1.close();
  });

  it("refuses bad bodies, duplicate archive ids, unknown datasets and callers without the right groups", async () => {
    const ds = sandbox.seedDataset({ ownerGroup: "group1" });
    await ingestor.datablocks.create(block(String(ds.pid), "arch-dup"));
    await expect(ingestor.datablocks.create(block(String(ds.pid), "arch-dup"))).rejects.toBeInstanceOf(ScicatConflictError);
    await expect(ingestor.datablocks.create(block("nope/1", "arch-x"))).rejects.toBeInstanceOf(ScicatNotFoundError);
    const bad = await ingestor.datablocks.create({ datasetId: ds.pid, archiveId: "arch-y", size: 1.5, version: "1", dataFileList: [], extra: 1 }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ScicatBadRequestError);
    // CREATE_DATASET_GROUPS "#all" matches no real group in the datablock ability: a plain user is refused by the guard
    const user1 = await login(sandbox, "user1", "a609316768619f154ef58db4d847b75e");
    const res = await call(sandbox, "POST", "/api/v3/datablocks", { token: user1, body: block(String(ds.pid), "arch-z") });
    expect([res.status, res.json]).toEqual([403, { message: "Forbidden resource", error: "Forbidden", statusCode: 403 }]);
    // … but as the dataset's owner may use the obsolete nested route
    const nested = await call(sandbox, "POST", `/api/v3/datasets/${encodeURIComponent(String(ds.pid))}/datablocks`, { token: user1, body: { ...block(String(ds.pid), "arch-n"), datasetId: undefined } });
    expect(nested.status).toBe(201);
    expect(nested.json).toMatchObject({ datasetId: ds.pid, ownerGroup: "group1" });
    expect((await call(sandbox, "GET", "/api/v3/datablocks/unknown", { token: user1 })).json).toEqual({ message: "Not Found", statusCode: 404 });
    // deleting needs DELETE_GROUPS
    const id = String((nested.json as { _id: string })._id);
    await expect(ingestor.datablocks.delete(id)).rejects.toBeInstanceOf(ScicatForbiddenError);
    const archivist = new ScicatApi({ url: sandbox.url, credential: await login(sandbox, "archiveManager", "aman") });
    expect(await archivist.datablocks.delete(id)).toMatchObject({ archiveId: "arch-n" });
    await archivist.close();
    expect((await call(sandbox, "GET", "/api/v3/datablocks")).status).toBe(403);
  });
});
