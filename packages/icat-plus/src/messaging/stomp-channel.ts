// One STOMP 1.1 connection over a failover list of brokers, sending frames that each ask for a
// RECEIPT, many in flight at once ("sent" means the broker has the message).
//
// Mirrors pyicat-plus's IcatMessagingClient (client/messaging.py): lazy connect, STOMP 1.1 only,
// CONNECTED awaited for `connectTimeoutMs` (queue_timeout), failover over the brokers in list
// order (stomp-failover.ts). pyicat-plus sends without receipts; catkit asks for one on every SEND.
import { EventEmitter } from "node:events";
import type stompit from "stompit";
import { BrokerError } from "../errors/icat-plus-errors.js";
import { brokerLabel, type BrokerAddress } from "./broker-address.js";
import { ICATPLUS_DEFAULTS } from "./defaults.js";
import { connectStomp } from "./stomp-connect.js";
import { failover, type ReconnectOptions } from "./stomp-failover.js";

/**
 * Options of a {@link StompChannel}.
 *
 * @example
 * ```ts
 * const o: StompChannelOptions = { brokers: [{ host: "127.0.0.1", port: 61613 }], connectTimeoutMs: 1000 };
 * ```
 */
export interface StompChannelOptions {
  brokers: readonly BrokerAddress[];
  connectTimeoutMs?: number;
  reconnect?: ReconnectOptions;
  /** STOMP login/passcode, if the broker wants them (pyicat-plus sends none). */
  login?: string;
  passcode?: string;
}

interface Pending {
  resolve(): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

interface Live {
  client: stompit.Client;
  broker: BrokerAddress;
  pending: Set<Pending>;
  dead: boolean;
}

/**
 * A failover STOMP connection. Events: "connected" (broker label), "disconnected" (reason).
 *
 * @example
 * ```ts
 * const channel = new StompChannel({ brokers: [{ host: "127.0.0.1", port: 61613 }] });
 * await channel.send({ destination: "/queue/icatIngest", persistent: "true", ack: "client-individual" }, xml, 10_000);
 * await channel.close();
 * ```
 */
export class StompChannel extends EventEmitter {
  readonly #options: StompChannelOptions;
  #live: Promise<Live> | undefined;
  #current: Live | undefined;

  constructor(options: StompChannelOptions) {
    super();
    if (options.brokers.length === 0) throw new BrokerError("the broker list is empty");
    this.#options = options;
  }

  /** The broker currently connected, if any (Jolokia is asked on its host). */
  get broker(): BrokerAddress | undefined {
    return this.#current && !this.#current.dead ? this.#current.broker : undefined;
  }

  /** True while a connection is up. */
  get isConnected(): boolean {
    return this.#current !== undefined && !this.#current.dead;
  }

  /** Connects (through the failover list) unless connected. */
  async connect(): Promise<void> {
    await this.#connection();
  }

  /**
   * Sends one frame and resolves when the broker's RECEIPT arrives.
   *
   * @throws {BrokerError} when no broker can be reached, the connection breaks or no receipt comes within `receiptTimeoutMs`.
   */
  async send(headers: Record<string, string>, body: string, receiptTimeoutMs: number): Promise<void> {
    const live = await this.#connection();
    return new Promise<void>((resolve, reject) => {
      const entry: Pending = {
        resolve: () => {
          clearTimeout(entry.timer);
          live.pending.delete(entry);
          resolve();
        },
        reject: (err) => {
          clearTimeout(entry.timer);
          live.pending.delete(entry);
          reject(err);
        },
        timer: setTimeout(() => {
          entry.reject(new BrokerError(`no receipt from ${brokerLabel(live.broker)} within ${receiptTimeoutMs} ms`, { brokers: [brokerLabel(live.broker)] }));
        }, receiptTimeoutMs),
      };
      live.pending.add(entry);
      try {
        const frame = live.client.send({ ...headers }, { onReceipt: () => entry.resolve() } as stompit.Client.SendOptions);
        frame.end(body);
      } catch (err) {
        entry.reject(new BrokerError(`sending to ${brokerLabel(live.broker)} failed`, { cause: err, brokers: [brokerLabel(live.broker)] }));
      }
    });
  }

  /** Drops the connection (failing what is in flight) so that the next send connects afresh. */
  reconnect(): Promise<void> {
    this.#drop(new BrokerError("reconnecting"));
    return this.connect();
  }

  /** STOMP DISCONNECT (waiting for its receipt), or a hard close if that fails. */
  async close(): Promise<void> {
    const live = this.#current;
    this.#live = undefined;
    this.#current = undefined;
    if (!live || live.dead) return;
    live.dead = true;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        live.client.destroy(new Error("disconnect timed out"));
        resolve();
      }, 2_000);
      live.client.disconnect(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    for (const p of [...live.pending]) p.reject(new BrokerError("the client disconnected before the receipt arrived"));
  }

  #drop(reason: Error): void {
    const live = this.#current;
    this.#live = undefined;
    this.#current = undefined;
    if (!live || live.dead) return;
    live.dead = true;
    live.client.destroy(reason);
  }

  #connection(): Promise<Live> {
    if (this.#current?.dead) this.#live = undefined;
    this.#live ??= failover(this.#options.brokers, this.#options.reconnect ?? ICATPLUS_DEFAULTS.reconnect, (broker) => this.#open(broker)).then(
      (live) => {
        this.#current = live;
        return live;
      },
      (err: unknown) => {
        this.#live = undefined;
        throw err;
      },
    );
    return this.#live;
  }

  async #open(broker: BrokerAddress): Promise<Live> {
    const client = await connectStomp(broker, {
      connectTimeoutMs: this.#options.connectTimeoutMs ?? ICATPLUS_DEFAULTS.queueTimeout * 1000,
      ...(this.#options.login === undefined ? {} : { login: this.#options.login }),
      ...(this.#options.passcode === undefined ? {} : { passcode: this.#options.passcode }),
    });
    const live: Live = { client, broker, pending: new Set(), dead: false };
    client.on("error", (e: Error) => this.#lost(live, e));
    client.on("end", () => this.#lost(live, new Error("the broker closed the connection")));
    this.emit("connected", brokerLabel(broker));
    return live;
  }

  #lost(live: Live, err: Error): void {
    const wasCurrent = this.#current === live;
    if (!live.dead) {
      live.dead = true;
      live.client.destroy(err);
    }
    for (const p of [...live.pending]) {
      p.reject(new BrokerError(`the connection to ${brokerLabel(live.broker)} broke before the receipt arrived: ${err.message}`, { cause: err, brokers: [brokerLabel(live.broker)] }));
    }
    if (wasCurrent) {
      this.#current = undefined;
      this.#live = undefined;
      this.emit("disconnected", err.message);
    }
  }
}
