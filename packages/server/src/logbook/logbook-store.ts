// The e-logbook's storage contract, met by the SQLite store (one instance, embedded) and the
// PostgreSQL store (several gateway instances sharing one database).

/**
 * An event as stored: where it belongs (an investigation, or a beamline's logbook), its
 * ICAT+ fields, tags, and the JSON body as posted (an image above the size threshold replaced by
 * a reference to the image store).
 *
 * @example
 * ```ts
 * const e: LogbookEvent = { id: "a1b2", investigationId: 12, investigationName: "hg123", instrumentName: "id00", type: "annotation", category: "comment", creationDate: "2024-03-01T10:00:00.000Z", tags: ["alignment"], body: { content: [{ format: "plainText", text: "ok" }] }, image: undefined };
 * ```
 */
export interface LogbookEvent {
  id: string;
  /** null for a beamline logbook event. */
  investigationId: number | null;
  investigationName: string | null;
  instrumentName: string | null;
  type: string;
  category: string;
  creationDate: string;
  tags: string[];
  body: Record<string, unknown>;
  image: ImageRef | undefined;
}

/**
 * An image kept outside the row.
 *
 * @example
 * ```ts
 * const ref: ImageRef = { ref: "9f86d08…", mime: "image/png", size: 123456 };
 * ```
 */
export interface ImageRef {
  ref: string;
  mime: string;
  size: number;
}

/**
 * What a read asks for. `investigationId` or `instrumentName` (beamline logbook) is required.
 *
 * @example
 * ```ts
 * const q: LogbookQuery = { investigationId: 12, tags: ["alignment"], offset: 0, limit: 50 };
 * ```
 */
export interface LogbookQuery {
  investigationId?: number | undefined;
  /** With no investigationId: the beamline logbook of this instrument. */
  instrumentName?: string | undefined;
  /** Events carrying any of these tags. */
  tags?: readonly string[] | undefined;
  offset: number;
  limit: number;
}

/**
 * A logbook store.
 *
 * @example
 * ```ts
 * const store: LogbookStore = await openSqliteLogbook({ path: ":memory:" });
 * await store.insert(event);
 * const page = await store.list({ investigationId: 12, offset: 0, limit: 50 });
 * ```
 */
export interface LogbookStore {
  readonly kind: "sqlite" | "postgres";
  /** Inserts an event and its tags in one transaction. */
  insert(event: LogbookEvent): Promise<void>;
  /** Events in insertion order, one page; `hasMore` says whether a next page exists. */
  list(query: LogbookQuery): Promise<{ items: LogbookEvent[]; hasMore: boolean }>;
  /** The investigation (or null for a beamline event) of the event holding an image, if any. */
  imageOwner(ref: string): Promise<{ investigationId: number | null; instrumentName: string | null; mime: string } | undefined>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
