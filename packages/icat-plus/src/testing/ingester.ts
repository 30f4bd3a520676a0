// A sandbox ingester: what ESRF's Java ingester does, for tests. It subscribes to the real
// ActiveMQ queues (client-individual acks) and hands each message, in arrival order, to an
// IngestHandler (ingest-handler.ts: apply to ICAT, then acknowledge; dead letters; duplicates).
// It reconnects (and resubscribes) when the broker goes away.
import type stompit from "stompit";
import type { IcatClient } from "@catkit/icat";
import { IcatIngest, type IcatIngestOptions } from "../ingest/icat-ingest.js";
import { parseBrokerUrl } from "../messaging/broker-address.js";
import { connectStomp } from "../messaging/stomp-connect.js";
import { ICATPLUS_DEFAULTS } from "../messaging/defaults.js";
import { IngestHandler, type DeadLetter, type IngestRecord, type QueueKind } from "./ingest-handler.js";

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
  const handler = new IngestHandler(new IcatIngest(options.icat, options));
  const brokers = options.brokers.map(parseBrokerUrl);
  let client: stompit.Client | undefined;
  let stopped = false;
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  let lastActivity = Date.now();

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
                  .then(() => (readErr ? undefined : handler.handle(c, queue, kind, message, body ?? "")))
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
    applied: handler.applied,
    deadLetters: handler.deadLetters,
    failures: handler.failures,
    consumerCount: (queue) => (client && queues.some(([name]) => name === queue) ? 1 : 0),
    async idle(quietMs = 500) {
      while (pending > 0 || Date.now() - lastActivity < quietMs) await new Promise((r) => setTimeout(r, 50));
    },
    async settled(count, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (pending > 0 || handler.handled < count) {
        if (Date.now() > deadline) throw new Error(`ingester handled ${handler.handled} of ${count} messages in ${timeoutMs} ms`);
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
