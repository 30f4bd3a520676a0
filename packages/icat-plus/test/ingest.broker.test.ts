// Client → ActiveMQ → sandbox ingester → ICAT sandbox → ICAT+ sandbox → client, for every
// message method; plus idempotency, dead letters and the Jolokia health probe.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Query, eq, type Dataset } from "@catkit/icat";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BrokerError, IcatPlusClient } from "../src/index.js";
import { startStack, type Stack } from "./support/stack.js";

const { host, stompPort } = inject("activemq");
let s: Stack;
beforeAll(async () => {
  s = await startStack([`${host}:${stompPort}`]);
});
afterAll(() => s.close());

const start = "2024-03-01T10:00:00+01:00";
async function datasetNamed(name: string): Promise<Dataset | undefined> {
  const [ds] = await s.icat.search(new Query("Dataset", { conditions: { name: eq(name) }, includes: ["parameters.type", "sample", "investigation", "type"] }));
  return ds;
}
// Messages the ingester has handled so far: tests wait for exactly the ones they sent.
const handled = () => s.ingester.applied.length + s.ingester.deadLetters.length;
const param = (ds: Dataset | undefined, name: string) => ds?.parameters?.find((p) => p.type?.name === name);

describe("ingest through the real broker", () => {
  it("startInvestigation creates the investigation; storeDataset registers the dataset with parameters, sample and __fileCount", async () => {
    const before = handled();
    await s.client.startInvestigation({ beamline: "id00", proposal: "hg123", startDate: "2024-03-01T08:00:00+01:00", endDate: "2024-03-03T08:00:00+01:00" });
    const path = join(s.dir, "RAW_DATA", "sample", "sample_0001");
    await mkdir(path, { recursive: true });
    await writeFile(join(path, "a.h5"), "x");
    await writeFile(join(path, "b.h5"), "y");
    await s.client.storeDataset({ dataset: "sample_0001", path, metadata: { Sample_name: "sample", InstrumentBeam_incident_energy: 7.1, startDate: start, endDate: start } });
    await s.ingester.settled(before + 2);
    const ds = await datasetNamed("sample_0001");
    expect(ds?.location).toBe(path);
    expect(ds?.sample?.name).toBe("sample");
    expect(ds?.type?.name).toBe("acquisition");
    expect(param(ds, "InstrumentBeam_incident_energy")?.stringValue).toBe("7.1");
    expect(param(ds, "__fileCount")?.numericValue).toBe(2);
    expect(ds?.investigation?.name).toBe("hg123");
    expect((await s.icat.search("SELECT COUNT(i) FROM Investigation i"))[0]).toBe(1);
  });

  it("the ICAT+ sandbox sees what was registered: investigationInfo, registeredDatasets, the info string", async () => {
    const info = await s.client.investigationInfo("id00", "hg123", { date: "2024-03-01" });
    expect(info).toMatchObject({ proposal: "hg123", beamline: "id00" });
    expect(info?.["e-logbook"]).toBe(`https://data.esrf.fr/investigation/${info?.id}/logbook`);
    const datasets = await s.client.registeredDatasets("id00", "hg123", { date: "2024-03-01" });
    expect(datasets).toEqual([{ datasetId: { name: "sample_0001", path: join(s.dir, "RAW_DATA", "sample", "sample_0001") }, icatDatasetId: expect.any(Number) as number, datasetMetadata: { fileCount: 2 } }]);
    expect(await s.client.registeredDatasetIds("id00", "hg123", { date: "2024-03-01" })).toEqual([datasets?.[0]?.datasetId]);
    expect(await s.client.investigationInfoString("id00", "hg123", { date: "2024-03-01" })).toMatch(/^ICAT proposal time slot:\n proposal {3,}hg123/);
    expect(await s.client.investigationInfo("id00", "nothere")).toBeNull();
    expect(await s.client.investigationSummary("id00", "nothere")).toEqual([
      ["e-logbook", "Proposal NOT available in the data portal"], ["data portal", "Proposal NOT available in the data portal"],
    ]);
  });

  it("storeProcessedData registers a processed dataset; a re-sent message creates nothing twice", async () => {
    const path = join(s.dir, "PROCESSED_DATA", "proc");
    const file = join(s.dir, "__icat__", "proc");
    const before = s.ingester.applied.length + s.ingester.deadLetters.length;
    await s.client.storeProcessedData({ dataset: "proc", path, metadata: { Sample_name: "sample", startDate: start }, raw: [join(s.dir, "RAW_DATA", "sample", "sample_0001")] }, { storeFilename: file });
    await s.client.storeDatasetFromFile(file);
    await s.client.storeDatasetFromFile(file);
    await s.ingester.settled(before + 2);
    expect((await s.icat.search(new Query("Dataset", { aggregate: "COUNT", conditions: { name: eq("proc") } })))[0]).toBe(1);
    expect((await datasetNamed("proc"))?.type?.name).toBe("processed");
    expect(s.ingester.applied.filter((a) => a.outcome !== "duplicate" && a.outcome.action === "exists").length).toBeGreaterThanOrEqual(1);
  });

  it("addFiles re-counts the files; updateMetadata sets a parameter; archive status is recorded", async () => {
    const ds = await datasetNamed("sample_0001");
    const before = handled();
    await writeFile(join(ds?.location ?? "", "c.h5"), "z");
    await s.client.addFiles(ds?.id ?? 0);
    await s.client.updateMetadata({ datasetPaths: [ds?.location ?? ""], metadataName: "Sample_notes", metadataValue: "shiny" });
    await s.client.updateArchiveRestoreStatus({ datasetId: ds?.id ?? 0, type: "archiving", level: "info", message: "done" });
    await s.ingester.settled(before + 3);
    const after = await datasetNamed("sample_0001");
    expect(param(after, "__fileCount")?.numericValue).toBe(3);
    expect(param(after, "Sample_notes")?.stringValue).toBe("shiny");
    expect(param(after, "__archivingStatus")?.stringValue).toBe("info: done");
  });

  it("rescheduleInvestigation checks the investigation; unknown ones and refused proposals are dead-lettered with the reason", async () => {
    const info = await s.client.investigationInfo("id00", "hg123", { date: "2024-03-01" });
    const before = handled();
    await s.client.rescheduleInvestigation(info?.id ?? 0);
    await s.client.rescheduleInvestigation(999999);
    await s.client.storeDataset({ dataset: "bad", path: "/data/bad", metadata: { Sample_name: "s" }, proposal: "hg666" });
    await s.ingester.settled(before + 3);
    expect(s.ingester.applied.some((a) => a.outcome !== "duplicate" && a.outcome.action === "checked")).toBe(true);
    expect(s.ingester.deadLetters.map((d) => d.reason)).toEqual(["no investigation has id 999999", "proposal hg666 is refused (unknown to the user portal)"]);
    expect(await datasetNamed("bad")).toBeUndefined();
  });

  it("checkHealth reads Jolokia's ConsumerCount; no consumer is a typed error", async () => {
    expect(await s.client.checkHealth()).toBe(1);
    const other = new IcatPlusClient({ ...s.clientOptions, metadataQueue: "nobody.listens" });
    await expect(other.checkHealth()).rejects.toMatchObject({ code: "ICATPLUS_NO_CONSUMER" });
    await expect(other.checkHealth()).rejects.toBeInstanceOf(BrokerError);
    await other.close();
  });
});
