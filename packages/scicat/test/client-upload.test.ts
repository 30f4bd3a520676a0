import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isCatkitError } from "@catkit/core";
import { ChecksumMismatchError, CopyFileTransfer, Dataset, DatasetUploadError, DatasetValidationError, PartialUploadError, ScicatClient, ScicatErrorCode, ScicatForbiddenError, ScicatNotFoundError, ScicatUnauthorizedError, type Attachment } from "../src/index.ts";
import { startScicatSandbox, type ScicatSandbox } from "../src/testing/index.ts";
import { newDataset, tempDir } from "./client-helpers.ts";

let sandbox: ScicatSandbox;
let server: { path: string; remove: () => Promise<void> };
let work: { path: string; remove: () => Promise<void> };
let client: ScicatClient;

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

beforeAll(async () => {
  sandbox = await startScicatSandbox();
  server = await tempDir("server");
  work = await tempDir("work");
  client = await ScicatClient.fromCredentials({ url: `${sandbox.url}/v3`, username: "ingestor", password: "aman", fileTransfer: new CopyFileTransfer({ sourceFolder: `${server.path}/{owner}/{uid}` }) });
});
afterEach(() => sandbox.faults.clear());
afterAll(async () => {
  await client.close();
  await sandbox.close();
  await server.remove();
  await work.remove();
});

