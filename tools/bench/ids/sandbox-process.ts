// The IDS sandbox for the benchmark, in its own process: seeds one 1 GiB datafile and 1,000
// datafiles of 1 MiB (generated), writes what the client needs to know to the JSON file named by
// argv[2] (its files in argv[3], default a temporary directory), then prints `origin=<url>`. On stdin it takes `latency <ms>` (the sandbox's
// catalogueLatencyMs, i.e. the time a real IDS spends asking ICAT) and answers `ok`.
import { writeFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { seedTutorial, startIdsSandbox } from "@catkit/ids/testing";
import { generatedBytes } from "./generated-bytes.ts";

const MiB = 1024 * 1024;
const [infoPath, dataDir] = process.argv.slice(2);
if (!infoPath) throw new Error("usage: sandbox-process.ts <info.json> [dataDir]");

const sandbox = await startIdsSandbox(dataDir ? { dataDir } : {});
const seed = seedTutorial(sandbox.catalogue);
const big = sandbox.catalogue.addDataset({ investigationId: seed.investigation.id, name: "big" });
const many = sandbox.catalogue.addDataset({ investigationId: seed.investigation.id, name: "many" });

const stored = await sandbox.storeFile(big.id, Readable.from(generatedBytes(1024 * MiB, 1)));
const bigFile = sandbox.catalogue.addDatafile({ datasetId: big.id, name: "big.bin", location: stored.location, fileSize: stored.size, checksum: stored.checksum });

const small = [];
for (let i = 0; i < 1000; i++) {
  const s = await sandbox.storeFile(many.id, Readable.from(generatedBytes(MiB, 1000 + i)));
  const name = `small-${String(i).padStart(4, "0")}.bin`;
  const df = sandbox.catalogue.addDatafile({ datasetId: many.id, name, location: s.location, fileSize: s.size, checksum: s.checksum });
  small.push({ id: df.id, name, fileSize: s.size, checksum: s.checksum });
}

await writeFile(
  infoPath,
  JSON.stringify({
    url: sandbox.url,
    sessionId: seed.sessionId,
    uploadDatasetId: seed.dataset.id,
    datafileFormatId: seed.datafileFormat.id,
    big: { id: bigFile.id, size: stored.size, checksum: stored.checksum },
    small,
  }),
);
process.stdout.write(`origin=${sandbox.origin}\n`);
createInterface({ input: process.stdin }).on("line", (line) => {
  const [command, value] = line.trim().split(/\s+/);
  if (command === "latency") sandbox.catalogueLatencyMs = Number(value);
  process.stdout.write("ok\n");
});
process.on("SIGTERM", () => void sandbox.close().then(() => process.exit(0)));
