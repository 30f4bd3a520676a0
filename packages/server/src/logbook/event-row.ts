// A database row of logbook_events (both stores use the same columns) → LogbookEvent.
import type { LogbookEvent } from "./logbook-store.js";

/**
 * A row as both stores return it (tags as a JSON array text in SQLite, an array in PostgreSQL).
 *
 * @example
 * ```ts
 * const event = eventOfRow(row as EventRow);
 * ```
 */
export interface EventRow {
  id: string;
  investigation_id: number | string | null;
  investigation_name: string | null;
  instrument_name: string | null;
  type: string;
  category: string;
  creation_date: string | Date;
  body: string | Record<string, unknown>;
  image_ref: string | null;
  image_mime: string | null;
  image_size: number | string | null;
  tags: string | (string | null)[] | null;
}

/**
 * Converts a row.
 *
 * @example
 * ```ts
 * eventOfRow(row).tags; // ["alignment"]
 * ```
 */
export function eventOfRow(r: EventRow): LogbookEvent {
  const tags = typeof r.tags === "string" ? (JSON.parse(r.tags) as (string | null)[]) : (r.tags ?? []);
  return {
    id: r.id,
    investigationId: r.investigation_id === null ? null : Number(r.investigation_id),
    investigationName: r.investigation_name,
    instrumentName: r.instrument_name,
    type: r.type,
    category: r.category,
    creationDate: r.creation_date instanceof Date ? r.creation_date.toISOString() : r.creation_date,
    tags: tags.filter((t): t is string => t !== null).sort(),
    body: typeof r.body === "string" ? (JSON.parse(r.body) as Record<string, unknown>) : r.body,
    image: r.image_ref === null ? undefined : { ref: r.image_ref, mime: r.image_mime ?? "application/octet-stream", size: Number(r.image_size ?? 0) },
  };
}
