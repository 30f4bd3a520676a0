// Test helpers: an ICAT+IDS sandbox pair with the tutorial's world, and a gateway over it.
import { startIcatAndIdsSandbox, tutorialFixture, type IcatAndIdsSandbox } from "@catkit/icat/testing";
import { loadServerConfig } from "../src/config/load-server-config.ts";
import { createLogger } from "../src/app/logger.ts";
import { startServer, type RunningServer } from "../src/server.ts";
import type { DestinationStream } from "pino";

export interface GatewayWorld {
  sandbox: IcatAndIdsSandbox;
  server: RunningServer;
  logLines: string[];
  close(): Promise<void>;
}

export async function startGatewayWorld(env: Record<string, string> = {}, options: { twoLevel?: boolean } = {}): Promise<GatewayWorld> {
  const sandbox = await startIcatAndIdsSandbox({ fixture: tutorialFixture, ...(options.twoLevel ? { twoLevel: { restoreDelayMs: 50 } } : {}) });
  const logLines: string[] = [];
  const destination: DestinationStream = { write: (line: string) => void logLines.push(line) };
  const config = loadServerConfig({
    env: {
      CATKIT_SERVER__SERVER__PORT: "0", CATKIT_SERVER__SERVER__HOST: "127.0.0.1",
      CATKIT_SERVER__ICAT__URL: sandbox.icatUrl, CATKIT_SERVER__IDS__URL: sandbox.idsUrl,
      CATKIT_SERVER__LOG__LEVEL: "info",
      ...env,
    },
  });
  const server = await startServer({ config, parts: ["gateway"], logger: createLogger("info", destination) });
  return {
    sandbox, server, logLines,
    async close() {
      await server.stop();
      await sandbox.close();
    },
  };
}
