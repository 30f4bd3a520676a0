// The message ids an ingester has applied recently, so that a message the client re-sent from
// its outbox (its receipt was lost) or the broker redelivered is acknowledged without a second
// write. Bounded: the oldest ids are forgotten first; ICAT-level idempotency covers the rest.

/**
 * A bounded set of recently seen ids.
 *
 * @example
 * ```ts
 * const seen = new DedupeWindow(100_000);
 * if (!seen.has(id)) { await apply(); seen.add(id); }
 * ```
 */
export class DedupeWindow {
  readonly #ids = new Set<string>();
  readonly #max: number;
  constructor(max = 100_000) {
    this.#max = max;
  }
  has(id: string | undefined): boolean {
    return id !== undefined && this.#ids.has(id);
  }
  add(id: string | undefined): void {
    if (id === undefined) return;
    this.#ids.add(id);
    if (this.#ids.size > this.#max) this.#ids.delete(this.#ids.values().next().value as string);
  }
}
