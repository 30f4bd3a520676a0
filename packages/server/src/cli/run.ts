// The command line: parse the subcommand and --config, load and validate the configuration
// (a bad one stops here with one line naming the key), start, and stop gracefully on SIGTERM or
// SIGINT. Returns the exit code.
import { parseArgs } from "node:util";
import { isCatkitError, redact } from "@catkit/core";
import { loadServerConfig } from "../config/load-server-config.js";
import { startServer } from "../server.js";

const USAGE = "usage: catkit-server <gateway|ingest|all> [--config <file.json>]   (env: CATKIT_SERVER_CONFIG, CATKIT_SERVER__SECTION__KEY=value)";

/**
 * Runs the command until a signal stops it.
 *
 * @example
 * ```ts
 * process.exitCode = await run(["gateway", "--config", "server.json"], process.env);
 * ```
 */
export async function run(argv: readonly string[], env: NodeJS.ProcessEnv, stderr: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: [...argv], allowPositionals: true, options: { config: { type: "string", short: "c" }, help: { type: "boolean", short: "h" } } });
  } catch (err) {
    stderr(`catkit-server: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command] = args.positionals;
  if (args.values.help || !command || !["gateway", "ingest", "all"].includes(command)) {
    stderr(USAGE);
    return args.values.help ? 0 : 2;
  }
  const parts = command === "all" ? (["gateway", "ingest"] as const) : ([command] as ["gateway"] | ["ingest"]);
  let server;
  try {
    const config = loadServerConfig({ file: args.values.config, env });
    server = await startServer({
      config, parts,
      ingest: async (c, m, l, hooks) => (await import("../ingest/ingest-part.js")).createIngestPart(c, m, l, hooks),
    });
  } catch (err) {
    stderr(`catkit-server: ${isCatkitError(err) ? err.message : redact(err instanceof Error ? err.message : String(err))}`);
    return isCatkitError(err) && err.code === "CATKIT_CONFIG" ? 78 : 1;
  }
  server.app.log.info({ url: server.url, parts }, "listening");
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGTERM", () => resolve("SIGTERM"));
    process.once("SIGINT", () => resolve("SIGINT"));
  });
  server.app.log.info({ signal }, "stopping");
  await server.stop();
  return 0;
}
