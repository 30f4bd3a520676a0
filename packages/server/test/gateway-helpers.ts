// Test helpers: an ICAT+IDS sandbox pair with the tutorial's world, and a gateway over it.
import { createDefaultPolicy, startIcatAndIdsSandbox, tutorialFixture, type AuthorizationPolicy, type IcatAndIdsSandbox } from "@catkit/icat/testing";
import { loadServerConfig } from "../src/config/load-server-config.ts";
import { createLogger } from "../src/app/logger.ts";
import { startServer, type RunningServer } from "../src/server.ts";
import type { DestinationStream } from "pino";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The sandbox's default rules plus one most ICAT installations have (icat.server's setup
 * scripts grant it): a user may read the InstrumentScientist rows naming them.
 */
function facilityPolicy(): AuthorizationPolicy {
  const base = createDefaultPolicy({ rootUserNames: ["db/root"] });
  return {
    readScope: (user, entity, store) =>
      entity === "InstrumentScientist" && base.readScope(user, entity, store) === "none"
        ? (row) => store.related(row, "user")?.values.name === user
        : base.readScope(user, entity, store),
    mayWrite: (user, access, row, store) => base.mayWrite(user, access, row, store),
  };
}

export interface GatewayWorld {
  sandbox: IcatAndIdsSandbox;
  server: RunningServer;
  logLines: string[];
  /** A temporary directory (the logbook's), removed by close(). */
  dir: string;
  close(): Promise<void>;
}

export interface SandboxOptions {
  twoLevel?: boolean;
  /** Zips with fixed entry times, so two requests for one zip give the same bytes. */
  stableZips?: boolean;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<IcatAndIdsSandbox> {
  return startIcatAndIdsSandbox({
    fixture: tutorialFixture, policy: facilityPolicy(),
    ...(options.twoLevel ? { twoLevel: { restoreDelayMs: 50 } } : {}),
    ...(options.stableZips ? { ids: { stableZips: true } } : {}),
  });
}

/** A gateway over `sandbox`, its logbook in `dir` unless `env` says otherwise. */
export async function startGateway(sandbox: IcatAndIdsSandbox, dir: string, env: Record<string, string> = {}, logLines: string[] = []): Promise<RunningServer> {
  const destination: DestinationStream = { write: (line: string) => void logLines.push(line) };
  const config = loadServerConfig({
    env: {
      CATKIT_SERVER__SERVER__PORT: "0", CATKIT_SERVER__SERVER__HOST: "127.0.0.1",
      CATKIT_SERVER__ICAT__URL: sandbox.icatUrl, CATKIT_SERVER__IDS__URL: sandbox.idsUrl,
      CATKIT_SERVER__LOG__LEVEL: "info",
      CATKIT_SERVER__GATEWAY__LOGBOOK: JSON.stringify({ store: "sqlite", path: join(dir, "logbook.sqlite"), imagesDir: join(dir, "images"), imageThresholdBytes: 1024, maxImageBytes: 1024 * 1024 }),
      ...env,
    },
  });
  return startServer({ config, parts: ["gateway"], logger: createLogger("info", destination) });
}

export async function startGatewayWorld(env: Record<string, string> = {}, options: SandboxOptions = {}): Promise<GatewayWorld> {
  const sandbox = await startSandbox(options);
  const logLines: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), "catkit-gateway-"));
  const server = await startGateway(sandbox, dir, env, logLines);
  return {
    sandbox, server, logLines, dir,
    async close() {
      await server.stop();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
