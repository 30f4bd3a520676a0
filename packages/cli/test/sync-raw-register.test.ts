// icat-sync-raw --register / --auto-register in-process, with a recording messenger in place of
// the icat-plus binding and scripted prompt answers: what is sent, in which order, and the cache.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { startIcatAndIdsSandbox, tutorialFixture, type IcatAndIdsSandbox } from "@catkit/icat/testing";
import { IcatPlusClient } from "@catkit/icat-plus";
import { startIcatPlusSandbox, type IcatPlusSandbox } from "@catkit/icat-plus/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { icatPlusRawDataCatalogue } from "../src/commands/sync-raw/icat-plus-catalogue.js";
import { runSyncRaw, type SyncRawFlags } from "../src/commands/sync-raw/run.js";
import { Output } from "../src/runtime/output.js";
import { setDatasetMessengerFactory } from "../src/shared/dataset-messenger.js";
import { buildCatalogue, buildTree, datasetDirs } from "./raw-tree.js";
import { recordingMessenger } from "./recording-messenger.js";
import { tempDir } from "./helpers.js";
import { PassThrough } from "node:stream";

let sandbox: IcatAndIdsSandbox;
let icatPlus: IcatPlusSandbox;
let investigationId: number;
const tmp = tempDir();
const root = join(tmp.dir, "visitor");
const cacheDir = join(tmp.dir, "cache");

beforeAll(async () => {
  sandbox = await startIcatAndIdsSandbox({ fixture: tutorialFixture });
  await buildTree(root);
  investigationId = await buildCatalogue(sandbox.icatUrl, sandbox.idsUrl, root);
  icatPlus = await startIcatPlusSandbox({ icat: sandbox.icat });
});
afterEach(() => setDatasetMessengerFactory(undefined));
afterAll(async () => {
  await icatPlus.close();
  await sandbox.close();
  tmp.cleanup();
});

async function run(flags: Partial<SyncRawFlags>, answers: Record<string, boolean>) {
  const asked: string[] = [];
  const log = new PassThrough();
  const out = new Output({ stdout: new PassThrough(), stderr: log });
  const ctx = { globals: {}, out, signal: new AbortController().signal };
  const all: SyncRawFlags = { beamline: "*", proposal: "id002207", session: "20240301", format: "esrfv3", root, print: false, cacheDir, queue: ["localhost:61613"], ...flags };
  await runSyncRaw(ctx, all, {
    catalogue: icatPlusRawDataCatalogue(new IcatPlusClient({ elogbookUrl: icatPlus.url, outboxDir: false })),
    confirm: (message) => {
      asked.push(message);
      return Promise.resolve(Object.entries(answers).some(([status, yes]) => yes && message.includes(`"${status}"`)));
    },
  });
  return { asked };
}

describe("icat-sync-raw registration", () => {
  it("--auto-register sends add_files for registered datasets without files only, without asking", async () => {
    const rec = recordingMessenger();
    setDatasetMessengerFactory(rec.factory);
    const { asked } = await run({ autoRegister: true }, {});
    expect(asked).toEqual([]);
    expect(rec.sent).toEqual([{ kind: "addFiles", datasetId: expect.any(Number) as unknown }]);
    expect(rec.opened).toEqual([{ queues: ["localhost:61613"] }]);
    expect(rec.closed).toBe(1);
    // Something was sent: the session leaves the cache, to be recomputed next run.
    expect(existsSync(join(cacheDir, "esrfv3", "id002207_id00_20240301.json"))).toBe(false);
  });

  it("--register asks per status group and sends only what was accepted, with the HDF5 metadata and investigationId", async () => {
    const rec = recordingMessenger();
    setDatasetMessengerFactory(rec.factory);
    const { asked } = await run({ register: true }, { unregistered: true, not_uploaded: true });
    expect(asked).toEqual(['Upload "not_uploaded" datasets? (y/[n])', 'Upload "unregistered" datasets? (y/[n])', 'Upload "registered_without_files" datasets? (y/[n])']);
    const d = datasetDirs(root);
    expect(rec.sent).toEqual([
      { kind: "xml", file: join(root, "id002207/id00/20240301/RAW_DATA/__icat__/sample_0003.xml"), bytes: '<tns:dataset xmlns:tns="http://www.esrf.fr/icat" complete="true"/>' },
      {
        kind: "dataset",
        message: {
          beamline: "id00",
          proposal: "id002207",
          dataset: "0004",
          path: d.unregistered,
          metadata: [["Sample_name", "sample"], ["startDate", "2024-03-01T10:00:00+01:00"], ["endDate", "2024-03-01T10:05:00+01:00"], ["investigationId", investigationId]],
        },
      },
    ]);
  });

  it("answering no everywhere sends nothing and keeps the session cached", async () => {
    const rec = recordingMessenger();
    setDatasetMessengerFactory(rec.factory);
    await run({ register: true }, {});
    expect(rec.sent).toEqual([]);
    expect(rec.opened).toEqual([]);
    expect(existsSync(join(cacheDir, "esrfv3", "id002207_id00_20240301.json"))).toBe(true);
  });
});
