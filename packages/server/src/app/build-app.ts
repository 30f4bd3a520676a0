// The fastify app both subcommands share: zod validation and serialization (so OpenAPI is
// generated from the route schemas), OpenAPI at /openapi.json and its UI at /docs, CORS, rate
// limits per API key, body size limits, redacted logs, request metrics, /health and /metrics.
import cors from "@fastify/cors";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Logger } from "pino";
import type { ServerConfig } from "../config/server-config.js";
import { replyError } from "./error-reply.js";
import { registerHealth, type HealthCheck } from "./health.js";
import { requestLoggerFactory } from "./logger.js";
import { registerRateLimit } from "./rate-limit.js";
import { hooksOf } from "./route-hooks.js";
import { requestRecorder, type ServerMetrics } from "./metrics.js";

/**
 * What {@link buildApp} needs.
 *
 * @example
 * ```ts
 * const app = await buildApp({ config, logger: createLogger("info"), metrics: createMetrics(), health: [] });
 * ```
 */
export interface AppOptions {
  config: ServerConfig;
  logger: Logger;
  metrics: ServerMetrics;
  health: readonly HealthCheck[];
}

/**
 * Fastify's request logging in one line per request instead of two ("incoming request", then
 * "request completed" without the URL): the completed line names the method and URL (redacted
 * by the logger's `req` serializer), the status and the time, and a busy gateway writes half
 * the lines. Error and stream lines stay fastify's.
 */
class OneLineRequestLog extends LogController {
  readonly #log: Logger;

  constructor(log: Logger) {
    super();
    this.#log = log;
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) super.requestCompleted(error, request, reply);
    // Checked first: below info (e.g. at warn) the line is not even built.
    else if (this.#log.isLevelEnabled("info")) reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, "request completed");
  }
}

/**
 * Builds the app with the shared plugins and the operations routes; parts add their routes.
 *
 * @example
 * ```ts
 * const app = await buildApp(options);
 * await app.register(gatewayRoutes, { prefix: "/api/v1" });
 * ```
 */
export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const { config, metrics } = o;
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the generics differ only in pino's extra fields.
    loggerInstance: o.logger as unknown as FastifyBaseLogger,
    bodyLimit: config.server.bodyLimitBytes,
    trustProxy: config.server.trustProxy,
    // Downloads can be long: no request timeout; idle keep-alive sockets close on shutdown.
    requestTimeout: 0,
    forceCloseConnections: "idle",
    return503OnClosing: true,
    logController: new OneLineRequestLog(o.logger),
    childLoggerFactory: requestLoggerFactory(o.logger),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(replyError);

  // Metrics and rate limits are hooks of each route, added as routes are registered (route-hooks.ts).
  const recorder = requestRecorder(metrics);
  app.addHook("onRoute", (route) => {
    const record = recorder(route.config?.keyRoute?.pattern ?? route.url);
    route.onResponse = [...hooksOf(route.onResponse), (req, reply, done) => {
      record(req.method, reply.statusCode, reply.elapsedTime / 1000);
      done();
    }];
  });
  const limit = registerRateLimit(app, { ...config.gateway.rateLimit, apiKeys: new Set(config.gateway.apiKeys) });
  const recordUnmatched = recorder("unmatched");
  app.setNotFoundHandler({ preHandler: limit }, (req, reply) => {
    void reply.code(404).send({ statusCode: 404, code: "NOT_FOUND", message: `no route ${req.method} ${req.url.split("?")[0]}` });
    recordUnmatched(req.method, 404, reply.elapsedTime / 1000);
  });

  // Without origins CORS is off: not registering the plugin spares every request its hook.
  if (config.gateway.corsOrigins.length > 0) await app.register(cors, { origin: config.gateway.corsOrigins, exposedHeaders: ["content-range", "accept-ranges", "content-disposition"] });
  await app.register(swagger, {
    openapi: {
      info: { title: "catkit server", version: "1", description: "catkit REST API over ICAT and IDS, ICAT+-compatible routes and the e-logbook" },
      components: { securitySchemes: {
        icatSession: { type: "http", scheme: "bearer", description: "an ICAT session id (POST /api/v1/session)" },
        scicatToken: { type: "http", scheme: "bearer", description: "a SciCat token (the JWT SciCat's login returns); /api/v1/scicat routes only" },
      } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  app.get("/openapi.json", { schema: { hide: true }, config: { rateLimit: false } }, () => app.swagger());

  registerHealth(app, o.health);
  app.get("/metrics", { schema: { hide: true }, config: { rateLimit: false } }, async (_req, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  return app;
}
