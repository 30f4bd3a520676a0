// One pass over the outbox: entries in name order (= the order they were meant to go out in),
// up to `window` in flight on one lane, each file removed only once its lane confirmed it. A
// change of lane waits for the previous lane's messages, so order holds across lanes; the first
// failure stops the pass (what follows stays queued).
import type { Lane } from "./lane.js";
import type { OutboxEntry } from "./outbox-entry.js";
import type { OutboxStore } from "./outbox-store.js";

/**
 * What a pass did: files delivered, files seen, the failure that stopped it.
 *
 * @example
 * ```ts
 * const r: PassResult = { delivered: 10, seen: 12, error: new Error("no receipt") };
 * ```
 */
export interface PassResult {
  delivered: number;
  seen: number;
  error?: Error;
}

/**
 * Delivers what the outbox holds.
 *
 * @example
 * ```ts
 * await flushPass(outbox, { lane: () => lane, window: 256, closed: () => false, delivered: () => undefined });
 * ```
 */
export async function flushPass(
  outbox: OutboxStore,
  o: { lane(name: string): Lane; window: number; closed(): boolean; delivered(next: OutboxEntry | undefined): void },
): Promise<PassResult> {
  const entries = await outbox.list();
  const inflight = new Set<Promise<void>>();
  let delivered = 0;
  let failure: Error | undefined;
  let laneKey: string | undefined;
  for (let i = 0; i < entries.length && !failure && !o.closed(); i++) {
    const entry = entries[i] as OutboxEntry;
    let lane: Lane;
    try {
      lane = o.lane(entry.lane);
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err));
      break;
    }
    if (laneKey !== undefined && lane.key !== laneKey) await Promise.all(inflight);
    laneKey = lane.key;
    while (inflight.size >= o.window) await Promise.race(inflight);
    if (failure) break;
    const { body, target } = await outbox.read(entry);
    const p: Promise<void> = lane
      .send(body, entry.messageId, target)
      .then(async () => {
        await outbox.remove(entry);
        delivered++;
        o.delivered(entries[i + 1]);
      })
      .catch((err: unknown) => {
        failure ??= err instanceof Error ? err : new Error(String(err));
      })
      .finally(() => inflight.delete(p));
    inflight.add(p);
  }
  await Promise.all(inflight);
  return { delivered, seen: entries.length, ...(failure ? { error: failure } : {}) };
}
