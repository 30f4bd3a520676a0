// icat-store-raw / -processed / -from-file: the built bins check input (exit 2, nothing sent);
// in-process with a recording messenger: the messages built (metadata order and raw text, input
// datasets, files by mtime). Through the real broker: store-tools.broker.test.ts.
import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { storeProcessed, storeRaw } from "../src/commands/store/store-dataset.js";
import storeFromFile from "../src/commands/store/store-from-file.js";
import { Output } from "../src/runtime/output.js";
import { setDatasetMessengerFactory } from "../src/shared/dataset-messenger.js";
import { runCli, tempDir } from "./helpers.js";
import { recordingMessenger } from "./recording-messenger.js";

const tmp = tempDir();
afterEach(() => setDatasetMessengerFactory(undefined));
afterAll(() => tmp.cleanup());
const ctx = () => ({ globals: {}, out: new Output({ stdout: new PassThrough(), stderr: new PassThrough() }), signal: new AbortController().signal });
const PATH = "/data/visitor/id002207/id00/20240301/RAW_DATA/collection/collection_dataset1";
const BASE = ["--beamline", "id00", "--proposal", "id002207", "--dataset", "dataset1", "--sample", "mysample", "--path", PATH];

describe("pyicat-plus store tools (bins)", () => {
  it("every tool has --help with examples, as a bin and as a catkit subcommand", async () => {
    for (const bin of ["icat-store-raw", "icat-store-processed", "icat-store-from-file", "icat-sync-raw"]) {
      const own = await runCli(["--help"], { bin });
      expect([bin, own.code, own.stdout]).toEqual([bin, 0, expect.stringContaining("Examples:") as unknown]);
      const sub = await runCli([bin, "--help"]);
      expect(sub.stdout).toContain(`Usage: catkit ${bin}`);
    }
  });

  it("bad input: one line, exit 2", async () => {
    writeFileSync(join(tmp.dir, "bad.ini"), "[section]\nA = 1\n");
    const cases: [string, string[]][] = [
      ["icat-store-raw", ["--beamline", "id00"]],
      ["icat-store-raw", [...BASE.slice(0, -1), "relative/dir"]],
      ["icat-store-raw", [...BASE, "-p", "novalue"]],
      ["icat-store-raw", [...BASE, "--metadatafile", join(tmp.dir, "bad.ini")]],
      ["icat-store-raw", [...BASE, "--metadatafile", join(tmp.dir, "missing.ini")]],
      ["icat-store-processed", BASE],
      ["icat-store-from-file", [join(tmp.dir, "nothing-*.xml")]],
    ];
    for (const [bin, args] of cases) {
      const r = await runCli(args, { bin });
      expect([bin, args.join(" "), r.code]).toEqual([bin, args.join(" "), 2]);
      expect(r.stderr.trim().split("\n")[0]).toMatch(/^error: /);
    }
  });
});

describe("pyicat-plus store tools (messages)", () => {
  it("icat-store-raw: file entries, then -p overrides, then Sample_name; values kept as typed text", async () => {
    writeFileSync(join(tmp.dir, "meta.ini"), "# comment\nInstrumentBeam_incident_energy = 7.1\nFIELD1: from-file\nMX_flag = true\n");
    const rec = recordingMessenger();
    setDatasetMessengerFactory(rec.factory);
    await storeRaw(ctx(), { beamline: "id00", proposal: "id002207", dataset: "dataset1", sample: "mysample", path: PATH, metadatafile: join(tmp.dir, "meta.ini"), parameter: ["FIELD1=value1", "FIELD2=a=b"], queue: ["localhost:61613"] });
    expect(rec.opened).toEqual([{ queues: ["localhost:61613"] }]);
    expect(rec.sent).toEqual([
      {
        kind: "dataset",
        message: {
          beamline: "id00",
          proposal: "id002207",
          dataset: "dataset1",
          path: PATH,
          metadata: [
            ["InstrumentBeam_incident_energy", { cliText: "7.1" }],
            ["FIELD1", { cliText: "value1" }],
            ["MX_flag", { cliText: "true" }],
            ["FIELD2", { cliText: "a=b" }],
            ["Sample_name", "mysample"],
          ],
        },
      },
    ]);
    expect(rec.closed).toBe(1);
  });

  it("icat-store-processed carries the raw directories", async () => {
    const rec = recordingMessenger();
    setDatasetMessengerFactory(rec.factory);
    await storeProcessed(ctx(), { beamline: "id00", proposal: "id002207", dataset: "proc", sample: "s", path: "/p/x", raw: ["/r/1", "/r/2"] });
    expect(rec.sent).toEqual([{ kind: "dataset", message: expect.objectContaining({ inputDatasets: ["/r/1", "/r/2"] }) as unknown }]);
  });

  it("icat-store-from-file sends each matching file's bytes unchanged, oldest first", async () => {
    const files = ["b.xml", "a.xml", "c.xml"].map((n) => join(tmp.dir, n));
    files.forEach((f, i) => {
      writeFileSync(f, `<x n="${i}">é</x>`);
      utimesSync(f, 1_700_000_000 + i * 10, 1_700_000_000 + i * 10);
    });
    const rec = recordingMessenger();
    setDatasetMessengerFactory(rec.factory);
    await storeFromFile(ctx(), {}, [join(tmp.dir, "*.xml")]);
    expect(rec.sent).toEqual(files.map((file, i) => ({ kind: "xml", file, bytes: `<x n="${i}">é</x>` })));
  });
});
