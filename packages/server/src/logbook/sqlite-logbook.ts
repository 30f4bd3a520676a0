// The e-logbook in an embedded SQLite database (node:sqlite: no native build). One writer: use
// PostgreSQL when several gateway instances share the logbook.
import { DatabaseSync } from "node:sqlite";
import type { LogbookEvent, LogbookQuery, LogbookStore } from "./logbook-store.js";
import { eventOfRow, type EventRow } from "./event-row.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS logbook_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  investigation_id INTEGER,
  investigation_name TEXT,
  instrument_name TEXT,
  type TEXT NOT NULL,
  category TEXT NOT NULL,
  creation_date TEXT NOT NULL,
  body TEXT NOT NULL,
  image_ref TEXT,
  image_mime TEXT,
  image_size INTEGER
);
CREATE INDEX IF NOT EXISTS logbook_events_investigation ON logbook_events (investigation_id, seq);
CREATE INDEX IF NOT EXISTS logbook_events_instrument ON logbook_events (instrument_name, seq) WHERE investigation_id IS NULL;
CREATE INDEX IF NOT EXISTS logbook_events_image ON logbook_events (image_ref) WHERE image_ref IS NOT NULL;
CREATE TABLE IF NOT EXISTS logbook_tags (
  event_seq INTEGER NOT NULL REFERENCES logbook_events (seq),
  tag TEXT NOT NULL,
  PRIMARY KEY (event_seq, tag)
);
CREATE INDEX IF NOT EXISTS logbook_tags_tag ON logbook_tags (tag, event_seq);
`;

/**
 * Opens (and creates) a SQLite logbook.
 *
 * @example
 * ```ts
 * const store = openSqliteLogbook({ path: "logbook.sqlite" });
 * ```
 */
export function openSqliteLogbook(o: { path: string }): LogbookStore {
  const db = new DatabaseSync(o.path);
  db.exec("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
  db.exec(SCHEMA);
  const insertEvent = db.prepare(`INSERT INTO logbook_events (id, investigation_id, investigation_name, instrument_name, type, category, creation_date, body, image_ref, image_mime, image_size)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertTag = db.prepare("INSERT OR IGNORE INTO logbook_tags (event_seq, tag) VALUES (?, ?)");
  const owner = db.prepare("SELECT investigation_id, instrument_name, image_mime FROM logbook_events WHERE image_ref = ? LIMIT 1");
  return {
    kind: "sqlite",
    insert(e: LogbookEvent) {
      db.exec("BEGIN");
      try {
        const { lastInsertRowid } = insertEvent.run(e.id, e.investigationId, e.investigationName, e.instrumentName, e.type, e.category, e.creationDate,
          JSON.stringify(e.body), e.image?.ref ?? null, e.image?.mime ?? null, e.image?.size ?? null);
        for (const tag of e.tags) insertTag.run(lastInsertRowid, tag);
        db.exec("COMMIT");
      } catch (err) {
        db.exec("ROLLBACK");
        throw err;
      }
      return Promise.resolve();
    },
    list(q: LogbookQuery) {
      const where = q.investigationId !== undefined ? ["e.investigation_id = ?"] : ["e.investigation_id IS NULL", "e.instrument_name = ?"];
      const params: (string | number)[] = [q.investigationId ?? q.instrumentName ?? ""];
      if (q.tags?.length) {
        where.push(`EXISTS (SELECT 1 FROM logbook_tags t WHERE t.event_seq = e.seq AND t.tag IN (${q.tags.map(() => "?").join(", ")}))`);
        params.push(...q.tags);
      }
      const rows = db.prepare(`SELECT e.*, (SELECT json_group_array(tag) FROM logbook_tags t WHERE t.event_seq = e.seq) AS tags
        FROM logbook_events e WHERE ${where.join(" AND ")} ORDER BY e.seq LIMIT ? OFFSET ?`).all(...params, q.limit + 1, q.offset) as unknown as EventRow[];
      return Promise.resolve({ items: rows.slice(0, q.limit).map(eventOfRow), hasMore: rows.length > q.limit });
    },
    imageOwner(ref: string) {
      const row = owner.get(ref) as { investigation_id: number | null; instrument_name: string | null; image_mime: string | null } | undefined;
      return Promise.resolve(row && { investigationId: row.investigation_id, instrumentName: row.instrument_name, mime: row.image_mime ?? "application/octet-stream" });
    },
    ping: () => Promise.resolve(void db.prepare("SELECT 1").get()),
    close: () => Promise.resolve(db.close()),
  };
}
