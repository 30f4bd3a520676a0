// ICAT+ over HTTP against the ICAT+ sandbox (no broker): e-logbook bytes, the outbox for
// e-logbook posts, typed errors with the token and session redacted, the restricted API.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HttpError } from "@catkit/core";
import { startIcatSandbox, type IcatSandbox } from "@catkit/icat/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IcatPlusClient, IcatPlusNullClient, NotConfiguredError } from "../src/index.js";
import { startIcatPlusSandbox, type IcatPlusSandbox } from "../src/testing/index.js";

const TOKEN = "elogbook-11111111-2222-3333-4444-555555555555";
let icat: IcatSandbox;
let plus: IcatPlusSandbox;
let dir: string;
let client: IcatPlusClient;
const now = () => new Date("2024-03-01T09:00:00.123Z");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "icatplus-http-"));
  icat = await startIcatSandbox();
  plus = await startIcatPlusSandbox({ icat, token: TOKEN, sampleFiles: { "7": [{ id: "r1", filename: "plan.txt", content: "the plan" }] }, parcels: { "42": [{ id: "p1" }] } });
  client = new IcatPlusClient({ elogbookUrl: plus.url, elogbookToken: TOKEN, icatplusRestrictedUrl: plus.url, beamline: "id00", proposal: "hg123", machine: "lid00ctrl", software: "test", now, outboxDir: join(dir, "outbox"), elogbookMetadata: { source: "ebs" } });
});
afterAll(async () => {
  await client.close();
  await plus.close();
  await icat.close();
  await rm(dir, { recursive: true, force: true });
});

