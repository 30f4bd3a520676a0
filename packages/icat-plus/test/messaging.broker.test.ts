// Every message method against a real ActiveMQ: the bytes and headers a consumer receives.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { IcatPlusClient, InvalidMetadataError, NotConfiguredError, datasetXml } from "../src/index.js";
import { tapQueue, type Tap } from "./support/stomp-tap.js";

const { host, stompPort } = inject("activemq");
const broker = `${host}:${stompPort}`;
const suffix = `.${process.pid}.${Date.now()}`;
const q = (name: string) => `${name}${suffix}`;
const now = () => new Date("2024-03-01T09:00:00Z");

let dir: string;
let client: IcatPlusClient;
const taps: Record<string, Tap> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "icatplus-msg-"));
  for (const name of ["icatIngest", "icatUpdateDatasetMetadata", "icatDataFiles", "rescheduleInvestigation", "icatArchiveRestoreStatus"]) {
    taps[name] = await tapQueue(host, stompPort, q(name));
  }
  client = new IcatPlusClient({
    metadataUrls: [broker], metadataQueue: q("icatIngest"),
    updateMetadataUrls: [broker], updateMetadataQueue: q("icatUpdateDatasetMetadata"),
    addFilesUrls: [broker], addFilesQueue: q("icatDataFiles"),
    rescheduleInvestigationUrls: [broker], rescheduleInvestigationQueue: q("rescheduleInvestigation"),
    archiveUrls: [broker], archiveQueue: q("icatArchiveRestoreStatus"),
    beamline: "id00", proposal: "hg123", machine: "lid00ctrl", software: "test", now, outboxDir: join(dir, "outbox"),
  });
});

afterAll(async () => {
  await client.close();
  await Promise.all(Object.values(taps).map((t) => t.close()));
  await rm(dir, { recursive: true, force: true });
});

const fields = { dataset: "s_0001", path: "/data/visitor/hg123/id00/20240301/RAW_DATA/s/s_0001", metadata: { Sample_name: "s", energy: 7.1 } };

describe("IcatPlusClient messages over ActiveMQ", () => {
  it("storeDataset sends the XML with pyicat-plus's headers, a receipt and a message id — no content-length", async () => {
    const delivery = await client.storeDataset(fields);
    expect(delivery).toMatchObject({ outcome: "sent" });
    const [frame] = await taps.icatIngest!.waitFor(1);
    expect(frame?.body).toBe(datasetXml({ ...fields, beamline: "id00", proposal: "hg123" }, { machine: "lid00ctrl", software: "test", now }));
    expect(frame?.headers.persistent).toBe("true");
    expect(frame?.headers["catkit-message-id"]).toBe((delivery as { messageId: string }).messageId);
    expect(frame?.headers["content-length"]).toBeUndefined();
    expect(frame?.headers.destination).toBe(`/queue/${q("icatIngest")}`);
  });

  it("storeProcessedData requires raw directories and sends input_datasets", async () => {
    await expect(client.storeProcessedData({ ...fields, dataset: "proc" })).rejects.toBeInstanceOf(InvalidMetadataError);
    await client.storeProcessedData({ ...fields, dataset: "proc", raw: "/data/raw/s_0001/" });
    const frames = await taps.icatIngest!.waitFor(2);
    expect(frames[1]?.body).toContain("<tns:name>input_datasets</tns:name><tns:value>/data/raw/s_0001</tns:value>");
  });

  it("storeDataset with storeFilename writes the XML file and storeDatasetFromFile re-sends it unchanged", async () => {
    const written = await client.storeDataset(fields, { storeFilename: join(dir, "__icat__", "s_0001") });
    expect(written).toEqual({ outcome: "written", file: join(dir, "__icat__", "s_0001.xml") });
    const xml = await readFile(join(dir, "__icat__", "s_0001.xml"), "utf8");
    await client.storeDatasetFromFile(join(dir, "__icat__", "s_0001"));
    const frames = await taps.icatIngest!.waitFor(3);
    expect(frames[2]?.body).toBe(xml);
  });

  it("startInvestigation and rescheduleInvestigation send investigation XML", async () => {
    await client.startInvestigation({ beamline: "id01", proposal: "hg124", startDate: "2024-03-01T08:00:00+01:00" });
    const frames = await taps.icatIngest!.waitFor(4);
    expect(frames[3]?.body).toBe(
      '<tns:investigation xmlns:tns="http://www.esrf.fr/icat"><tns:experiment>hg124</tns:experiment><tns:instrument>id01</tns:instrument><tns:startDate>2024-03-01T08:00:00+01:00</tns:startDate></tns:investigation>',
    );
    expect(client.currentProposal).toBe("hg124");
    await client.rescheduleInvestigation(42);
    const [r] = await taps.rescheduleInvestigation!.waitFor(1);
    expect(r?.body).toContain("<tns:experiment /><tns:instrument /><tns:investigationId>42</tns:investigationId>");
  });

  it("updateMetadata, addFiles and updateArchiveRestoreStatus send Python json.dumps bodies", async () => {
    await client.updateMetadata({ datasetPaths: ["/data/é"], metadataName: "Sample_name", metadataValue: "new" });
    await client.addFiles(123456);
    await client.updateArchiveRestoreStatus({ datasetId: 5, type: "archiving" });
    expect((await taps.icatUpdateDatasetMetadata!.waitFor(1))[0]?.body).toBe(
      '{"proposal": "hg124", "beamline": "id01", "datasetPaths": ["/data/\\u00e9"], "metadataName": "Sample_name", "metadataValue": "new"}',
    );
    expect((await taps.icatDataFiles!.waitFor(1))[0]?.body).toBe('{"datasetId": 123456}');
    expect((await taps.icatArchiveRestoreStatus!.waitFor(1))[0]?.body).toBe('{"datasetId": 5, "type": "archiving", "level": "info", "message": null}');
  });

  it("bad input gives a typed error and sends nothing", async () => {
    const before = taps.icatIngest!.frames.length;
    await expect(client.storeDataset({ ...fields, metadata: { Sample_name: "s", x: { nested: 1 } as never } })).rejects.toBeInstanceOf(InvalidMetadataError);
    await expect(client.addFiles(0)).rejects.toBeInstanceOf(InvalidMetadataError);
    await new Promise((r) => setTimeout(r, 200));
    expect(taps.icatIngest!.frames.length).toBe(before);
    expect(await readdir(join(dir, "outbox")).catch(() => [])).toEqual([]);
  });

  it("a queue without brokers raises NotConfiguredError", async () => {
    const bare = new IcatPlusClient({ outboxDir: false });
    await expect(bare.addFiles(1)).rejects.toBeInstanceOf(NotConfiguredError);
    await bare.close();
  });
});
