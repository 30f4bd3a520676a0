// Delivery of the SciCat mirror's messages: parse the record, write it into SciCat, acknowledge.
// Unlike ICAT's messages (retried for as long as ICAT is down), a mirror write is tried
// scicat.maxAttempts times with backoff whatever the failure, then dead-lettered with the reason:
// the ICAT write is already committed and acknowledged, and a SciCat that is down for long
// should leave a replayable trail (DLQ.<queue>), not an ever-growing backlog in memory.
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import type { ServerMetrics } from "../app/metrics.js";
import { deadLetter } from "../ingest/dead-letter.js";
import type { ReceivedMessage } from "../ingest/stomp-consumer.js";
import { MirrorRecordSchema, type IcatDatasetRecord } from "./mirror-record.js";
import type { ScicatMirror } from "./scicat-mirror.js";

/**
 * Options of {@link MirrorHandler}.
 *
 * @example
 * ```ts
 * const o: MirrorHandlerOptions = { mirror, maxAttempts: 5, backoffMs: 1000, deadLetterPrefix: "DLQ.", metrics, logger };
 * ```
 */
export interface MirrorHandlerOptions {
  mirror: Pick<ScicatMirror, "apply">;
  maxAttempts: number;
  backoffMs: number;
  deadLetterPrefix: string;
  metrics: ServerMetrics;
  logger: Logger;
}

/**
 * Applies mirror messages with their retry policy.
 *
 * @example
 * ```ts
 * const parsed = handler.parse(m);
 * if ("record" in parsed) await handler.handle(m, parsed.record, performance.now());
 * ```
 */
export class MirrorHandler {
  readonly #o: MirrorHandlerOptions;
  readonly #stop = new AbortController();

  constructor(options: MirrorHandlerOptions) {
    this.#o = options;
  }

  /** Stops waiting between retries: a message being retried stays unacknowledged for redelivery. */
  stopRetrying(): void {
    this.#stop.abort();
  }

  /** The record, or why the body is not one. */
  parse(m: ReceivedMessage): { record: IcatDatasetRecord } | { error: Error } {
    try {
      const result = MirrorRecordSchema.safeParse(JSON.parse(m.body));
      if (result.success) return { record: result.data };
      return { error: new Error(`not a mirror record: ${result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`) };
    } catch (err) {
      return { error: new Error(`not a mirror record: ${(err as Error).message}`) };
    }
  }

  /** Writes the record into SciCat, retrying; acknowledges, or dead-letters after maxAttempts. */
  async handle(m: ReceivedMessage, record: IcatDatasetRecord, receivedAt: number): Promise<void> {
    const { metrics, logger } = this.#o;
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.#o.mirror.apply(record);
        m.ack();
        metrics.mirrorResults.inc({ outcome });
        metrics.mirrorLatency.observe((performance.now() - receivedAt) / 1000);
        logger.debug({ datasetId: record.datasetId, outcome }, "mirrored into SciCat");
        return;
      } catch (err) {
        if (attempt >= this.#o.maxAttempts) return this.deadLetter(m, err, attempt);
        metrics.mirrorRetried.inc();
        logger.warn({ datasetId: record.datasetId, attempt, err: err instanceof Error ? err.message : String(err) }, "SciCat mirror failed; retrying");
        try {
          await sleep(Math.min(30_000, this.#o.backoffMs * 2 ** Math.min(attempt - 1, 10)), undefined, { signal: this.#stop.signal });
        } catch {
          return; // stopping: unacknowledged, so another instance (or this one, restarted) takes it
        }
      }
    }
  }

  /** Sends the message to the mirror's dead-letter queue with the reason, then acknowledges it. */
  async deadLetter(m: ReceivedMessage, err: unknown, attempts: number): Promise<void> {
    const reason = await deadLetter(m, err, attempts, this.#o.deadLetterPrefix);
    this.#o.metrics.mirrorDeadLettered.inc();
    this.#o.logger.warn({ queue: m.queue, reason, attempts }, "SciCat mirror dead-lettered");
  }
}
