// Bench child: a catkit gateway over the sandboxes of sandbox-child.ts (their URLs read from the
// JSON file named by argv[2]), in a process of its own, accepting the e-logbook API key argv[3].
// Prints `origin=<gateway>`. With argv[4], the gateway comes from that build of @catkit/server
// (a dist directory: head-to-head.ts compares two builds) instead of the workspace's.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Server from "@catkit/server";
import { profileOnSignal } from "../shared/profile-window.ts";

const build = process.argv[4];
const { createLogger, loadServerConfig, startServer } = (await import(build ? pathToFileURL(join(resolve(build), "index.js")).href : "@catkit/server")) as typeof Server;

const info = JSON.parse(readFileSync(process.argv[2] ?? "sandbox-info.json", "utf8")) as { icatUrl: string; idsUrl: string };
const dir = mkdtempSync(join(tmpdir(), "catkit-bench-gateway-"));
const config = loadServerConfig({
  env: {
    CATKIT_SERVER__SERVER__PORT: "0", CATKIT_SERVER__SERVER__HOST: "127.0.0.1",
    CATKIT_SERVER__ICAT__URL: info.icatUrl, CATKIT_SERVER__IDS__URL: info.idsUrl,
    CATKIT_SERVER__ICAT__INGESTER: JSON.stringify({ plugin: "db", username: "root", password: "secret" }),
    CATKIT_SERVER__GATEWAY__API_KEYS: JSON.stringify([process.argv[3]]),
    CATKIT_SERVER__GATEWAY__RATE_LIMIT__MAX: "100000000",
    CATKIT_SERVER__GATEWAY__CACHE_TTL_MS: "60000",
    CATKIT_SERVER__GATEWAY__LOGBOOK: JSON.stringify({ store: "sqlite", path: join(dir, "logbook.sqlite"), imagesDir: join(dir, "images") }),
    CATKIT_SERVER__LOG__LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
  },
});
const server = await startServer({ config, parts: ["gateway"], logger: createLogger(config.log.level) });
profileOnSignal("gateway");
process.stdout.write(`origin=${server.url}\n`);
process.once("SIGTERM", () => {
  void server.stop().then(() => process.exit(0));
});
