// The ingest part (`catkit-server ingest`): consume the five pyicat-plus queues, apply each
// message to ICAT with @catkit/icat-plus's mapping (IcatIngest), acknowledge after the write.
// On stop: take no new messages, finish and acknowledge those in flight, disconnect (the broker
// redelivers what was prefetched and not started to the other instances).
import type { IcatClient } from "@catkit/icat";
import { IcatIngest, type IcatIngestOptions, type IngestMessage, type IngestOutcome } from "@catkit/icat-plus/ingest";
import type { Logger } from "pino";
import type { ServerMetrics } from "../app/metrics.js";
import { serviceIcat } from "../app/service-icat.js";
import type { ServerConfig } from "../config/server-config.js";
import type { ServerPart } from "../server.js";
import { createMirrorPart } from "../scicat/mirror-part.js";
import { laneKey, MessageHandler, type QueueKind } from "./message-handler.js";
import { OrderedLanes } from "./ordered-lanes.js";
import { StompConsumer, type ReceivedMessage } from "./stomp-consumer.js";

/**
 * Test and embedding hooks of {@link createIngestPart}.
 *
 * @example
 * ```ts
 * const hooks: IngestHooks = { ingestOptions: { countFiles: async () => 0 } };
 * ```
 */
export interface IngestHooks {
  /** Replaces the ICAT mapping (default IcatIngest over an ingester session). */
  apply?: (m: IngestMessage) => Promise<IngestOutcome>;
  ingestOptions?: IcatIngestOptions;
  onApplied?: (m: IngestMessage, outcome: IngestOutcome) => void;
}

/**
 * The ingest part, with its consumer exposed for health and tests.
 *
 * @example
 * ```ts
 * const part = await createIngestPart(config, metrics, logger);
 * await part.start();
 * ```
 */
export interface IngestPart extends ServerPart {
  readonly consumer: StompConsumer;
  readonly lanes: OrderedLanes;
}

/**
 * Creates the ingest part.
 *
 * @throws {ConfigError} when ICAT or its ingester account is not configured.
 * @example
 * ```ts
 * const part = await createIngestPart(config, createMetrics(), logger);
 * ```
 */
export function createIngestPart(config: ServerConfig, metrics: ServerMetrics, logger: Logger, hooks: IngestHooks = {}): IngestPart {
  const c = config.ingest;
  const kinds = new Map<string, QueueKind>([
    [c.queues.metadata, "xml"], [c.queues.reschedule, "xml"], [c.queues.updateMetadata, "updateMetadata"],
    [c.queues.addFiles, "addFiles"], [c.queues.archive, "archiveStatus"],
  ]);
  let apply = hooks.apply;
  let icat: IcatClient | undefined;
  if (!apply) {
    const ingester = serviceIcat(config, "the ingest service");
    icat = ingester.icat;
    const ingest = new IcatIngest(ingester.icat, hooks.ingestOptions);
    apply = async (m) => {
      await ingester.ready();
      return ingest.apply(m);
    };
  }
  const mirror = createMirrorPart(config, metrics, logger);
  const handler = new MessageHandler({
    apply, kinds, maxAttempts: c.maxAttempts, backoffMs: c.backoffMs, deadLetterPrefix: c.deadLetterPrefix, metrics, logger,
    ...(hooks.onApplied ? { onApplied: hooks.onApplied } : {}),
    ...(mirror ? { beforeAck: (m: ReceivedMessage, parsed: IngestMessage, outcome: IngestOutcome) => mirror.enqueue(m, parsed, outcome) } : {}),
  });
  const lanes = new OrderedLanes(c.concurrency);
  const onMessage = (m: ReceivedMessage) => {
    if (mirror && m.queue === mirror.queue) return mirror.receive(m);
    const receivedAt = performance.now();
    metrics.ingestReceived.inc({ queue: m.queue });
    const sent = Number(m.headers.timestamp);
    if (sent > 0) metrics.ingestLag.set({ queue: m.queue }, Math.max(0, Date.now() - sent) / 1000);
    metrics.ingestInFlight.inc();
    const parsed = handler.parse(m);
    const run = async () => {
      try {
        if ("message" in parsed) await handler.apply(m, parsed.message, receivedAt);
        else await handler.deadLetter(m, parsed.error, 1);
      } catch (err) {
        // Could not forward to the DLQ (connection lost): unacknowledged, so redelivered.
        logger.error({ queue: m.queue, err: err instanceof Error ? err.message : String(err) }, "message left for redelivery");
      } finally {
        metrics.ingestInFlight.dec();
      }
    };
    const key = "message" in parsed ? laneKey(parsed.message) : "unparsed";
    if (!lanes.push(key, run)) metrics.ingestInFlight.dec();
  };
  const queues = [...kinds.keys(), ...(mirror ? [mirror.queue] : [])];
  const consumer = new StompConsumer({ brokers: c.brokers, queues, prefetch: c.prefetch, login: c.login, passcode: c.passcode, logger }, onMessage);
  return {
    consumer,
    lanes,
    health: [
      { name: "broker", check: () => (consumer.connected ? Promise.resolve() : Promise.reject(new Error("not connected to any broker"))) },
      ...(icat ? [{ name: "icat", check: async () => void (await icat.version()) }] : []),
      ...(mirror ? [mirror.health] : []),
    ],
    start: () => Promise.resolve(consumer.start()),
    async stop() {
      handler.stopRetrying();
      const [dropped] = await Promise.all([lanes.close(), mirror?.stop()]);
      metrics.ingestInFlight.dec(dropped);
      logger.info({ dropped }, "in-flight messages done; disconnecting");
      await consumer.stop();
    },
    async close() {
      await icat?.logout().catch(() => undefined);
      await mirror?.close();
    },
  };
}
