// A STOMP consumer on ActiveMQ: failover over the configured brokers (stompit's ConnectFailover,
// exponential reconnect), one subscription per queue with client-individual acks and a bounded
// prefetch (activemq.prefetchSize), resubscribed after every reconnect. A message is acknowledged
// on the connection it came from; after a reconnect the broker redelivers it instead (the
// mapping is idempotent, so a second apply changes nothing).
import { parseBrokerUrl } from "@catkit/icat-plus";
import stompit from "stompit";
import type { Logger } from "pino";

/**
 * One received message.
 *
 * @example
 * ```ts
 * consumer.onMessage = async (m: ReceivedMessage) => { await apply(m.body); m.ack(); };
 * ```
 */
export interface ReceivedMessage {
  readonly queue: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Acknowledges it (no-op when its connection is gone: the broker redelivers it). */
  ack(): void;
  /** Sends `body` to `destination` persistently and resolves once the broker confirmed it. */
  forward(destination: string, headers: Record<string, string>): Promise<void>;
  /** Sends a new message on this message's connection, persistently, confirmed by a receipt. */
  publish(destination: string, body: string, headers: Record<string, string>): Promise<void>;
}

/**
 * Options of {@link StompConsumer}.
 *
 * @example
 * ```ts
 * const o: StompConsumerOptions = { brokers: ["127.0.0.1:61613"], queues: ["icatIngest"], prefetch: 20 };
 * ```
 */
export interface StompConsumerOptions {
  brokers: readonly string[];
  queues: readonly string[];
  prefetch: number;
  login?: string | undefined;
  passcode?: string | undefined;
  logger?: Logger;
}

/**
 * ACK by STOMP 1.1 headers (subscription + message-id). stompit's own ack() sends
 * `id: <the message's ack header>`, and pyicat-plus puts `ack: client-individual` on every SEND,
 * which ActiveMQ passes on, so the broker would read "client-individual" as the ack id.
 */
function ackFrame(client: stompit.Client, headers: Record<string, string>): void {
  client.sendFrame("ACK", { subscription: headers.subscription ?? "", "message-id": headers["message-id"] ?? "" }).end();
}

/**
 * The consumer.
 *
 * @example
 * ```ts
 * const consumer = new StompConsumer(options, (m) => handle(m));
 * consumer.start();
 * await consumer.stop();
 * ```
 */
export class StompConsumer {
  readonly #o: StompConsumerOptions;
  readonly #onMessage: (m: ReceivedMessage) => void;
  #client: stompit.Client | undefined;
  #abort: (() => void) | undefined;
  #stopped = false;

  constructor(options: StompConsumerOptions, onMessage: (m: ReceivedMessage) => void) {
    this.#o = options;
    this.#onMessage = onMessage;
  }

  /** True while connected and subscribed. */
  get connected(): boolean {
    return this.#client !== undefined;
  }

  start(): void {
    const servers = this.#o.brokers.map((b) => {
      const { host, port } = parseBrokerUrl(b);
      const connectHeaders: Record<string, string> = { host: "/", "accept-version": "1.1", "heart-beat": "0,0" };
      if (this.#o.login !== undefined) connectHeaders.login = this.#o.login;
      if (this.#o.passcode !== undefined) connectHeaders.passcode = this.#o.passcode;
      // noDelay: a mirror record waits for the broker's RECEIPT before its ICAT message is
      // acknowledged; with Nagle's algorithm on, that small SEND frame waited behind the previous
      // ACK frame for the broker's delayed TCP ack (~40 ms on Linux), which cut ingest with the
      // mirror on to a quarter of its rate (tools/bench/server).
      return { host, port, connectHeaders, timeout: 5_000, noDelay: true };
    });
    const failover = new stompit.ConnectFailover(servers, { initialReconnectDelay: 250, maxReconnectDelay: 5_000, useExponentialBackOff: true, maxReconnects: -1 });
    failover.on("error", (err) => this.#o.logger?.warn({ err: err.message }, "broker connection failed"));
    const { abort } = failover.connect((err, client, reconnect) => {
      if (err) {
        this.#o.logger?.error({ err: err.message }, "giving up connecting to the brokers");
        return;
      }
      if (this.#stopped) {
        client.disconnect();
        return;
      }
      client.on("error", (e: Error) => {
        if (this.#client === client) this.#client = undefined;
        if (this.#stopped) return;
        this.#o.logger?.warn({ err: e.message }, "broker connection lost; reconnecting");
        reconnect();
      });
      for (const queue of this.#o.queues) this.#subscribe(client, queue);
      this.#client = client;
      this.#o.logger?.info({ queues: this.#o.queues, prefetch: this.#o.prefetch }, "consuming");
    });
    this.#abort = abort;
  }

  #subscribe(client: stompit.Client, queue: string): void {
    const headers = { destination: `/queue/${queue}`, ack: "client-individual", "activemq.prefetchSize": String(this.#o.prefetch) };
    client.subscribe(headers, (err, message) => {
      if (err) return;
      message.readString("utf-8", (readErr, body) => {
        if (readErr || this.#stopped) return;
        const h = (message as unknown as { headers: Record<string, string> }).headers;
        const publish = (destination: string, text: string, extra: Record<string, string>) => new Promise<void>((resolve, reject) => {
          if (this.#client !== client) return reject(new Error("the broker connection was lost before the message was sent"));
          const out = client.send({ ...extra, destination: `/queue/${destination}`, persistent: "true" }, { onReceipt: () => resolve(), onError: reject });
          out.on("error", reject);
          out.end(text);
        });
        this.#onMessage({
          queue, body: body ?? "", headers: h,
          ack: () => {
            if (this.#client === client) ackFrame(client, h);
          },
          forward: (destination, extra) => publish(destination, body ?? "", extra),
          publish,
        });
      });
    });
  }

  /**
   * Disconnects (call after the in-flight messages are acknowledged): the broker redelivers
   * whatever was received and not acknowledged to the other consumers.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#abort?.();
    const client = this.#client;
    this.#client = undefined;
    if (client) await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 5_000);
      client.disconnect(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }
}
