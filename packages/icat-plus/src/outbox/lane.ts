// A lane: where the messages of one queue (or of the e-logbook) go, and which failures the
// outbox keeps.

/**
 * Where the messages of one lane (a queue, or the e-logbook) go.
 *
 * @example
 * ```ts
 * const lane: Lane = { key: "stomp:127.0.0.1:61613", send: (body, id) => channel.send(headersFor(id), body, 10_000), keep: () => true };
 * ```
 */
export interface Lane {
  /** Lanes sharing a key share a connection and may be pipelined together. */
  key: string;
  send(body: string, messageId: string, target: string | undefined): Promise<void>;
  /** True when a failure should be kept in the outbox (transient); false rethrows it. */
  keep(err: unknown): boolean;
}
