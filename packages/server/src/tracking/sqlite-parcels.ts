// Parcels in the logbook's SQLite database (its own connection; WAL lets both write in turn).
import { DatabaseSync } from "node:sqlite";
import type { IcatPlusParcel } from "@catkit/icat-plus/ingest";
import type { ParcelStore } from "./parcel-store.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tracking_parcels (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL,
  shipment_id TEXT,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tracking_parcels_investigation ON tracking_parcels (investigation_id, seq);
`;

/**
 * Opens (and creates) the parcel table of a SQLite logbook database.
 *
 * @example
 * ```ts
 * const parcels = openSqliteParcels({ path: "catkit-logbook.sqlite" });
 * ```
 */
export function openSqliteParcels(o: { path: string }): ParcelStore {
  const db = new DatabaseSync(o.path);
  db.exec("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;");
  db.exec(SCHEMA);
  const insert = db.prepare("INSERT INTO tracking_parcels (id, investigation_id, shipment_id, body) VALUES (?, ?, ?, ?)");
  const all = db.prepare("SELECT body FROM tracking_parcels WHERE investigation_id = ? ORDER BY seq");
  const ofShipment = db.prepare("SELECT body FROM tracking_parcels WHERE investigation_id = ? AND shipment_id = ? ORDER BY seq");
  return {
    insert(p) {
      insert.run(p.id, p.investigationId, p.shipmentId, JSON.stringify(p));
      return Promise.resolve();
    },
    list(q) {
      const rows = (q.shipmentId === undefined ? all.all(q.investigationId) : ofShipment.all(q.investigationId, q.shipmentId)) as { body: string }[];
      return Promise.resolve(rows.map((r) => JSON.parse(r.body) as IcatPlusParcel));
    },
    close: () => Promise.resolve(db.close()),
  };
}
