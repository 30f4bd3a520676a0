// The logbook the configuration names: SQLite (default) or PostgreSQL, with its image store.
import type { ServerConfig } from "../config/server-config.js";
import { ImageStore } from "./image-store.js";
import { LogbookService } from "./logbook-service.js";
import { openPostgresLogbook } from "./postgres-logbook.js";
import { openSqliteLogbook } from "./sqlite-logbook.js";

/**
 * Opens the configured logbook.
 *
 * @example
 * ```ts
 * const logbook = await openLogbook(config.gateway.logbook);
 * ```
 */
export async function openLogbook(c: ServerConfig["gateway"]["logbook"]): Promise<LogbookService> {
  const store = c.store === "sqlite" ? openSqliteLogbook({ path: c.path }) : await openPostgresLogbook({ url: c.url });
  return new LogbookService(store, new ImageStore(c.imagesDir), c);
}
