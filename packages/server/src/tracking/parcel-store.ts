// Where the gateway keeps sample-tracking parcels: in the logbook's database (the same SQLite
// file or PostgreSQL database, table tracking_parcels), so one gateway or several share them as
// they share the logbook.
import type { IcatPlusParcel } from "@catkit/icat-plus/ingest";

/**
 * A parcel store.
 *
 * @example
 * ```ts
 * const store = openSqliteParcels({ path: "logbook.sqlite" });
 * await store.insert(parcel);
 * const parcels = await store.list({ investigationId: 12 });
 * ```
 */
export interface ParcelStore {
  insert(parcel: IcatPlusParcel): Promise<void>;
  /** The parcels of an investigation (of one shipment when given), oldest first. */
  list(q: { investigationId: number; shipmentId?: string | undefined }): Promise<IcatPlusParcel[]>;
  close(): Promise<void>;
}
