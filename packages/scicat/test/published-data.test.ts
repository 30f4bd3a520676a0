// Published data (v4): the low-level client against the sandbox, and the sandbox's wire
// behaviour as BE:src/published-data/published-data.v4.controller.ts answers it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScicatApi, ScicatBadRequestError, ScicatForbiddenError, ScicatNotFoundError } from "../src/index.ts";
import { startScicatSandbox, type ScicatSandbox } from "../src/testing/index.ts";
import { call, login } from "./sandbox-helpers.ts";

let sandbox: ScicatSandbox;
let ingestor: ScicatApi;
let anonymous: ScicatApi;

beforeAll(async () => {
  sandbox = await startScicatSandbox({ doiPrefix: "10.99999/" });
  ingestor = new ScicatApi({ url: sandbox.url, credential: await login(sandbox) });
  anonymous = new ScicatApi({ url: sandbox.url });
});
afterAll(async () => {
  await ingestor.close();
  await anonymous.close();
  await sandbox.close();
});

describe("published data (v4)", () => {
  it("create → private, visible to its creator only; publish makes it and its datasets public", async () => {
    const ds = sandbox.seedDataset({ ownerGroup: "ingestor", isPublished: false });
    const created = await ingestor.publishedData.create({ title: "T", abstract: "A", datasetPids: [ds.pid] });
    const doi = String(created.doi);
    expect(doi).toMatch(/^10\.99999\/[0-9a-f-]{36}$/);
    expect(created).toMatchObject({ _id: doi, status: "private", createdBy: "ingestor", datasetPids: [ds.pid] });
    expect(String(created.pid)).toMatch(/^PID\.prefix\.a0b1\//);
    expect(await ingestor.publishedData.get(doi)).toMatchObject({ title: "T" });
    const user1 = new ScicatApi({ url: sandbox.url, credential: await login(sandbox, "user1", "a609316768619f154ef58db4d847b75e") });
    await expect(user1.publishedData.get(doi)).rejects.toBeInstanceOf(ScicatNotFoundError);
    expect(await user1.publishedData.count()).toBe(0);
    expect(await ingestor.publishedData.update(doi, { title: "T2" })).toMatchObject({ title: "T2", updatedBy: "ingestor" });
    expect(await ingestor.publishedData.publish(doi)).toMatchObject({ status: "public" });
    expect(sandbox.state.datasets.get(String(ds.pid))).toMatchObject({ isPublished: true });
    expect(await user1.publishedData.get(doi)).toMatchObject({ status: "public" });
    await user1.close();
    // anonymous lists see registered documents only; a public one is still readable by doi
    expect(await anonymous.publishedData.find()).toEqual([]);
    expect(await anonymous.publishedData.get(doi)).toMatchObject({ status: "public" });
    expect((await ingestor.publishedData.find({ where: { title: "T2" } })).map((p) => p.doi)).toEqual([doi]);
  });

  it("the status machine's refusals are bare JSON strings; validation, anonymous writes and deletes are typed", async () => {
    const token = await login(sandbox);
    const pd = (await call(sandbox, "POST", "/api/v4/publisheddata", { token, body: { title: "S", abstract: "A", datasetPids: [] } })).json as { doi: string };
    const path = `/api/v4/publisheddata/${encodeURIComponent(pd.doi)}`;
    expect((await call(sandbox, "POST", `${path}/publish`, { token })).status).toBe(201);
    const again = await call(sandbox, "POST", `${path}/publish`, { token });
    expect([again.status, again.json]).toEqual([400, "Published data can only be published if it is in private state."]);
    await expect(ingestor.publishedData.update(pd.doi, { title: "late" })).rejects.toBeInstanceOf(ScicatBadRequestError);
    await expect(ingestor.publishedData.amend(pd.doi)).rejects.toBeInstanceOf(ScicatForbiddenError);
    const bad = await call(sandbox, "POST", "/api/v4/publisheddata", { token, body: { title: "x", datasetPids: "nope", extra: true } });
    expect(bad.status).toBe(400);
    expect((bad.json as { message: string[] }).message).toEqual(expect.arrayContaining(["property extra should not exist"]));
    const anon = await call(sandbox, "PATCH", path, { body: { title: "x" } });
    expect([anon.status, anon.json]).toEqual([401, { message: "Unauthenticated", error: "Unauthorized", statusCode: 401 }]);
    expect((await call(sandbox, "POST", "/api/v4/publisheddata", { body: { title: "x", abstract: "a", datasetPids: [] } })).status).toBe(403);
    // DELETE_GROUPS only, and only while private
    const priv = await ingestor.publishedData.create({ title: "D", abstract: "A", datasetPids: [] });
    await expect(ingestor.publishedData.delete(String(priv.doi))).rejects.toBeInstanceOf(ScicatForbiddenError);
    const archivist = new ScicatApi({ url: sandbox.url, credential: await login(sandbox, "archiveManager", "aman") });
    await expect(archivist.publishedData.delete(pd.doi)).rejects.toBeInstanceOf(ScicatBadRequestError);
    // remove() looks the document up by doi alone: any private one, whoever created it
    expect(await archivist.publishedData.delete(String(priv.doi))).toMatchObject({ title: "D" });
    await expect(archivist.publishedData.delete(String(priv.doi))).rejects.toBeInstanceOf(ScicatNotFoundError);
    await archivist.close();
    expect(await anonymous.publishedData.config()).toBeUndefined();
  });

  it("an admin amends registered documents and may change public ones", async () => {
    const admin = new ScicatApi({ url: sandbox.url, credential: await login(sandbox, "admin", "2jf70TPNZsS") });
    const pd = await admin.publishedData.create({ title: "R", abstract: "A", datasetPids: [], status: "registered" });
    expect(await anonymous.publishedData.count({ where: { title: "R" } })).toBe(1);
    expect(await admin.publishedData.amend(String(pd.doi))).toMatchObject({ status: "amended" });
    await expect(admin.publishedData.update(String(pd.doi), { title: "no" })).rejects.toBeInstanceOf(ScicatBadRequestError);
    await admin.close();
  });
});
