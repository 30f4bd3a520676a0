// The ICAT bench's server: an ICAT sandbox (own process) holding the tutorial data plus
// BENCH_DATASETS datasets (default 100,000). Prints `origin=<url>` once it is ready.
import { startIcatSandbox, tutorialFixture } from "@catkit/icat/testing";

const count = Number(process.env.BENCH_DATASETS ?? 100_000);
const sandbox = await startIcatSandbox({ fixture: tutorialFixture });
const [investigation] = sandbox.engine.search("db/root", "SELECT i.id FROM Investigation i WHERE i.name = '12100409-ST'");
const [type] = sandbox.engine.search("db/root", "SELECT t.id FROM DatasetType t WHERE t.name = 'raw'");
for (let start = 0; start < count; start += 1000) {
  const batch = [];
  for (let i = start; i < Math.min(count, start + 1000); i++) {
    batch.push({ Dataset: { name: `bench-${i}`, complete: i % 2 === 0, description: `dataset number ${i}`, investigation: { id: investigation }, type: { id: type } } });
  }
  sandbox.engine.write("db/root", batch);
}
process.stdout.write(`origin=${sandbox.origin}\n`);
process.on("SIGTERM", () => void sandbox.close().then(() => process.exit(0)));
