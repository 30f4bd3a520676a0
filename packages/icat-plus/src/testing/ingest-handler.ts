// How the sandbox ingester handles one message, as ESRF's Java ingester does: parse it, apply it
// to ICAT with IcatIngest, and acknowledge only after the ICAT write. A message it cannot apply
// goes to "DLQ.<queue>" with the reason in a header; a redelivered or re-sent message (same
// catkit-message-id, or a dataset that already exists) is acknowledged without a second write;
// ICAT failures are retried, then the message is NACKed for the broker to redeliver.
import type stompit from "stompit";
import { IngestError } from "../errors/icat-plus-errors.js";
import { DedupeWindow } from "../ingest/dedupe-window.js";
import type { IcatIngest, IngestOutcome } from "../ingest/icat-ingest.js";
import { parseIngestMessage } from "../ingest/ingest-message.js";
import { MESSAGE_ID_HEADER } from "../messaging/stomp-lanes.js";

/**
 * What a queue carries: the message kinds of pyicat-plus's queues.
 *
 * @example
 * ```ts
 * const kind: QueueKind = "addFiles";
 * ```
 */
export type QueueKind = "xml" | "updateMetadata" | "addFiles" | "archiveStatus";

/**
 * One message the ingester handled.
 *
 * @example
 * ```ts
 * ingester.applied.filter((r: IngestRecord) => r.outcome === "duplicate").length;
 * ```
 */
export interface IngestRecord {
  queue: string;
  messageId: string | undefined;
  outcome: IngestOutcome | "duplicate";
}

/**
 * One message sent to a dead-letter queue.
 *
 * @example
 * ```ts
 * ingester.deadLetters.map((d: DeadLetter) => d.reason);
 * ```
 */
export interface DeadLetter {
  queue: string;
  reason: string;
  body: string;
}

/**
 * ACK/NACK by STOMP 1.1 headers (subscription + message-id). stompit's ack() also sends
 * `id: <the message's "ack" header>`, and pyicat-plus puts `ack: client-individual` on every
 * SEND, which ActiveMQ passes on: the broker would then read "client-individual" as the ack id
 * and never acknowledge the message.
 */
function settle(c: stompit.Client, message: stompit.Client.Message, command: "ACK" | "NACK"): void {
  const h = (message as unknown as { headers: Record<string, string> }).headers;
  c.sendFrame(command, { subscription: h.subscription, "message-id": h["message-id"] }).end();
}

/**
 * Handles messages one at a time and records what became of each.
 *
 * @example
 * ```ts
 * const handler = new IngestHandler(new IcatIngest(icat));
 * await handler.handle(client, "icatIngest", "xml", message, body);
 * ```
 */
export class IngestHandler {
  readonly applied: IngestRecord[] = [];
  readonly deadLetters: DeadLetter[] = [];
  /** Transient failures (ICAT errors) that were retried, newest last. */
  readonly failures: { queue: string; error: string }[] = [];
  readonly #ingest: IcatIngest;
  readonly #seen = new DedupeWindow();

  constructor(ingest: IcatIngest) {
    this.#ingest = ingest;
  }

  /** How many messages were handled: applied, duplicates and dead letters. */
  get handled(): number {
    return this.applied.length + this.deadLetters.length;
  }

  /** Applies one message read from `queue` on connection `c`, then ACKs (or NACKs) it. */
  async handle(c: stompit.Client, queue: string, kind: QueueKind, message: stompit.Client.Message, body: string): Promise<void> {
    const headers = (message as unknown as { headers: Record<string, string> }).headers;
    const messageId = headers[MESSAGE_ID_HEADER];
    if (this.#seen.has(messageId)) {
      this.applied.push({ queue, messageId, outcome: "duplicate" });
      settle(c, message, "ACK");
      return;
    }
    for (let attempt = 0; ; attempt++) {
      try {
        const outcome = await this.#ingest.apply(parseIngestMessage(kind, body));
        this.#seen.add(messageId);
        this.applied.push({ queue, messageId, outcome });
        settle(c, message, "ACK");
        return;
      } catch (err) {
        if (err instanceof IngestError) {
          const dlq = c.send({ destination: `/queue/DLQ.${queue}`, persistent: "true", "catkit-dead-letter-reason": err.message, ...(messageId ? { [MESSAGE_ID_HEADER]: messageId } : {}) });
          dlq.end(body);
          this.deadLetters.push({ queue, reason: err.message, body });
          settle(c, message, "ACK");
          return;
        }
        // ICAT unreachable or failing: retry, then let the broker redeliver.
        this.failures.push({ queue, error: err instanceof Error ? err.message : String(err) });
        if (attempt >= 4) return settle(c, message, "NACK");
        await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
      }
    }
  }
}
