// A sandbox ingester: what ESRF's Java ingester does, for tests. It subscribes to the real
// ActiveMQ queues (client-individual acks), parses each message, applies it to ICAT with
// IcatIngest, and acknowledges only after the ICAT write. A message it cannot apply goes to
// "DLQ.<queue>" with the reason in a header; a redelivered or re-sent message (same
// catkit-message-id, or a dataset that already exists) is acknowledged without a second write.
// It reconnects (and resubscribes) when the broker goes away.
import type stompit from "stompit";
import type { IcatClient } from "@catkit/icat";
import { IngestError } from "../errors/icat-plus-errors.js";
import { DedupeWindow } from "../ingest/dedupe-window.js";
import { IcatIngest, type IcatIngestOptions, type IngestOutcome } from "../ingest/icat-ingest.js";
import { parseIngestMessage } from "../ingest/ingest-message.js";
import { parseBrokerUrl } from "../messaging/broker-address.js";
import { connectStomp } from "../messaging/stomp-connect.js";
import { ICATPLUS_DEFAULTS } from "../messaging/defaults.js";
import { MESSAGE_ID_HEADER } from "../messaging/stomp-lanes.js";

type QueueKind = "xml" | "updateMetadata" | "addFiles" | "archiveStatus";

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
 * Options of {@link startIngester}.
 *
 * @example
 * ```ts
 * const o: IngesterOptions = { brokers: ["127.0.0.1:61613"], icat };
 * ```
 */
export interface IngesterOptions extends IcatIngestOptions {
  brokers: readonly string[];
  /** A logged-in ICAT client (root or an ingester account). */
  icat: IcatClient;
  /** Queue names (default pyicat-plus's). */
  queues?: Partial<Record<"metadata" | "updateMetadata" | "addFiles" | "reschedule" | "archive", string>>;
  /** Messages the broker may hand over before they are acknowledged (default 200). */
  prefetch?: number;
}

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
 * A running sandbox ingester.
 *
 * @example
 * ```ts
 * const ingester = await startIngester({ brokers: ["127.0.0.1:61613"], icat });
 * await ingester.idle();
 * console.log(ingester.applied.length, ingester.deadLetters);
 * await ingester.stop();
 * ```
 */
export interface Ingester {
  readonly applied: readonly IngestRecord[];
  readonly deadLetters: readonly DeadLetter[];
  /** Transient failures (ICAT errors) that were retried, newest last. */
  readonly failures: readonly { queue: string; error: string }[];
  /** 1 while subscribed to `queue`, else 0 (what Jolokia's ConsumerCount reports). */
  consumerCount(queue: string): number;
  /**
   * Resolves once no message has arrived for `quietMs` (default 500) and nothing is in progress.
   * A quiet period is a guess on a loaded machine; when the number of messages is known, prefer
   * {@link Ingester.settled}.
   */
  idle(quietMs?: number): Promise<void>;
  /**
   * Resolves once `count` messages in all (applied, duplicates and dead letters) have been handled
   * and nothing is in progress; rejects after `timeoutMs` (default 60 s) saying how many arrived.
   */
  settled(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts an ingester on the given brokers.
 *
 * @example
 * ```ts
 * const ingester = await startIngester({ brokers: [`127.0.0.1:${port}`], icat: new IcatClient({ url: icatSandbox.url, credential: icatSandbox.login() }) });
 * ```
 */
export async function startIngester(options: IngesterOptions): Promise<Ingester> {
  const d = ICATPLUS_DEFAULTS;
  const q = options.queues ?? {};
  const queues: [string, QueueKind][] = [
    [q.metadata ?? d.metadataQueue, "xml"],
    [q.reschedule ?? d.rescheduleInvestigationQueue, "xml"],
    [q.updateMetadata ?? d.updateMetadataQueue, "updateMetadata"],
    [q.addFiles ?? d.addFilesQueue, "addFiles"],
    [q.archive ?? d.archiveQueue, "archiveStatus"],
  ];
  const ingest = new IcatIngest(options.icat, options);
  const seen = new DedupeWindow();
  const brokers = options.brokers.map(parseBrokerUrl);
  const applied: IngestRecord[] = [];
  const deadLetters: DeadLetter[] = [];
  const failures: { queue: string; error: string }[] = [];
  let client: stompit.Client | undefined;
  let stopped = false;
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  let lastActivity = Date.now();

  const handle = async (c: stompit.Client, queue: string, kind: QueueKind, message: stompit.Client.Message, body: string) => {
    const headers = (message as unknown as { headers: Record<string, string> }).headers;
    const messageId = headers[MESSAGE_ID_HEADER];
    if (seen.has(messageId)) {
      applied.push({ queue, messageId, outcome: "duplicate" });
      settle(c, message, "ACK");
      return;
    }
    for (let attempt = 0; ; attempt++) {
      try {
        const outcome = await ingest.apply(parseIngestMessage(kind, body));
        seen.add(messageId);
        applied.push({ queue, messageId, outcome });
        settle(c, message, "ACK");
        return;
      } catch (err) {
        if (err instanceof IngestError) {
          const dlq = c.send({ destination: `/queue/DLQ.${queue}`, persistent: "true", "catkit-dead-letter-reason": err.message, ...(messageId ? { [MESSAGE_ID_HEADER]: messageId } : {}) });
          dlq.end(body);
          deadLetters.push({ queue, reason: err.message, body });
          settle(c, message, "ACK");
          return;
        }
        // ICAT unreachable or failing: retry, then let the broker redeliver.
        failures.push({ queue, error: err instanceof Error ? err.message : String(err) });
        if (attempt >= 4) return settle(c, message, "NACK");
        await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
      }
    }
  };


  const connect = async (): Promise<void> => {
    while (!stopped) {
      for (const b of brokers) {
        try {
          const c = await connectStomp(b, { connectTimeoutMs: 2_000 });
          const lost = () => {
            if (client !== c) return;
            client = undefined;
            if (!stopped) void connect();
          };
          c.on("error", lost);
          c.on("end", lost);
          for (const [queue, kind] of queues) {
            c.subscribe({ destination: `/queue/${queue}`, ack: "client-individual", "activemq.prefetchSize": String(options.prefetch ?? 200) }, (err, message) => {
              if (err) return;
              pending++;
              lastActivity = Date.now();
              message.readString("utf-8", (readErr, body) => {
                chain = chain
                  .then(() => (readErr ? undefined : handle(c, queue, kind, message, body ?? "")))
                  .catch(() => undefined)
                  .finally(() => {
                    pending--;
                    lastActivity = Date.now();
                  });
              });
            });
          }
          client = c;
          return;
        } catch {
          // next broker
        }
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  await connect();

  return {
    applied,
    deadLetters,
    failures,
    consumerCount: (queue) => (client && queues.some(([name]) => name === queue) ? 1 : 0),
    async idle(quietMs = 500) {
      while (pending > 0 || Date.now() - lastActivity < quietMs) await new Promise((r) => setTimeout(r, 50));
    },
    async settled(count, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (pending > 0 || applied.length + deadLetters.length < count) {
        if (Date.now() > deadline) throw new Error(`ingester handled ${applied.length + deadLetters.length} of ${count} messages in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      stopped = true;
      await chain;
      const c = client;
      client = undefined;
      if (c) await new Promise<void>((resolve) => c.disconnect(() => resolve()));
    },
  };
}
