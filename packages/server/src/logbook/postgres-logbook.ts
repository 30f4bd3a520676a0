// The e-logbook in PostgreSQL, for several gateway instances sharing it. The schema is created
// on open (idempotent, under an advisory lock so two instances starting together do not race).
import { openPostgresPool } from "../app/postgres-pool.js";
import type { LogbookEvent, LogbookQuery, LogbookStore } from "./logbook-store.js";
import { eventOfRow, type EventRow } from "./event-row.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS logbook_events (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  investigation_id BIGINT,
  investigation_name TEXT,
  instrument_name TEXT,
  type TEXT NOT NULL,
  category TEXT NOT NULL,
  creation_date TEXT NOT NULL,
  body JSONB NOT NULL,
  image_ref TEXT,
  image_mime TEXT,
  image_size BIGINT
);
CREATE INDEX IF NOT EXISTS logbook_events_investigation ON logbook_events (investigation_id, seq);
CREATE INDEX IF NOT EXISTS logbook_events_instrument ON logbook_events (instrument_name, seq) WHERE investigation_id IS NULL;
CREATE INDEX IF NOT EXISTS logbook_events_image ON logbook_events (image_ref) WHERE image_ref IS NOT NULL;
CREATE TABLE IF NOT EXISTS logbook_tags (
  event_seq BIGINT NOT NULL REFERENCES logbook_events (seq),
  tag TEXT NOT NULL,
  PRIMARY KEY (event_seq, tag)
);
CREATE INDEX IF NOT EXISTS logbook_tags_tag ON logbook_tags (tag, event_seq);
`;
const SCHEMA_LOCK = 0x636b6c62; // "cklb"

/**
 * Opens a PostgreSQL logbook (creating its tables when missing).
 *
 * @example
 * ```ts
 * const store = await openPostgresLogbook({ url: "postgres://catkit@127.0.0.1:5432/catkit" });
 * ```
 */
export async function openPostgresLogbook(o: { url: string; max?: number }): Promise<LogbookStore> {
  const pool = await openPostgresPool({ url: o.url, max: o.max ?? 10, schema: SCHEMA, lock: SCHEMA_LOCK });
  return {
    kind: "postgres",
    async insert(e: LogbookEvent) {
      const c = await pool.connect();
      try {
        await c.query("BEGIN");
        const { rows } = await c.query<{ seq: string }>(
          `INSERT INTO logbook_events (id, investigation_id, investigation_name, instrument_name, type, category, creation_date, body, image_ref, image_mime, image_size)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING seq`,
          [e.id, e.investigationId, e.investigationName, e.instrumentName, e.type, e.category, e.creationDate, JSON.stringify(e.body), e.image?.ref ?? null, e.image?.mime ?? null, e.image?.size ?? null],
        );
        if (e.tags.length) await c.query("INSERT INTO logbook_tags (event_seq, tag) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING", [rows[0]?.seq, e.tags]);
        await c.query("COMMIT");
      } catch (err) {
        await c.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        c.release();
      }
    },
    async list(q: LogbookQuery) {
      const params: unknown[] = [q.investigationId ?? q.instrumentName ?? ""];
      const where = q.investigationId !== undefined ? ["e.investigation_id = $1"] : ["e.investigation_id IS NULL", "e.instrument_name = $1"];
      if (q.tags?.length) {
        params.push(q.tags);
        where.push(`EXISTS (SELECT 1 FROM logbook_tags t WHERE t.event_seq = e.seq AND t.tag = ANY($${params.length}::text[]))`);
      }
      params.push(q.limit + 1, q.offset);
      const { rows } = await pool.query<EventRow>(
        `SELECT e.*, ARRAY(SELECT tag FROM logbook_tags t WHERE t.event_seq = e.seq) AS tags
         FROM logbook_events e WHERE ${where.join(" AND ")} ORDER BY e.seq LIMIT $${params.length - 1} OFFSET $${params.length}`,
        params,
      );
      return { items: rows.slice(0, q.limit).map(eventOfRow), hasMore: rows.length > q.limit };
    },
    async imageOwner(ref: string) {
      const { rows } = await pool.query<{ investigation_id: string | null; instrument_name: string | null; image_mime: string | null }>(
        "SELECT investigation_id, instrument_name, image_mime FROM logbook_events WHERE image_ref = $1 LIMIT 1", [ref]);
      const row = rows[0];
      return row && { investigationId: row.investigation_id === null ? null : Number(row.investigation_id), instrumentName: row.instrument_name, mime: row.image_mime ?? "application/octet-stream" };
    },
    ping: async () => void (await pool.query("SELECT 1")),
    close: () => pool.end(),
  };
}
