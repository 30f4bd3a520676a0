// Bench child: the ICAT and IDS sandboxes (tutorial world plus, when the download case runs, a
// 1 GiB datafile made on the fly) in a process of their own, as a real ICAT and IDS would be.
// Prints `origin=<IDS url>` and writes what the gateway child and the runner need as JSON to the
// file named by argv[2].
import { writeFileSync } from "node:fs";
import { Readable } from "node:stream";
import { startIcatAndIdsSandbox, tutorialFixture } from "@catkit/icat/testing";

const GiB = 1024 ** 3;
const sandbox = await startIcatAndIdsSandbox({ fixture: tutorialFixture });
const [datasetId] = sandbox.icat.engine.search("db/root", "SELECT d.id FROM Dataset d JOIN d.investigation i WHERE i.name = '12100409-ST'") as [number];
const chunk = Buffer.alloc(1024 * 1024, 0x5a);
function* bytes(): Generator<Uint8Array> {
  for (let sent = 0; sent < GiB; sent += chunk.length) yield chunk;
}
const withDownload = process.env.BENCH_DOWNLOAD !== "0";
const file = withDownload ? await sandbox.ids.addDatafile({ datasetId, name: "big.bin", content: Readable.from(bytes()), sessionId: sandbox.icat.login() }) : { id: 0 };
const sessionId = sandbox.icat.login("db/nbour");
writeFileSync(process.argv[2] ?? "sandbox-info.json", `${JSON.stringify({ icatUrl: sandbox.icatUrl, idsUrl: sandbox.idsUrl, fileId: file.id, sessionId })}\n`);
process.stdout.write(`origin=${sandbox.idsUrl}\n`);
process.once("SIGTERM", () => {
  void sandbox.close().then(() => process.exit(0));
});
