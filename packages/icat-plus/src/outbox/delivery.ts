// What became of a message handed to the Dispatcher, and of a flush of the outbox: what the
// ICAT+ client's calls answer (sent, or kept on disk to be flushed, and why).

/**
 * What happened to a message.
 *
 * @example
 * ```ts
 * const d = await client.storeDataset(…);
 * if (d.outcome === "outboxed") console.warn(`kept in ${d.outboxFile}`);
 * ```
 */
export interface Delivery {
  messageId: string;
  lane: string;
  /** "sent": confirmed by the broker / ICAT+; "outboxed": on disk, to be flushed. */
  outcome: "sent" | "outboxed";
  /** The outbox file name when outboxed. */
  outboxFile?: string;
  /** Why it was outboxed (the last error), when it was. */
  reason?: string;
}

/**
 * The outcome of a flush.
 *
 * @example
 * ```ts
 * const r: FlushResult = await client.flushOutbox(); // { delivered: 10000, remaining: 0 }
 * ```
 */
export interface FlushResult {
  delivered: number;
  remaining: number;
  error?: Error;
}
