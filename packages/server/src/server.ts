// Starts the server: the shared app, the parts the subcommand asks for (gateway, ingest), and
// an orderly stop: stop accepting and consuming, drain in-flight requests (streaming downloads
// included) and messages, close clients, within server.shutdownTimeoutMs.
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { buildApp } from "./app/build-app.js";
import type { HealthCheck } from "./app/health.js";
import { createLogger } from "./app/logger.js";
import { createMetrics, type ServerMetrics } from "./app/metrics.js";
import type { ServerConfig } from "./config/server-config.js";
import { createGateway } from "./gateway/gateway.js";

/**
 * A part of the server (gateway, ingest): its routes, checks, start and stop.
 *
 * @example
 * ```ts
 * const part: ServerPart = { health: [], register: async () => {}, start: async () => {}, stop: async () => {} };
 * ```
 */
export interface ServerPart {
  readonly health: readonly HealthCheck[];
  register?(app: FastifyInstance): Promise<void>;
  /** Called once the HTTP server listens (the ingest part starts consuming here). */
  start?(): Promise<void>;
  /** Stop taking new work and finish what is in flight. */
  stop(): Promise<void>;
  /** Release clients once HTTP has drained (downloads still stream until then). */
  close?(): Promise<void>;
}

/**
 * What {@link startServer} starts.
 *
 * @example
 * ```ts
 * const options: StartOptions = { config, parts: ["gateway"] };
 * ```
 */
export interface StartOptions {
  config: ServerConfig;
  parts: readonly ("gateway" | "ingest")[];
  logger?: Logger;
  /** Builds the ingest part (kept injectable so the gateway never loads the STOMP consumer). */
  ingest?: (config: ServerConfig, metrics: ServerMetrics, logger: Logger, hooks: { onApplied?: () => void }) => ServerPart | Promise<ServerPart>;
}

/**
 * A running server.
 *
 * @example
 * ```ts
 * const server = await startServer({ config, parts: ["gateway"] });
 * console.log(server.url);
 * await server.stop();
 * ```
 */
export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly metrics: ServerMetrics;
  readonly parts: readonly ServerPart[];
  /** Graceful stop; resolves when everything is drained or the shutdown timeout passed. */
  stop(): Promise<void>;
}

/**
 * Starts the server.
 *
 * @example
 * ```ts
 * const server = await startServer({ config: loadServerConfig({ file: "server.json" }), parts: ["gateway"] });
 * ```
 */
export async function startServer(o: StartOptions): Promise<RunningServer> {
  const logger = o.logger ?? createLogger(o.config.log.level);
  const metrics = createMetrics();
  const parts: ServerPart[] = [];
  let gateway: Awaited<ReturnType<typeof createGateway>> | undefined;
  if (o.parts.includes("gateway")) {
    gateway = await createGateway(o.config, metrics);
    const g = gateway;
    parts.push({ health: g.health, register: (app) => g.register(app), stop: async () => {}, close: () => g.close() });
  }
  if (o.parts.includes("ingest")) {
    if (!o.ingest) throw new Error("the ingest part needs its factory (startServer({ ingest }))");
    // In one process, a registration clears the gateway's look-up cache at once.
    const hooks = gateway ? { onApplied: () => gateway?.invalidate() } : {};
    parts.push(await o.ingest(o.config, metrics, logger.child({ part: "ingest" }), hooks));
  }
  const app = await buildApp({ config: o.config, logger, metrics, health: parts.flatMap((p) => p.health) });
  for (const p of parts) await p.register?.(app);
  await app.listen({ host: o.config.server.host, port: o.config.server.port });
  for (const p of parts) await p.start?.();
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : o.config.server.port;
  const host = o.config.server.host === "0.0.0.0" ? "127.0.0.1" : o.config.server.host;
  let stopping: Promise<void> | undefined;
  return {
    app,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    metrics,
    parts,
    stop() {
      stopping ??= (async () => {
        const timeout = new Promise<void>((resolve) => setTimeout(() => {
          logger.warn({ timeoutMs: o.config.server.shutdownTimeoutMs }, "shutdown timeout: exiting with work in flight");
          resolve();
        }, o.config.server.shutdownTimeoutMs).unref());
        const drain = (async () => {
          // Parts first (the consumer stops taking messages and finishes those in flight) while
          // the HTTP server still answers /health and /metrics; then HTTP drains its requests.
          await Promise.all(parts.map((p) => p.stop()));
          await app.close();
          await Promise.all(parts.map((p) => p.close?.() ?? Promise.resolve()));
        })();
        await Promise.race([drain, timeout]);
        logger.info("stopped");
      })();
      return stopping;
    },
  };
}