describe("ScicatClient uploads and downloads (CopyFileTransfer)", () => {
  it("uploads files, dataset, datablock and attachment, then reads it back with sizes and checksums", async () => {
    const thumb: Attachment = { caption: "preview", thumbnail: { mime: "image/png", data: Buffer.from("png!").toString("base64") } };
    const ds = (await newDataset(work.path)).with({ attachments: [thumb] });
    const up = await client.uploadNewDatasetNow(ds);
    expect(up.pid?.prefix).toBe("PID.prefix.a0b1");
    expect(up.fields.sourceFolder).toMatch(new RegExp(`^${server.path}/Ada Lovelace/[0-9a-f-]{36}$`));
    expect(up.files.map((f) => f.remotePath).sort()).toEqual(["notes/log.txt", "raw/scan_001.nxs", "raw/scan_002.nxs"]);
    expect(up.fields.size).toBe(ds.files.reduce((n, f) => n + f.size, 0));
    expect(up.fields.numberOfFiles).toBe(3);
    expect(up.files.every((f) => f.checksumAlgorithm === "blake2b" && /^[0-9a-f]{128}$/.test(f.checksum ?? ""))).toBe(true);
    expect(up.attachments?.[0]?.thumbnail?.mime).toBe("image/png");
    expect((await filesUnder(server.path)).length).toBe(3);

    const back = await client.getDataset(String(up.pid), { attachments: true });
    expect(back.fields.meta).toMatchObject({ temperature: { value: 300, unit: "K", valueSI: 300, unitSI: "K" } });
    const target = join(work.path, "download");
    const got = await client.downloadFiles(back, { target, select: /scan_00\d\.nxs$/ });
    const local = got.files.filter((f) => f.localPath).map((f) => f.localPath);
    expect(local.sort()).toEqual([join(target, "raw/scan_001.nxs"), join(target, "raw/scan_002.nxs")]);
    expect(await readFile(join(target, "raw/scan_001.nxs"), "utf8")).toContain("content of scan_001.nxs");
    expect((await filesUnder(target)).some((p) => p.endsWith(".part"))).toBe(false);

    // a tampered remote file: typed error, no local file left behind
    const remote = join(String(back.fields.sourceFolder), "notes/log.txt");
    await writeFile(remote, "tampered");
    const err = await client.downloadFiles(back, { target, select: "notes/log.txt" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChecksumMismatchError);
    expect((await filesUnder(target)).some((p) => p.includes("log.txt"))).toBe(false);

    // up-to-date files are skipped unless forced: tamper the remote, the local copy stays
    await writeFile(join(String(back.fields.sourceFolder), "raw/scan_001.nxs"), "tampered");
    await client.downloadFiles(back, { target, select: ["raw/scan_001.nxs"] });
    await expect(client.downloadFiles(back, { target, select: (f) => f.remotePath === "raw/scan_001.nxs", force: true })).rejects.toBeInstanceOf(ChecksumMismatchError);
  });

  it("reverts uploaded files when SciCat refuses the dataset", async () => {
    const before = (await filesUnder(server.path)).length;
    sandbox.faults.respondWith(500, { match: { method: "POST", path: "/api/v4/datasets" }, body: '{"statusCode":500,"message":"Internal server error"}' });
    const err = await client.uploadNewDatasetNow(await newDataset(work.path)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetUploadError);
    expect((err as DatasetUploadError).filesReverted).toBe(true);
    expect((err as DatasetUploadError).code).toBe(ScicatErrorCode.UploadFailed);
    expect((await filesUnder(server.path)).length).toBe(before);
  });

  it("reports exactly what exists when an orig datablock or an attachment is refused", async () => {
    sandbox.faults.respondWith(500, { match: { method: "POST", path: "/api/v4/origdatablocks" } });
    const err = await client.uploadNewDatasetNow(await newDataset(work.path)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PartialUploadError);
    const state = (err as PartialUploadError).state;
    expect(state.datasetPid).toMatch(/^PID\.prefix\.a0b1\//);
    expect(state.filesUploaded).toHaveLength(3);
    expect(state.origDatablocksCreated).toEqual([]);
    expect(sandbox.state.datasets.has(state.datasetPid as string)).toBe(true);

    sandbox.faults.respondWith(403, { match: { method: "POST", path: "/api/v4/attachments" } });
    const ds = (await newDataset(work.path)).with({ attachments: [{ caption: "a" }, { caption: "b" }] });
    const err2 = (await client.uploadNewDatasetNow(ds).catch((e: unknown) => e)) as PartialUploadError;
    expect(err2.state.origDatablocksCreated).toHaveLength(1);
    expect(err2.state.attachmentsCreated).toEqual([]);
    expect(err2.state.attachmentsTotal).toBe(2);
    expect(err2.message).toContain('attachment 1 of 2 ("a")');
  });

  it("refuses invalid datasets before anything is uploaded", async () => {
    const before = (await filesUnder(server.path)).length;
    const bad = await newDataset(work.path, { contactEmail: "not an email" });
    await expect(client.uploadNewDatasetNow(bad)).rejects.toBeInstanceOf(DatasetValidationError);
    expect(() => new Dataset({ type: "raw", creationTime: "yesterday" })).toThrow(/creationTime must be an ISO 8601 date/);
    const relative = ScicatClient.fromToken({ url: sandbox.url, token: "x.y.z", fileTransfer: new CopyFileTransfer() });
    await expect(relative.uploadNewDatasetNow(await newDataset(work.path, { sourceFolder: "relative/dir" }))).rejects.toMatchObject({ code: "CATKIT_INVALID_ARGUMENT" });
    await relative.close();
    expect((await filesUnder(server.path)).length).toBe(before);
  });

  it("refuses traversal and duplicate local paths before downloading", async () => {
    const ds = new Dataset({ type: "raw", pid: "p/1", sourceFolder: server.path, origDatablocks: [{ checksumAlgorithm: "md5", files: [{ remotePath: "../../etc/passwd", size: 1 }] }] });
    await expect(client.downloadFiles(ds, { target: work.path })).rejects.toMatchObject({ code: "CATKIT_INVALID_ARGUMENT" });
    const dup = new Dataset({ type: "raw", pid: "p/1", sourceFolder: server.path, origDatablocks: [{ checksumAlgorithm: "md5", files: [{ remotePath: "a/b", size: 1 }, { remotePath: "a/./b", size: 1 }] }] });
    await expect(client.downloadFiles(dup, { target: work.path })).rejects.toThrow(/would both be downloaded/);
  });
});

describe("ScicatClient reads", () => {
  it("normalises 404, empty 200 and 403 into typed errors", async () => {
    await expect(client.getDataset("PID.prefix.a0b1/missing")).rejects.toBeInstanceOf(ScicatNotFoundError);
    const hidden = sandbox.seedDataset({ ownerGroup: "group2" });
    const anon = ScicatClient.withoutLogin({ url: sandbox.origin });
    const err = await anon.getDataset(String(hidden.pid)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScicatNotFoundError);
    expect(isCatkitError(err) && err.code).toBe(ScicatErrorCode.NotFound);
    const user1 = await ScicatClient.fromCredentials({ url: sandbox.url, username: "user1", password: "a609316768619f154ef58db4d847b75e" });
    await expect(user1.getDataset(String(hidden.pid))).rejects.toBeInstanceOf(ScicatForbiddenError);
    const pub = sandbox.seedDataset({ isPublished: true, datasetName: "public one" });
    expect((await anon.getDataset(String(pub.pid))).fields.name).toBe("public one");
    await anon.close();
    await user1.close();
  });

  it("fails early on bad credentials and expired tokens, without leaking secrets", async () => {
    const err = await ScicatClient.fromCredentials({ url: sandbox.url, username: "ingestor", password: "s3cret-password" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScicatUnauthorizedError);
    expect(JSON.stringify(err)).not.toContain("s3cret-password");
    const expired = `${Buffer.from('{"alg":"HS256"}').toString("base64url")}.${Buffer.from(JSON.stringify({ exp: 1000 })).toString("base64url")}.sig`;
    expect(() => ScicatClient.fromToken({ url: sandbox.url, token: expired })).toThrow(/expired/);
  });

  it("logs in again once when the server answers SESSION_EXPIRED", async () => {
    const again = await ScicatClient.fromCredentials({ url: sandbox.url, username: "ingestor", password: "aman" });
    const ds = sandbox.seedDataset({});
    sandbox.advanceTime(2 * 3600_000);
    const logins = () => sandbox.requests.filter((r) => r.url === "/api/v3/auth/login").length;
    const before = logins();
    expect((await again.getDataset(String(ds.pid))).pid?.toString()).toBe(ds.pid);
    expect(logins()).toBe(before + 1);
    await again.close();
  });

  it("logs directory users in as scitacean does (auth/login, then auth/msad) and re-logs in through the route that worked", async () => {
    const routes = () => sandbox.requests.filter((r) => r.url.includes("/auth/")).map((r) => r.url);
    const start = routes().length;
    const ldap = await ScicatClient.fromCredentials({ url: sandbox.url, username: "ldapuser", password: "ldap-s3cret" });
    expect(routes().slice(start)).toEqual(["/api/v3/auth/login", "/api/v3/auth/msad"]);
    expect(await ldap.scicat.auth.whoami()).toMatchObject({ username: "ldapuser", currentGroups: ["group1"] });
    sandbox.advanceTime(2 * 3600_000);
    const renewedAt = routes().length;
    expect(await ldap.scicat.auth.whoami()).toMatchObject({ username: "ldapuser" });
    expect(routes().slice(renewedAt).filter((r) => !r.endsWith("/whoami"))).toEqual(["/api/v3/auth/msad"]);
    await ldap.close();
    const direct = await ScicatClient.fromCredentials({ url: sandbox.url, username: "ldapuser", password: "ldap-s3cret", login: "ldap" });
    expect(await direct.scicat.auth.whoami()).toMatchObject({ authStrategy: "ldap" });
    await direct.close();
    // one route named: no fallback, the refusal as it came
    const mark = routes().length;
    await expect(ScicatClient.fromCredentials({ url: sandbox.url, username: "ldapuser", password: "ldap-s3cret", login: "local" })).rejects.toBeInstanceOf(ScicatUnauthorizedError);
    expect(routes().slice(mark)).toEqual(["/api/v3/auth/login"]);
    // every route refusing: the 401, not the 404 of the legacy root /auth/msad this backend lacks
    const err = await ScicatClient.fromCredentials({ url: sandbox.url, username: "ldapuser", password: "nope" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScicatUnauthorizedError);
    expect(routes().slice(mark + 1)).toEqual(["/api/v3/auth/login", "/api/v3/auth/msad", "/auth/msad"]);
  });

  it("samples, proposals, attachments and derived datasets", async () => {
    const sample = await client.uploadNewSampleNow({ id: "ignored", name: "powder", ownerGroup: "ingestor", characteristics: { mass: 1 } });
    expect(sample.id).not.toBe("ignored");
    expect(await client.getSample(sample.id as string)).toMatchObject({ name: "powder", characteristics: { mass: 1 } });
    await expect(client.getProposal("none")).rejects.toBeInstanceOf(ScicatNotFoundError);
    const ds = await client.uploadNewDatasetNow((await newDataset(work.path)).with({ attachments: [{ caption: "x" }] }));
    const bare = await client.getDataset(String(ds.pid));
    expect(bare.attachments).toBeUndefined();
    expect((await client.downloadAttachmentsFor(bare)).attachments?.map((a) => a.caption)).toEqual(["x"]);
    const derived = ds.derive({ name: "reduced", usedSoftware: ["mantid"] });
    expect(derived.fields).toMatchObject({ type: "derived", inputDatasets: [String(ds.pid)], owner: "Ada Lovelace" });
    const up = await client.uploadNewDatasetNow(derived);
    expect(up.type).toBe("derived");
  });

  it("searches with explicit limits across pages and counts", async () => {
    for (let i = 0; i < 25; i++) sandbox.seedDataset({ keywords: ["paged"], datasetName: `p${i}` });
    const seen: string[] = [];
    for await (const d of client.searchDatasets({ keywords: "paged" }, { pageSize: 7 })) seen.push(String(d.pid));
    expect(new Set(seen).size).toBe(25);
    expect(await client.countDatasets({ keywords: "paged" })).toBe(25);
    const filters = sandbox.requests.filter((r) => r.url.startsWith("/api/v4/datasets?filter=")).map((r) => JSON.parse(new URLSearchParams(r.url.split("?")[1]).get("filter") as string) as { limits: { limit: number } });
    expect(filters.every((f) => f.limits.limit === 7)).toBe(true);
  });
});

describe("ScicatClient upload read-back", () => {
  it("returns the creation answers when reading the new dataset back fails", async () => {
    sandbox.faults.respondWith(503, { match: { method: "GET", path: /^\/api\/v4\/datasets\/PID/ } });
    const up = await client.uploadNewDatasetNow(await newDataset(work.path));
    expect(up.pid?.prefix).toBe("PID.prefix.a0b1");
    expect(up.files).toHaveLength(3);
    expect(sandbox.faults.pending).toBe(0);
  });
});
