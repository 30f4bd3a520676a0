// @catkit/server: the catkit-server app (ingest service and gateway) as a library, for embedding
// and tests. Explicit named exports only.
export { ServerConfigSchema, type ServerConfig } from "./config/server-config.js";
export { loadServerConfig, type ConfigSource } from "./config/load-server-config.js";
export { startServer, type RunningServer, type ServerPart, type StartOptions } from "./server.js";
export { createLogger } from "./app/logger.js";
export { createMetrics, type ServerMetrics } from "./app/metrics.js";
export type { HealthCheck } from "./app/health.js";
export { createIngestPart, type IngestHooks, type IngestPart } from "./ingest/ingest-part.js";
export { DEAD_LETTER_REASON_HEADER } from "./ingest/dead-letter.js";
export { run } from "./cli/run.js";
