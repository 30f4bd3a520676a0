// The gateway part: the catkit REST API under /api/v1 (and, with a logbook, the e-logbook), its
// health checks and what it must close on shutdown.
import type { FastifyInstance } from "fastify";
import type { HealthCheck } from "../app/health.js";
import type { ServerMetrics } from "../app/metrics.js";
import type { ServerConfig } from "../config/server-config.js";
import { ConfigError, registerSecret } from "@catkit/core";
import { serviceIcat } from "../app/service-icat.js";
import { dataAcquisitionRoutes } from "../icat-plus/dataacquisition-routes.js";
import { InvestigationCache } from "../icat-plus/investigation-cache.js";
import { restrictedRoutes } from "../icat-plus/restricted-routes.js";
import { IdsClient } from "@catkit/ids";
import { ScicatApi } from "@catkit/scicat";
import { CatalogueAccess } from "./catalogue-access.js";
import { catalogueRoutes } from "./api/catalogue-routes.js";
import { dataRoutes } from "./api/data-routes.js";
import { scicatRoutes } from "./api/scicat-routes.js";
import { sessionRoutes } from "./api/session-routes.js";
import { logbookRoutes } from "../logbook/logbook-routes.js";
import { openLogbook } from "../logbook/open-logbook.js";
import type { LogbookService } from "../logbook/logbook-service.js";
import { openParcels } from "../tracking/open-parcels.js";
import { trackingRoutes } from "../tracking/tracking-routes.js";

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
  /** Forgets cached investigation look-ups (the ingest service registered something). */
  invalidate(): void;
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
  const parcels = await openParcels(config.gateway.logbook);
  const service = config.icat.ingester ? serviceIcat(config, "the ICAT+ API-key routes") : undefined;
  const cache = new InvestigationCache(config.gateway.cacheTtlMs, metrics);
  for (const key of config.gateway.apiKeys) registerSecret(key);
  health.push({ name: `logbook (${logbook.store.kind})`, check: () => logbook.store.ping() });
  const idsUrl = config.ids?.url;
  if (idsUrl) health.push({ name: "ids", check: () => new IdsClient({ url: idsUrl, transport: access.transport }).ping() });
  const scicatUrl = config.scicat?.url;
  if (scicatUrl) health.push({ name: "scicat", check: async () => void (await new ScicatApi({ url: scicatUrl, transport: access.transport }).auth.health()) });
  return {
    access,
    health,
    async register(app) {
      await app.register((api, _opts, done) => {
        sessionRoutes(api, access);
        catalogueRoutes(api, access);
        dataRoutes(api, access, metrics);
        logbookRoutes(api, access, logbook);
        if (scicatUrl) scicatRoutes(api, { url: scicatUrl, transport: access.transport });
        done();
      }, { prefix: "/api/v1" });
      await app.register((scope, _opts, done) => {
        dataAcquisitionRoutes(scope, { apiKeys: new Set(config.gateway.apiKeys), service, logbook, cache });
        done();
      });
      await app.register((scope, _opts, done) => {
        restrictedRoutes(scope, { access, logbook, service, loginPlugins: config.gateway.loginPlugins, administrators: config.gateway.administrators });
        trackingRoutes(scope, access, parcels);
        done();
      });
    },
    logbook,
    invalidate: () => cache.clear(),
    async close() {
      await service?.icat.logout().catch(() => undefined);
      await access.close();
      await logbook.store.close();
      await parcels.close();
    },
  };
}
