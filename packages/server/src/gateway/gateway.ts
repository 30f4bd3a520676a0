// The gateway part: the catkit REST API under /api/v1 (and, with a logbook, the e-logbook), its
// health checks and what it must close on shutdown.
import type { FastifyInstance } from "fastify";
import type { HealthCheck } from "../app/health.js";
import type { ServerMetrics } from "../app/metrics.js";
import type { ServerConfig } from "../config/server-config.js";
import { ConfigError } from "@catkit/core";
import { IdsClient } from "@catkit/ids";
import { CatalogueAccess } from "./catalogue-access.js";
import { catalogueRoutes } from "./api/catalogue-routes.js";
import { dataRoutes } from "./api/data-routes.js";
import { sessionRoutes } from "./api/session-routes.js";
import { logbookRoutes } from "../logbook/logbook-routes.js";
import { openLogbook } from "../logbook/open-logbook.js";
import type { LogbookService } from "../logbook/logbook-service.js";

/**
 * The running gateway part.
 *
 * @example
 * ```ts
 * const gateway = await createGateway(config, metrics);
 * await gateway.register(app);
 * ```
 */
export interface Gateway {
  readonly access: CatalogueAccess;
  readonly health: HealthCheck[];
  readonly logbook: LogbookService;
  register(app: FastifyInstance): Promise<void>;
  close(): Promise<void>;
}

/**
 * Creates the gateway part from the configuration.
 *
 * @throws {ConfigError} when icat.url is missing.
 * @example
 * ```ts
 * const gateway = await createGateway(config, createMetrics());
 * ```
 */
export async function createGateway(config: ServerConfig, metrics: ServerMetrics): Promise<Gateway> {
  if (!config.icat) throw new ConfigError("the gateway needs ICAT: set icat.url", { key: "icat.url" });
  const access = new CatalogueAccess({ icatUrl: config.icat.url, idsUrl: config.ids?.url });
  const health: HealthCheck[] = [{ name: "icat", check: async () => void (await access.icat(undefined).version()) }];
  const logbook = await openLogbook(config.gateway.logbook);
  health.push({ name: `logbook (${logbook.store.kind})`, check: () => logbook.store.ping() });
  const idsUrl = config.ids?.url;
  if (idsUrl) health.push({ name: "ids", check: () => new IdsClient({ url: idsUrl, transport: access.transport }).ping() });
  return {
    access,
    health,
    async register(app) {
      await app.register((api, _opts, done) => {
        sessionRoutes(api, access);
        catalogueRoutes(api, access);
        dataRoutes(api, access, metrics);
        logbookRoutes(api, access, logbook);
        done();
      }, { prefix: "/api/v1" });
    },
    logbook,
    async close() {
      await access.close();
      await logbook.store.close();
    },
  };
}
