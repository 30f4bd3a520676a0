// Configuration: file plus CATKIT_SERVER__… environment, validated with zod; a bad value stops
// the server with one line naming the key and where it came from, never echoing a secret.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ConfigError } from "@catkit/core";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/app/logger.ts";
import { createMetrics } from "../src/app/metrics.ts";
import { loadServerConfig } from "../src/config/load-server-config.ts";
import { ServerConfigSchema } from "../src/config/server-config.ts";
import { createIngestPart } from "../src/ingest/ingest-part.ts";

const dir = mkdtempSync(join(tmpdir(), "catkit-server-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const root = join(import.meta.dirname, "../../..");
const bin = join(import.meta.dirname, "../src/bin/catkit-server.ts");

describe("loadServerConfig", () => {
  it("applies defaults, the file, then the environment", () => {
    const path = file("ok.json", JSON.stringify({ icat: { url: "https://icat.example.org/icat" }, ingest: { prefetch: 5 } }));
    const config = loadServerConfig({ file: path, env: { CATKIT_SERVER__INGEST__PREFETCH: "7", CATKIT_SERVER__GATEWAY__API_KEYS: '["0123456789"]' } });
    expect(config.server.port).toBe(8080);
    expect(config.icat?.url).toBe("https://icat.example.org/icat");
    expect(config.ingest.prefetch).toBe(7);
    expect(config.ingest.queues.metadata).toBe("icatIngest");
    expect(config.gateway.apiKeys).toEqual(["0123456789"]);
    expect(config.gateway.logbook.store).toBe("sqlite");
  });

  it("accepts the deploy example", () => {
    const config = loadServerConfig({ file: join(import.meta.dirname, "../deploy/server.example.json") });
    expect(config.ingest.brokers).toEqual(["tcp://broker:61613"]);
    expect(config.gateway.logbook).toMatchObject({ store: "sqlite", imageThresholdBytes: 65536 });
    expect(config.scicat).toMatchObject({ mirror: true, queue: "catkit.scicatMirror", ownerGroup: "{investigation}", accessGroups: ["{instrument}"], maxAttempts: 5 });
  });

  it("checks the scicat section: values at load, the mirror's account and contact e-mail when the ingest part starts", () => {
    const base = { icat: { url: "https://icat.example.org/icat", ingester: { username: "i", password: "p" } } };
    expect(() => loadServerConfig({ env: { CATKIT_SERVER__SCICAT: JSON.stringify({ url: "https://s.example.org", username: "u" }) } })).toThrow(/"scicat\.password": a username needs a password/);
    expect(() => loadServerConfig({ env: { CATKIT_SERVER__SCICAT: JSON.stringify({ url: "https://s.example.org", pidPrefix: "a/b" }) } })).toThrow(/"scicat\.pidPrefix"/);
    const noAccount = ServerConfigSchema.parse({ ...base, scicat: { url: "https://s.example.org", contactEmail: "d@example.org" } });
    expect(() => createIngestPart(noAccount, createMetrics(), createLogger("silent"))).toThrow(/the SciCat mirror needs an account: set scicat\.token/);
    const noEmail = ServerConfigSchema.parse({ ...base, scicat: { url: "https://s.example.org", token: "t0ken-value" } });
    expect(() => createIngestPart(noEmail, createMetrics(), createLogger("silent"))).toThrow(/scicat\.contactEmail/);
    const readsOnly = ServerConfigSchema.parse({ ...base, scicat: { url: "https://s.example.org", mirror: false } });
    expect(createIngestPart(readsOnly, createMetrics(), createLogger("silent")).health.map((h) => h.name)).toEqual(["broker", "icat"]);
  });

  it("names the bad key and its origin, not the value", () => {
    const path = file("bad.json", JSON.stringify({ icat: { url: "https://icat.example.org/icat", ingester: { username: "ingest", password: 42 } } }));
    expect(() => loadServerConfig({ file: path })).toThrow(ConfigError);
    expect(() => loadServerConfig({ file: path })).toThrow(/bad\.json "icat\.ingester\.password": Invalid input: expected string/);
    expect(() => loadServerConfig({ env: { CATKIT_SERVER__SERVER__PORT: "99999" } })).toThrow(/env CATKIT_SERVER__SERVER__PORT.*"server\.port"/);
    expect(() => loadServerConfig({ env: { CATKIT_SERVER__SERVER__PROT: "1" } })).toThrow(/"server\.PROT": unknown setting/);
    expect(() => loadServerConfig({ file: file("typo.json", '{"sever": {}}') })).toThrow(/Unrecognized key: "sever"/);
    expect(() => loadServerConfig({ file: file("broken.json", "{") })).toThrow(/broken\.json: not valid JSON/);
    try {
      loadServerConfig({ env: { CATKIT_SERVER__ICAT__URL: "ftp://hunter2-secret" } });
    } catch (err) {
      expect((err as Error).message).toMatch(/"icat\.url"/);
      expect((err as Error).message).not.toContain("hunter2");
    }
  });
});

describe("catkit-server", () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    promisify(execFile)(process.execPath, ["--conditions=@catkit/source", "--import", join(root, "tools/vitest/source-hooks.ts"), bin, ...args], { env: { PATH: process.env.PATH ?? "", ...env } })
      .then(() => ({ code: 0, stderr: "" }), (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }));

  it("stops on a bad config with one line naming the key (exit 78)", async () => {
    const { code, stderr } = await run(["gateway"], { CATKIT_SERVER__GATEWAY__RATE_LIMIT__MAX: "-1", CATKIT_SERVER__ICAT__URL: "http://127.0.0.1:1/icat" });
    expect(code).toBe(78);
    expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(/^catkit-server: \[env CATKIT_SERVER__GATEWAY__RATE_LIMIT__MAX\] "gateway\.rateLimit\.max": Too small/)]);
  });

  it("says what to set when a part's section is missing, and prints usage for a bad command", async () => {
    const gateway = await run(["gateway"]);
    expect(gateway.code).toBe(78);
    expect(gateway.stderr).toMatch(/"icat\.url": the gateway needs ICAT/);
    const usage = await run(["serve"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/usage: catkit-server <gateway\|ingest\|all>/);
  });
});