describe("e-logbook", () => {
  it("sendMessage posts pyicat-plus's JSON (key order, json.dumps separators) with the query", async () => {
    const d = await client.sendMessage("mycontent é", { dataset: "ds1", payload: { tags: ["a", { name: "b" }, "a"] } });
    expect(d.outcome).toBe("sent");
    const event = plus.events.at(-1);
    const creation = JSON.stringify((JSON.parse(event?.raw ?? "{}") as { creationDate: string }).creationDate);
    expect(event?.raw).toBe(
      `{"type": "annotation", "category": "comment", "content": [{"format": "plainText", "text": "mycontent \\u00e9"}], "datasetName": "ds1", "source": "ebs", "tag": [{"name": "a"}, {"name": "b"}], "machine": "lid00ctrl", "software": "test", "creationDate": ${creation}}`,
    );
    expect(creation).toMatch(/^"2024-03-01T\d\d:00:00\.123000[+-]\d\d:\d\d"$/);
    expect([event?.instrumentName, event?.investigationName]).toEqual(["id00", "hg123"]);
  });

  it("maps message types and beamlineOnly drops proposal and dataset", async () => {
    await client.sendMessage("oops", { messageType: "warning", dataset: "ds1", beamlineOnly: true });
    const event = plus.events.at(-1);
    expect(event?.body).toMatchObject({ type: "notification", category: "error" });
    expect(event?.body.datasetName).toBeUndefined();
    expect(event?.investigationName).toBeNull();
  });

  it("sendTextFile and sendBinaryFile read files; the binary mimetype comes from the name", async () => {
    await writeFile(join(dir, "notes.txt"), "from a file");
    await writeFile(join(dir, "pic.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await client.sendTextFile(join(dir, "notes.txt"));
    expect(plus.events.at(-1)?.body.content).toEqual([{ format: "plainText", text: "from a file" }]);
    await client.sendBinaryFile(join(dir, "pic.png"));
    expect(plus.events.at(-1)).toMatchObject({ endpoint: "base64", body: { base64: "data:image/png;base64,iVBORw==" } });
    await expect(client.sendBinaryFile(join(dir, "pic.png"), { maxFileBytes: 2 })).rejects.toMatchObject({ code: "ICATPLUS_INVALID_METADATA" });
  });

  it("a 4xx is a typed HttpError (not outboxed) and the token never shows", async () => {
    const err: unknown = await client.sendMessage("x", { proposal: "hg666" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(400);
    const wrong = new IcatPlusClient({ elogbookUrl: plus.url, elogbookToken: "elogbook-wrong-0000-secret-token", outboxDir: false });
    const denied: unknown = await wrong.sendMessage("x").catch((e: unknown) => e);
    expect((denied as HttpError).status).toBe(403);
    expect(JSON.stringify(denied) + String((denied as Error).message) + String((denied as Error).stack)).not.toContain("elogbook-wrong-0000-secret-token");
    await wrong.close();
  });

  it("network errors and 5xx go to the outbox in the bytes they would have sent, and flush in order", async () => {
    const down = new IcatPlusClient({ elogbookUrl: "http://127.0.0.1:9", elogbookToken: TOKEN, outboxDir: join(dir, "elog-outbox"), machine: "m", software: "s", now });
    const first = await down.sendMessage("first", { beamline: "id00" });
    plus.faults.respondWith(503, { match: { method: "POST" } });
    const viaSandbox = new IcatPlusClient({ elogbookUrl: plus.url, elogbookToken: TOKEN, outboxDir: join(dir, "elog-outbox"), machine: "m", software: "s", now });
    const second = await viaSandbox.sendMessage("second", { beamline: "id00" });
    expect([first.outcome, second.outcome]).toEqual(["outboxed", "outboxed"]);
    const files = (await readdir(join(dir, "elog-outbox", "elogbook"))).filter((f) => f.endsWith(".json"));
    expect(files).toHaveLength(2);
    const saved = await readFile(join(dir, "elog-outbox", "elogbook", files[0] ?? ""), "utf8");
    expect((JSON.parse(saved) as { content: { text: string }[] }).content[0]?.text).toBe("first");
    expect(saved).not.toContain(TOKEN);
    const before = plus.events.length;
    expect(await viaSandbox.flushOutbox()).toEqual({ delivered: 2, remaining: 0 });
    expect(plus.events.slice(before).map((e) => e.raw)).toEqual([saved, expect.stringContaining('"text": "second"') as string]);
    expect((await readdir(join(dir, "elog-outbox", "elogbook"))).filter((f) => !f.startsWith("."))).toEqual([]);
    await down.close();
    await viaSandbox.close();
  });
});

describe("two outboxes", () => {
  it("a broker outage does not hold e-logbook posts up", async () => {
    const c = new IcatPlusClient({
      metadataUrls: ["127.0.0.1:9"], reconnect: { attempts: 0, initialDelayMs: 0, maxDelayMs: 0 },
      elogbookUrl: plus.url, elogbookToken: TOKEN, beamline: "id00", proposal: "hg123", outboxDir: join(dir, "both"),
    });
    expect((await c.storeDataset({ dataset: "d", path: "/d", metadata: { Sample_name: "s" } })).outcome).toBe("outboxed");
    expect((await c.sendMessage("still here")).outcome).toBe("sent");
    expect(await c.outboxStatus()).toMatchObject({ depth: 1 });
    await c.close();
  });
});

describe("restricted API", () => {
  it("needs a login, rejects a wrong password with 403 and keeps the session id out of errors", async () => {
    await expect(client.getSessionInformation()).rejects.toBeInstanceOf(NotConfiguredError);
    await expect(client.doLogIn("wrong")).rejects.toMatchObject({ status: 403 });
    const info = await client.doLogIn("correct", "reader");
    expect(info.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await client.getSessionInformation()).toMatchObject({ userName: "reader" });
    plus.faults.respondWith(500, { match: { path: /parcel/ } });
    const err: unknown = await client.getParcelsBy(42).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(JSON.stringify(err) + String((err as Error).message)).not.toContain(String(info.sessionId));
  });

  it("reads investigations, datasets, samples, parcels, sample metadata and files, and downloads", async () => {
    expect(await client.getInvestigationsBy({ instrumentName: "id00" })).toEqual([]);
    expect(await client.getDatasetsBy({ investigationId: 1 })).toEqual([]);
    await expect(client.getDatasetsBy({})).rejects.toMatchObject({ code: "CATKIT_INVALID_ARGUMENT" });
    expect(await client.getSamplesBy({ investigationId: 1 })).toEqual([]);
    expect(await client.getParcelsBy(42)).toEqual([{ id: "p1" }]);
    expect(await client.getSampleMetadataBy({ proposal: "hg123", beamline: "id00", sessionStartDate: new Date(2024, 2, 1) })).toEqual([]);
    expect(await client.getSampleFilesInformationBy(7)).toEqual({ resources: [{ id: "r1", filename: "plan.txt" }] });
    const target = join(dir, "plan.txt");
    expect(await client.downloadFileBy(7, "r1", { destination: target })).toEqual({ file: target, bytes: 8 });
    expect(await readFile(target, "utf8")).toBe("the plan");
    expect((await client.downloadFileBy(7, "r1")).data?.toString()).toBe("the plan");
  });
});

describe("IcatPlusNullClient", () => {
  it("does nothing and says why", async () => {
    const nullClient = new IcatPlusNullClient();
    expect(await nullClient.storeDataset()).toBeUndefined();
    expect(await nullClient.investigationInfo()).toBeUndefined();
    expect(await nullClient.investigationInfoString()).toBe("Proposal information not available (ICAT is not configured)");
    expect(new IcatPlusNullClient({ expireDatasetsOnClose: false }).reasonForMissingInformation).toBe("ICAT communication is disabled");
  });
});
