// The SciCat mirror against the SciCat sandbox (a real HTTP server): the ICAT → SciCat mapping
// (and the README table generated from it), the orig datablock of the files on disk with
// checksums, and idempotence: a second apply changes nothing, and a mirror that stopped after
// the dataset is completed with only the missing files.
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ScicatClient } from "@catkit/scicat";
import { startScicatSandbox, type ScicatSandbox } from "@catkit/scicat/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mappingTableMarkdown, toScicatDataset } from "../src/scicat/icat-to-scicat.ts";
import type { IcatDatasetRecord } from "../src/scicat/mirror-record.ts";
import { ScicatMirror } from "../src/scicat/scicat-mirror.ts";

let sandbox: ScicatSandbox;
let client: ScicatClient;
let dir: string;
const settings = { pidPrefix: "catkit", ownerGroup: "{investigation}", accessGroups: ["{instrument}", "staff"], contactEmail: "data@example.org", checksumAlgorithm: "sha256", filesPerBlock: 2 };
const record = (datasetId: number, location: string): IcatDatasetRecord => ({
  datasetId, name: `scan${datasetId}`, location, investigation: "hg123", instrument: "id00", sample: "s1",
  startDate: "2024-03-01T10:00:00+01:00", endDate: "2024-03-01T11:00:00+01:00",
  parameters: [{ name: "Sample_name", value: "s1" }, { name: "InstrumentBeam_incident_energy", value: "7.1" }, { name: "__fileCount", value: "3" }, { name: "investigationId", value: "9" }],
});
const blocksOf = (pid: string) => [...sandbox.state.origdatablocks.values()].filter((b) => b.datasetId === pid);

beforeAll(async () => {
  sandbox = await startScicatSandbox();
  // SciCat lets admins (ADMIN_GROUPS) create datasets for any group and their orig datablocks.
  client = await ScicatClient.fromCredentials({ url: sandbox.url, username: "admin", password: "2jf70TPNZsS" });
  dir = await mkdtemp(join(tmpdir(), "catkit-mirror-"));
});
afterAll(async () => {
  await client.close();
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

describe("ICAT → SciCat mapping", () => {
  it("maps the ICAT fields and parameters as the table says", () => {
    const body = toScicatDataset(record(42, "/data/hg123/scan42"), settings, new Date("2025-01-01T00:00:00Z"));
    expect(body).toEqual({
      pid: "catkit/icat-42", type: "raw", datasetName: "scan42", sourceFolder: "/data/hg123/scan42",
      creationTime: "2024-03-01T10:00:00.000Z", startTime: "2024-03-01T09:00:00.000Z", endTime: "2024-03-01T10:00:00.000Z",
      proposalIds: ["hg123"], creationLocation: "id00", ownerGroup: "hg123", accessGroups: ["id00", "staff"], owner: "hg123", contactEmail: "data@example.org",
      scientificMetadata: { Sample_name: { value: "s1" }, InstrumentBeam_incident_energy: { value: 7.1 } },
    });
    const undated = toScicatDataset({ ...record(1, "/d"), startDate: undefined, endDate: undefined }, settings, new Date("2025-01-01T00:00:00Z"));
    expect(undated.creationTime).toBe("2025-01-01T00:00:00.000Z");
  });

  it("is the table the README shows", async () => {
    const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
    expect(readme).toContain(mappingTableMarkdown());
  });
});

describe("ScicatMirror", () => {
  it("creates the raw dataset and orig datablocks of the files found, with checksums; a second apply changes nothing", async () => {
    const location = join(dir, "scan1");
    await mkdir(join(location, "sub"), { recursive: true });
    const files = { "a.h5": "aaa", "b.h5": "bbbb", "sub/c.txt": "c" };
    for (const [name, text] of Object.entries(files)) await writeFile(join(location, name), text);
    const mirror = new ScicatMirror(() => Promise.resolve(client.scicat), settings);
    expect(await mirror.apply(record(1, location))).toBe("created");

    const ds = await client.scicat.datasets.get("catkit/icat-1");
    expect(ds).toMatchObject({ datasetName: "scan1", ownerGroup: "hg123", numberOfFiles: 3, size: 8, type: "raw" });
    const listed = blocksOf("catkit/icat-1").flatMap((b) => b.dataFileList as { path: string; size: number; chk: string }[]);
    expect(blocksOf("catkit/icat-1")).toHaveLength(2); // filesPerBlock: 2
    expect(listed.map((f) => f.path).sort()).toEqual(Object.keys(files).sort());
    for (const f of listed) expect(f.chk).toBe(createHash("sha256").update(files[f.path as keyof typeof files]).digest("hex"));
    expect(blocksOf("catkit/icat-1").every((b) => b.chkAlg === "sha256")).toBe(true);

    expect(await mirror.apply(record(1, location))).toBe("exists");
    expect([...sandbox.state.datasets.keys()].filter((k) => k === "catkit/icat-1")).toHaveLength(1);
    expect(blocksOf("catkit/icat-1")).toHaveLength(2);
    expect((await client.scicat.datasets.get("catkit/icat-1")).numberOfFiles).toBe(3);
  });

  it("completes a dataset mirrored without its files, adding only the missing ones", async () => {
    const location = join(dir, "scan2");
    await mkdir(location);
    await writeFile(join(location, "one.h5"), "1");
    const mirror = new ScicatMirror(() => Promise.resolve(client.scicat), { ...settings, checksumAlgorithm: undefined });
    expect(await mirror.apply(record(2, location))).toBe("created");
    await writeFile(join(location, "two.h5"), "22");
    expect(await mirror.apply(record(2, location))).toBe("completed");
    const paths = blocksOf("catkit/icat-2").flatMap((b) => (b.dataFileList as { path: string }[]).map((f) => f.path));
    expect(paths.sort()).toEqual(["one.h5", "two.h5"]);
    expect((await client.scicat.datasets.get("catkit/icat-2")).numberOfFiles).toBe(2);
  });

  it("a dataset whose directory does not exist yet is mirrored without files", async () => {
    const mirror = new ScicatMirror(() => Promise.resolve(client.scicat), settings);
    expect(await mirror.apply(record(3, join(dir, "missing")))).toBe("created");
    expect(blocksOf("catkit/icat-3")).toHaveLength(0);
  });
});
