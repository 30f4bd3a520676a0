// The parcel store in the configured logbook's database: SQLite (default) or PostgreSQL.
import type { ServerConfig } from "../config/server-config.js";
import type { ParcelStore } from "./parcel-store.js";
import { openPostgresParcels } from "./postgres-parcels.js";
import { openSqliteParcels } from "./sqlite-parcels.js";

/**
 * Opens the parcels of the configured logbook database.
 *
 * @example
 * ```ts
 * const parcels = await openParcels(config.gateway.logbook);
 * ```
 */
export async function openParcels(c: ServerConfig["gateway"]["logbook"]): Promise<ParcelStore> {
  return c.store === "sqlite" ? openSqliteParcels({ path: c.path }) : await openPostgresParcels({ url: c.url });
}
