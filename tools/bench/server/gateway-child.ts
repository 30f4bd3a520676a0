// Bench child: the ICAT and IDS sandboxes (tutorial world plus a 1 GiB datafile made on the fly,
// unless BENCH_ONLY=lookup) and a catkit gateway over them, in one process apart from the load
// generator. Prints `origin=<gateway>` and writes what the runner needs as JSON to the file named by argv[2].
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { startIcatAndIdsSandbox, tutorialFixture } from "@catkit/icat/testing";
import { createLogger, loadServerConfig, startServer } from "@catkit/server";

const GiB = 1024 ** 3;
const TOKEN = "elogbook-bench-00000000000000000000";
const sandbox = await startIcatAndIdsSandbox({ fixture: tutorialFixture });
const [datasetId] = sandbox.icat.engine.search("db/root", "SELECT d.id FROM Dataset d JOIN d.investigation i WHERE i.name = '12100409-ST'") as [number];
const chunk = Buffer.alloc(1024 * 1024, 0x5a);
function* bytes(): Generator<Uint8Array> {
  for (let sent = 0; sent < GiB; sent += chunk.length) yield chunk;
}
// BENCH_ONLY=lookup needs no download: the 1 GiB file is not made.
const file = process.env.BENCH_ONLY === "lookup" ? { id: 0 } : await sandbox.ids.addDatafile({ datasetId, name: "big.bin", content: Readable.from(bytes()), sessionId: sandbox.icat.login() });
const dir = mkdtempSync(join(tmpdir(), "catkit-bench-gateway-"));
const config = loadServerConfig({
  env: {
    CATKIT_SERVER__SERVER__PORT: "0", CATKIT_SERVER__SERVER__HOST: "127.0.0.1",
    CATKIT_SERVER__ICAT__URL: sandbox.icatUrl, CATKIT_SERVER__IDS__URL: sandbox.idsUrl,
    CATKIT_SERVER__ICAT__INGESTER: JSON.stringify({ plugin: "db", username: "root", password: "secret" }),
    CATKIT_SERVER__GATEWAY__API_KEYS: JSON.stringify([TOKEN]),
    CATKIT_SERVER__GATEWAY__RATE_LIMIT__MAX: "100000000",
    CATKIT_SERVER__GATEWAY__CACHE_TTL_MS: "60000",
    CATKIT_SERVER__GATEWAY__LOGBOOK: JSON.stringify({ store: "sqlite", path: join(dir, "logbook.sqlite"), imagesDir: join(dir, "images") }),
    CATKIT_SERVER__LOG__LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
  },
});
const server = await startServer({ config, parts: ["gateway"], logger: createLogger(config.log.level) });
const sessionId = sandbox.icat.login("db/nbour");
writeFileSync(process.argv[2] ?? "gateway-info.json", `${JSON.stringify({ lookup: `/dataacquisition/${TOKEN}/investigation?instrumentName=EDDI&investigationName=12100409-ST`, fileId: file.id, sessionId, idsUrl: sandbox.idsUrl })}\n`);
process.stdout.write(`origin=${server.url}\n`);
process.once("SIGTERM", () => {
  void server.stop().then(() => sandbox.close()).then(() => process.exit(0));
});
