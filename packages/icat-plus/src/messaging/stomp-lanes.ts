// The STOMP side of the client: one StompChannel per distinct broker list (pyicat-plus creates
// one IcatMessagingClient per queue kind; queues with the same brokers share a connection here),
// the SEND headers, and the Jolokia health probe (IcatMessagingClient.check_health).
import { createClientContext, readJson, type Transport } from "@catkit/core";
import { BrokerError, NotConfiguredError } from "../errors/icat-plus-errors.js";
import { IcatPlusErrorCode } from "../errors/icat-plus-error-codes.js";
import type { Lane } from "../outbox/lane.js";
import { brokerLabel, parseBrokerUrl } from "./broker-address.js";
import { StompChannel } from "./stomp-channel.js";
import type { ReconnectOptions } from "./stomp-failover.js";

/**
 * A queue the client may send to: its name, brokers and Jolokia port.
 *
 * @example
 * ```ts
 * const q: QueueRoute = { queue: "icatIngest", brokers: ["127.0.0.1:61613"], monitorPort: 8778 };
 * ```
 */
export interface QueueRoute {
  queue: string;
  brokers: readonly string[];
  monitorPort: number;
}

/**
 * The header carrying catkit's stable message id (consumers drop redelivered duplicates by it).
 *
 * @example
 * ```ts
 * const id = message.headers[MESSAGE_ID_HEADER];
 * ```
 */
export const MESSAGE_ID_HEADER = "catkit-message-id";

/**
 * The SEND headers: pyicat-plus's exactly (destination, persistent, ack — no content-length,
 * so ActiveMQ hands the Java ingester a TextMessage), plus catkit's message id. stompit adds the
 * receipt header.
 *
 * @example
 * ```ts
 * sendHeaders("icatIngest", "4f7c…"); // { destination: "/queue/icatIngest", persistent: "true", ack: "client-individual", "catkit-message-id": "4f7c…" }
 * ```
 */
export function sendHeaders(queue: string, messageId: string): Record<string, string> {
  return { destination: `/queue/${queue}`, persistent: "true", ack: "client-individual", [MESSAGE_ID_HEADER]: messageId };
}

/**
 * Options shared by every channel.
 *
 * @example
 * ```ts
 * const o: StompLaneOptions = { connectTimeoutMs: 1000, receiptTimeoutMs: 10_000 };
 * ```
 */
export interface StompLaneOptions {
  connectTimeoutMs: number;
  receiptTimeoutMs: number;
  reconnect?: ReconnectOptions;
  transport?: Transport;
  onConnected?: () => void;
}

/**
 * The client's queues, keyed by the logical name ("metadata", "addFiles", …).
 *
 * @example
 * ```ts
 * const lanes = new StompLanes({ metadata: { queue: "icatIngest", brokers: ["127.0.0.1:61613"], monitorPort: 8778 } }, opts);
 * ```
 */
export class StompLanes {
  readonly #routes: ReadonlyMap<string, QueueRoute>;
  readonly #channels = new Map<string, StompChannel>();
  readonly #lanes = new Map<string, Lane>();
  readonly #options: StompLaneOptions;

  constructor(routes: Readonly<Record<string, QueueRoute | undefined>>, options: StompLaneOptions) {
    this.#routes = new Map(Object.entries(routes).flatMap(([k, v]) => (v && v.brokers.length > 0 ? [[k, v] as const] : [])));
    this.#options = options;
  }

  /** The route of a logical queue, or NotConfiguredError (pyicat-plus: "The message queue URL's are missing"). */
  route(kind: string): QueueRoute {
    const route = this.#routes.get(kind);
    if (!route) throw new NotConfiguredError(`The message queue URL's are missing: configure the brokers for ${kind} messages`);
    return route;
  }

  /** The route serving a queue name (outbox entries carry queue names). */
  routeOfQueue(queue: string): QueueRoute | undefined {
    return [...this.#routes.values()].find((r) => r.queue === queue);
  }

  channel(route: QueueRoute): StompChannel {
    const key = route.brokers.join(",");
    let channel = this.#channels.get(key);
    if (!channel) {
      channel = new StompChannel({
        brokers: route.brokers.map(parseBrokerUrl),
        connectTimeoutMs: this.#options.connectTimeoutMs,
        ...(this.#options.reconnect ? { reconnect: this.#options.reconnect } : {}),
      });
      channel.on("connected", () => this.#options.onConnected?.());
      this.#channels.set(key, channel);
    }
    return channel;
  }

  /** The dispatcher lane of a queue name. */
  lane(queue: string): Lane {
    let lane = this.#lanes.get(queue);
    if (!lane) {
      lane = this.#makeLane(queue);
      this.#lanes.set(queue, lane);
    }
    return lane;
  }

  #makeLane(queue: string): Lane {
    const route = this.routeOfQueue(queue);
    if (!route) throw new NotConfiguredError(`no broker list is configured for queue ${queue} (an outbox entry names it)`);
    const channel = this.channel(route);
    return {
      key: `stomp:${route.brokers.join(",")}`,
      // IcatMessagingClient.send: on a connection error, reconnect and retry once.
      send: async (body, messageId) => {
        const headers = sendHeaders(queue, messageId);
        try {
          await channel.send(headers, body, this.#options.receiptTimeoutMs);
        } catch (err) {
          if (!(err instanceof BrokerError)) throw err;
          await channel.send(headers, body, this.#options.receiptTimeoutMs);
        }
      },
      keep: (err) => err instanceof BrokerError,
    };
  }

  /**
   * pyicat-plus's check_health: connected, and Jolokia reports ConsumerCount ≥ 1 for the queue.
   *
   * @throws {BrokerError} (code ICATPLUS_NO_CONSUMER when nobody consumes the queue).
   */
  async checkHealth(kind: string): Promise<number> {
    const route = this.route(kind);
    const channel = this.channel(route);
    await channel.connect();
    const broker = channel.broker;
    if (!broker) throw new BrokerError("not connected to a broker", { brokers: [...route.brokers] });
    const ctx = createClientContext(
      { url: `http://${broker.host}:${route.monitorPort}/`, retry: false, ...(this.#options.transport ? { transport: this.#options.transport } : {}) },
      { name: "catkit-icat-plus-jolokia", version: "1" },
    );
    try {
      // IcatMessagingClient: Basic user:user, brokerName=metadata (the ESRF broker's name).
      const path = `api/jolokia/read/org.apache.activemq:type=Broker,brokerName=metadata,destinationType=Queue,destinationName=${route.queue}/ConsumerCount`;
      const res = await ctx.request({
        method: "GET", path, session: "none", operation: "jolokia.ConsumerCount",
        headers: { authorization: `Basic ${Buffer.from("user:user").toString("base64")}` },
      });
      const { value } = (await readJson(res)) as { value?: unknown };
      const count = typeof value === "number" ? value : Number.NaN;
      if (!(count >= 1)) {
        throw new BrokerError(`The message broker has no consumers for ${route.queue} (ConsumerCount ${String(value)} at ${brokerLabel(broker)})`, {
          brokers: [brokerLabel(broker)],
          code: IcatPlusErrorCode.NoConsumer,
        });
      }
      return count;
    } finally {
      await ctx.close();
    }
  }

  /** Forces a fresh connection for a queue (pyicat-plus reconnects before investigation messages). */
  async reconnect(kind: string): Promise<void> {
    await this.channel(this.route(kind)).reconnect();
  }

  /** STOMP DISCONNECT on every channel. */
  async close(): Promise<void> {
    await Promise.all([...this.#channels.values()].map((c) => c.close()));
    this.#channels.clear();
    this.#lanes.clear();
  }
}
