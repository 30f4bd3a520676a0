// Parcels in the logbook's PostgreSQL database, shared by every gateway instance using it. The
// table is created on open, under the same kind of advisory lock as the logbook's tables.
import { openPostgresPool } from "../app/postgres-pool.js";
import type { IcatPlusParcel } from "@catkit/icat-plus/ingest";
import type { ParcelStore } from "./parcel-store.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tracking_parcels (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  investigation_id BIGINT NOT NULL,
  shipment_id TEXT,
  body JSONB NOT NULL
);
CREATE INDEX IF NOT EXISTS tracking_parcels_investigation ON tracking_parcels (investigation_id, seq);
`;
const SCHEMA_LOCK = 0x636b7470; // "cktp"

/**
 * Opens the parcel table of a PostgreSQL logbook database (creating it when missing).
 *
 * @example
 * ```ts
 * const parcels = await openPostgresParcels({ url: "postgres://catkit@127.0.0.1:5432/catkit" });
 * ```
 */
export async function openPostgresParcels(o: { url: string; max?: number }): Promise<ParcelStore> {
  const pool = await openPostgresPool({ url: o.url, max: o.max ?? 4, schema: SCHEMA, lock: SCHEMA_LOCK });
  return {
    async insert(p) {
      await pool.query("INSERT INTO tracking_parcels (id, investigation_id, shipment_id, body) VALUES ($1, $2, $3, $4)", [p.id, p.investigationId, p.shipmentId, JSON.stringify(p)]);
    },
    async list(q) {
      const { rows } = q.shipmentId === undefined
        ? await pool.query<{ body: IcatPlusParcel }>("SELECT body FROM tracking_parcels WHERE investigation_id = $1 ORDER BY seq", [q.investigationId])
        : await pool.query<{ body: IcatPlusParcel }>("SELECT body FROM tracking_parcels WHERE investigation_id = $1 AND shipment_id = $2 ORDER BY seq", [q.investigationId, q.shipmentId]);
      return rows.map((r) => r.body);
    },
    close: () => pool.end(),
  };
}
