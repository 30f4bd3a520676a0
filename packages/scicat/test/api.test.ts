// Every low-level method against the sandbox, and the typed error of each status.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PID, ScicatApi, ScicatBadRequestError, ScicatConflictError, ScicatErrorCode, ScicatForbiddenError, ScicatPayloadTooLargeError, ScicatPreconditionFailedError, v3Filter, v4Filter } from "../src/index.ts";
import { startScicatSandbox, type ScicatSandbox } from "../src/testing/index.ts";

let sandbox: ScicatSandbox;
let api: ScicatApi;
let admin: ScicatApi;
let token: string;
const body = { type: "raw", ownerGroup: "ingestor", contactEmail: "a@b.org", sourceFolder: "/d", creationTime: "2026-01-01T00:00:00Z", datasetName: "x", owner: "o" };

beforeAll(async () => {
  sandbox = await startScicatSandbox();
  const anon = new ScicatApi({ url: sandbox.url });
  token = (await anon.auth.login("ingestor", "aman")).id;
  api = new ScicatApi({ url: sandbox.url, credential: token });
  admin = new ScicatApi({ url: sandbox.url, credential: (await anon.auth.login("admin", "2jf70TPNZsS")).id });
  await anon.close();
});
afterAll(async () => {
  await api.close();
  await admin.close();
  await sandbox.close();
});

