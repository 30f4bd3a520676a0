// How an outbox file is named: "<sequence>.<lane>.<message id>.<ext>", so that a directory
// listing sorted by name is the order the messages were meant to go out in, and the queue (or
// e-logbook endpoint) and the stable message id travel with the bytes. Dataset entries end in
// ".xml" and hold exactly the XML pyicat-plus would send: `icat-store-from-file <dir>/*.xml`
// re-sends them as they are.

/**
 * One committed outbox file.
 *
 * @example
 * ```ts
 * const e = parseOutboxName("00017331234567890-000001.icatIngest.4f7c….xml");
 * ```
 */
export interface OutboxEntry {
  /** File name inside the outbox directory. */
  readonly name: string;
  /** A queue name, or "elogbook" for an e-logbook post. */
  readonly lane: string;
  readonly messageId: string;
  /** When the message was first attempted (ms since epoch). */
  readonly createdAt: number;
}

/**
 * Builds an entry's file name.
 *
 * @example
 * ```ts
 * outboxName(Date.now(), 1, "icatIngest", "4f7c…", "xml");
 * ```
 */
export function outboxName(createdAt: number, counter: number, lane: string, messageId: string, ext: "xml" | "json"): string {
  return `${String(createdAt).padStart(15, "0")}-${String(counter).padStart(6, "0")}.${lane}.${messageId}.${ext}`;
}

// The lane (a queue name) may itself hold dots: it is whatever lies between the sequence and the
// message id (a UUID).
const NAME = /^(\d{15})-\d{6}\.([A-Za-z0-9._-]+)\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(xml|json)$/;

/**
 * Parses a committed entry's file name; undefined for anything else (temp files, sidecars).
 *
 * @example
 * ```ts
 * parseOutboxName("notes.txt"); // undefined
 * ```
 */
export function parseOutboxName(name: string): OutboxEntry | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  return { name, lane: m[2] ?? "", messageId: m[3] ?? "", createdAt: Number(m[1]) };
}
