// What happens to one message: parse it (a message that does not parse is dead-lettered at once),
// apply it (the shared message → ICAT mapping), acknowledge only after ICAT committed the write.
// A transient failure (ICAT down, 5xx, session expiry) is retried with backoff for as long as it
// takes, holding the dataset's lane so order is kept; a refusal is retried maxAttempts times and
// then dead-lettered with the reason in a header.
import { DedupeWindow, parseIngestMessage, type IngestMessage, type IngestOutcome } from "@catkit/icat-plus/ingest";
import { MESSAGE_ID_HEADER } from "@catkit/icat-plus";
import type { Logger } from "pino";
import type { ServerMetrics } from "../app/metrics.js";
import { deadLetter } from "./dead-letter.js";
import { failureKind } from "./failure-kind.js";
import type { ReceivedMessage } from "./stomp-consumer.js";

/** How each queue's bodies are parsed. */
export type QueueKind = "xml" | "updateMetadata" | "addFiles" | "archiveStatus";

/**
 * Options of {@link MessageHandler}.
 *
 * @example
 * ```ts
 * const o: MessageHandlerOptions = { apply: (m) => ingest.apply(m), maxAttempts: 3, backoffMs: 500, deadLetterPrefix: "DLQ.", kinds: new Map([["icatIngest", "xml"]]) };
 * ```
 */
export interface MessageHandlerOptions {
  apply: (m: IngestMessage) => Promise<IngestOutcome>;
  kinds: ReadonlyMap<string, QueueKind>;
  maxAttempts: number;
  backoffMs: number;
  deadLetterPrefix: string;
  metrics: ServerMetrics;
  logger: Logger;
  /**
   * Runs after ICAT committed and before the acknowledgement (the SciCat mirror enqueues its
   * work here). When it fails the message stays unacknowledged and is redelivered.
   */
  beforeAck?: (m: ReceivedMessage, parsed: IngestMessage, outcome: IngestOutcome) => Promise<void>;
  /** Called after a message was applied (the gateway's look-up cache listens here). */
  onApplied?: (m: IngestMessage, outcome: IngestOutcome) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The lane key: one dataset's (or investigation's) messages share a lane.
 *
 * @example
 * ```ts
 * laneKey({ kind: "addFiles", datasetId: 12 }); // "id:12"
 * ```
 */
export function laneKey(m: IngestMessage): string {
  switch (m.kind) {
    case "dataset": return `ds:${m.location}`;
    case "updateMetadata": return `ds:${m.datasetPaths[0] ?? ""}`;
    case "addFiles":
    case "archiveStatus": return `id:${m.datasetId}`;
    case "investigation": return `inv:${m.proposal}/${m.beamline}/${m.investigationId ?? ""}`;
  }
}

/**
 * Parses and applies messages.
 *
 * @example
 * ```ts
 * const handler = new MessageHandler(options);
 * const parsed = handler.parse(message);
 * if ("message" in parsed) await handler.apply(message, parsed.message, performance.now());
 * else await handler.deadLetter(message, parsed.error, 1);
 * ```
 */
export class MessageHandler {
  readonly #o: MessageHandlerOptions;
  readonly #seen = new DedupeWindow();
  #stopping = false;

  constructor(options: MessageHandlerOptions) {
    this.#o = options;
  }

  /** Makes transient retries give up (the message stays unacknowledged for redelivery). */
  stopRetrying(): void {
    this.#stopping = true;
  }

  /** Parses a message by its queue; the error (an IngestError saying what is wrong) when it does not parse. */
  parse(m: ReceivedMessage): { message: IngestMessage } | { error: unknown } {
    try {
      return { message: parseIngestMessage(this.#o.kinds.get(m.queue) ?? "xml", m.body) };
    } catch (error) {
      return { error };
    }
  }

  /** Applies a parsed message with the retry policy, then acknowledges or dead-letters it. */
  async apply(m: ReceivedMessage, parsed: IngestMessage, receivedAt: number): Promise<void> {
    const { metrics, logger } = this.#o;
    const messageId = m.headers[MESSAGE_ID_HEADER];
    if (this.#seen.has(messageId)) {
      m.ack();
      metrics.ingestApplied.inc({ queue: m.queue, outcome: "duplicate" });
      return;
    }
    let refusals = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.#o.apply(parsed);
        if (this.#o.beforeAck && !(await this.#beforeAck(m, parsed, outcome))) return;
        this.#seen.add(messageId);
        m.ack();
        metrics.ingestApplied.inc({ queue: m.queue, outcome: outcome.action });
        metrics.ingestLatency.observe({ queue: m.queue }, (performance.now() - receivedAt) / 1000);
        this.#o.onApplied?.(parsed, outcome);
        return;
      } catch (err) {
        const kind = failureKind(err);
        if (kind === "refused") refusals++;
        if (kind === "refused" && refusals >= this.#o.maxAttempts) return this.deadLetter(m, err, attempt);
        metrics.ingestRetried.inc({ queue: m.queue, reason: kind });
        logger.warn({ queue: m.queue, attempt, kind, err: err instanceof Error ? err.message : String(err) }, "apply failed; retrying");
        // Shutting down during an outage: leave the message unacknowledged for another instance.
        if (this.#stopping && kind === "transient") return;
        await sleep(Math.min(30_000, this.#o.backoffMs * 2 ** Math.min(attempt - 1, 10)));
      }
    }
  }

  /** False when the hook failed: the message is left unacknowledged (ActiveMQ redelivers it; applying it again changes nothing). */
  async #beforeAck(m: ReceivedMessage, parsed: IngestMessage, outcome: IngestOutcome): Promise<boolean> {
    try {
      await this.#o.beforeAck?.(m, parsed, outcome);
      return true;
    } catch (err) {
      this.#o.logger.error({ queue: m.queue, err: err instanceof Error ? err.message : String(err) }, "applied, but the follow-up could not be queued; left for redelivery");
      return false;
    }
  }

  /** Sends the message to its dead-letter queue with the reason, then acknowledges it. */
  async deadLetter(m: ReceivedMessage, err: unknown, attempts: number): Promise<void> {
    const reason = await deadLetter(m, err, attempts, this.#o.deadLetterPrefix);
    this.#o.metrics.ingestDeadLettered.inc({ queue: m.queue });
    this.#o.logger.warn({ queue: m.queue, reason, attempts }, "dead-lettered");
  }
}
