// The SciCat mirror inside the ingest part (config `scicat`, `mirror: true`). After ICAT has
// committed a dataset, and before its message is acknowledged, the ICAT values go to the mirror
// queue (an outbox on the broker, confirmed by a receipt); the same instances consume that
// queue in lanes of their own, so a slow or absent SciCat never holds ICAT's messages. The
// service account logs in lazily (and again after a failure): SciCat may be down at start.
import { ConfigError, registerSecret } from "@catkit/core";
import type { IngestMessage, IngestOutcome } from "@catkit/icat-plus/ingest";
import { ScicatClient, type ScicatApi } from "@catkit/scicat";
import type { Logger } from "pino";
import type { HealthCheck } from "../app/health.js";
import type { ServerMetrics } from "../app/metrics.js";
import type { ServerConfig } from "../config/server-config.js";
import { OrderedLanes } from "../ingest/ordered-lanes.js";
import type { ReceivedMessage } from "../ingest/stomp-consumer.js";
import { MirrorHandler } from "./mirror-handler.js";
import { mirrorRecordOf } from "./mirror-record.js";
import { ScicatMirror } from "./scicat-mirror.js";

/**
 * The mirror's hooks into the ingest part.
 *
 * @example
 * ```ts
 * const mirror = createMirrorPart(config, metrics, logger);
 * if (mirror) consumerQueues.push(mirror.queue);
 * ```
 */
export interface MirrorPart {
  readonly queue: string;
  readonly health: HealthCheck;
  /** After an ICAT write: queues the dataset for SciCat (resolves once the broker has it). */
  enqueue(m: ReceivedMessage, parsed: IngestMessage, outcome: IngestOutcome): Promise<void>;
  /** A message from the mirror queue. */
  receive(m: ReceivedMessage): void;
  stop(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Creates the mirror, or undefined when SciCat is not configured or `scicat.mirror` is false.
 *
 * @throws {ConfigError} when the account or the contact e-mail is missing.
 * @example
 * ```ts
 * const mirror = createMirrorPart(config, createMetrics(), logger);
 * ```
 */
export function createMirrorPart(config: ServerConfig, metrics: ServerMetrics, logger: Logger): MirrorPart | undefined {
  const s = config.scicat;
  if (!s?.mirror) return undefined;
  if (s.token === undefined && s.username === undefined) throw new ConfigError("the SciCat mirror needs an account: set scicat.token, or scicat.username and scicat.password (or scicat.mirror: false)", { key: "scicat.token" });
  if (s.contactEmail === undefined) throw new ConfigError("the SciCat mirror needs scicat.contactEmail (SciCat requires one on every dataset)", { key: "scicat.contactEmail" });
  registerSecret(s.token);
  registerSecret(s.password);
  const { url, username, password, token } = s;
  let client: Promise<ScicatClient> | undefined;
  const api = async (): Promise<ScicatApi> => {
    client ??= (token !== undefined ? Promise.resolve().then(() => ScicatClient.fromToken({ url, token })) : ScicatClient.fromCredentials({ url, username: username ?? "", password: password ?? "" }))
      .catch((err: unknown) => {
        client = undefined;
        throw err;
      });
    return (await client).scicat;
  };
  const anonymous = ScicatClient.withoutLogin({ url });
  const mirror = new ScicatMirror(api, { ...s, contactEmail: s.contactEmail });
  const handler = new MirrorHandler({ mirror, maxAttempts: s.maxAttempts, backoffMs: s.backoffMs, deadLetterPrefix: config.ingest.deadLetterPrefix, metrics, logger: logger.child({ part: "scicat-mirror" }) });
  const lanes = new OrderedLanes(s.concurrency);
  return {
    queue: s.queue,
    health: { name: "scicat", check: async () => void (await anonymous.scicat.auth.health()) },
    async enqueue(m, parsed, outcome) {
      const record = mirrorRecordOf(parsed, outcome);
      if (!record) return;
      await m.publish(s.queue, JSON.stringify(record), { "content-type": "application/json" });
      metrics.mirrorQueued.inc();
    },
    receive(m) {
      const receivedAt = performance.now();
      const parsed = handler.parse(m);
      // One dataset's mirror messages one after the other, so a redelivery never races its original.
      const key = "record" in parsed ? `scicat:${parsed.record.datasetId}` : "scicat:unparsed";
      lanes.push(key, async () => {
        try {
          if ("record" in parsed) await handler.handle(m, parsed.record, receivedAt);
          else await handler.deadLetter(m, parsed.error, 1);
        } catch (err) {
          logger.error({ queue: m.queue, err: err instanceof Error ? err.message : String(err) }, "mirror message left for redelivery");
        }
      });
    },
    async stop() {
      handler.stopRetrying();
      await lanes.close();
    },
    async close() {
      await anonymous.close();
      if (client) await (await client.catch(() => undefined))?.close();
    },
  };
}
