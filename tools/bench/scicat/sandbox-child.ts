// The SciCat sandbox for the paging benchmark, in its own process, seeded with N datasets;
// prints `origin=<url>` when ready.
import { startScicatSandbox } from "@catkit/scicat/testing";

const count = Number(process.argv[2] ?? 100_000);
const sandbox = await startScicatSandbox();
for (let i = 0; i < count; i++) sandbox.seedDataset({ datasetName: `bench ${i}`, scientificMetadata: { run: i } });
console.log(`origin=${sandbox.origin}`);
process.once("SIGTERM", () => void sandbox.close().then(() => process.exit(0)));