describe("ScicatApi", () => {
  it("auth calls", async () => {
    expect(await api.auth.whoami()).toMatchObject({ username: "ingestor" });
    expect(await api.auth.mySelf()).toMatchObject({ username: "ingestor" });
    expect(await api.auth.health()).toMatchObject({ status: "ok" });
    const me = (await admin.auth.whoami())._id as string;
    expect((await admin.auth.createUserJwt(me, "never")).split(".")).toHaveLength(3);
    await expect(api.auth.createUserJwt(me, 60)).rejects.toBeInstanceOf(ScicatForbiddenError);
    expect(await api.auth.logout()).toBeDefined();
    const sent = sandbox.requests.at(-1);
    expect(sent?.headers.authorization).toBe(`Bearer ${token}`);
  });

  it("dataset calls, v4 and v3", async () => {
    const created = await api.datasets.create(body);
    const pid = PID.parse(String(created.pid));
    expect(await api.datasets.validate(body)).toEqual({ valid: true });
    expect((await api.datasets.get(pid)).pid).toBe(pid.toString());
    expect(await api.datasets.getPublic(pid)).toBeUndefined();
    expect((await api.datasets.find(v4Filter({ where: { pid: pid.toString() }, limit: 10 }))).length).toBe(1);
    expect(await api.datasets.findPublic(v4Filter({ limit: 10 }))).toEqual([]);
    expect((await api.datasets.count({ where: { datasetName: "x" } })).count).toBeGreaterThan(0);
    expect((await api.datasets.countPublic()).count).toBe(0);
    expect((await api.datasets.findOne(v4Filter({ where: { pid: pid.toString() }, limit: 1 })))?.pid).toBe(pid.toString());
    const updated = await api.datasets.update(pid, { description: "d" });
    await expect(api.datasets.update(pid, { description: "e" }, { ifUnmodifiedSince: new Date(Date.parse(String(updated.updatedAt)) - 5_000) })).rejects.toBeInstanceOf(ScicatPreconditionFailedError);
    expect((await api.datasets.update(pid, { description: null }, { mergePatch: true })).description).toBeUndefined();
    expect((await api.datasets.replace(pid, { ...body, datasetName: "y" })).datasetName).toBe("y");
    expect(await api.datasets.lifecycle(pid)).toEqual({});
    expect((await api.datasets.findV3(v3Filter({ where: { datasetName: "y" }, limit: 5 }))).length).toBe(1);
    expect((await api.datasets.countV3({ where: { datasetName: "y" } })).count).toBe(1);
    expect((await api.datasets.fullquery({ datasetName: "y" }, { limit: 5 })).length).toBe(1);
    expect(await api.datasets.getV3(pid)).toMatchObject({ history: [] });
    await expect(api.datasets.delete(pid)).rejects.toBeInstanceOf(ScicatForbiddenError);
    await expect(api.datasets.create({ ...body, pid: pid.toString() })).rejects.toBeInstanceOf(ScicatConflictError);
    const bad = await api.datasets.create({ ...body, foo: 1 }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ScicatBadRequestError);
    expect((bad as ScicatBadRequestError).messages).toEqual(["property foo should not exist"]);
    const v3 = await api.call({ method: "POST", version: "v3", path: "datasets", body: { ...body, owner: undefined }, operation: "v3 create" }).catch((e: unknown) => e);
    expect((v3 as ScicatBadRequestError).messages).toContain("owner must be a string");
  });

  it("orig datablock and attachment calls", async () => {
    const ds = sandbox.seedDataset({});
    const block = { datasetId: ds.pid, size: 1, chkAlg: "md5", dataFileList: [{ path: "a", size: 1, time: "2026-01-01T00:00:00Z" }] };
    expect(await api.origDatablocks.validate(block)).toEqual({ valid: true, reason: [] });
    const made = await api.origDatablocks.create(block);
    expect((await api.origDatablocks.get(String(made._id))).datasetId).toBe(ds.pid);
    expect((await api.origDatablocks.find(v3Filter({ where: { datasetId: ds.pid }, limit: 10 }))).length).toBe(1);
    await api.origDatablocks.delete(String(made._id));
    expect(sandbox.state.datasets.get(String(ds.pid))).toMatchObject({ size: 0, numberOfFiles: 0 });
    const att = await api.attachments.create({ ownerGroup: "ingestor", caption: "c", isPublished: false, relationships: [{ targetId: ds.pid, targetType: "dataset" }] });
    const aid = String(att.aid);
    expect((await api.attachments.get(aid)).caption).toBe("c");
    expect((await api.attachments.find(v3Filter({ limit: 10 }))).length).toBeGreaterThan(0);
    expect((await api.attachments.forDataset(PID.parse(String(ds.pid)).toPath())).length).toBe(1);
    expect((await api.attachments.update(aid, { caption: "d" })).caption).toBe("d");
    await api.attachments.delete(aid);
    await expect(api.attachments.create({ ownerGroup: "ingestor", caption: "c", isPublished: false, thumbnail: "x".repeat(17 * 1024 * 1024) })).rejects.toBeInstanceOf(ScicatPayloadTooLargeError);
  });

  it("sample, proposal and instrument calls", async () => {
    const s = await api.samples.create({ ownerGroup: "ingestor", sampleName: "s" });
    const id = String(s.sampleId);
    expect((await api.samples.get(id)).sampleName).toBe("s");
    expect((await api.samples.find(v3Filter({ limit: 10 }))).length).toBe(1);
    expect(await api.samples.count()).toEqual({ count: 1 });
    expect((await api.samples.update(id, { description: "d" })).description).toBe("d");
    await api.samples.delete(id);
    await admin.proposals.create({ ownerGroup: "ingestor", proposalId: "p1", email: "pi@x.org", title: "T" });
    expect((await api.proposals.get("p1")).title).toBe("T");
    const inst = await admin.instruments.create({ uniqueName: "I", name: "I" });
    expect((await api.instruments.get(String(inst.pid))).name).toBe("I");
    await expect(api.instruments.create({ uniqueName: "J", name: "J" })).rejects.toMatchObject({ code: ScicatErrorCode.Forbidden });
  });

  it("redacts the token from errors", async () => {
    const err = await api.datasets.get("no/such").catch((e: unknown) => e);
    expect(JSON.stringify(err)).not.toContain(token);
    expect(String((err as Error).stack)).not.toContain(token);
  });
});
