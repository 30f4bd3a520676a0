// Failover over a list of brokers, as stompest's failover transport does with the settings
// pyicat-plus gives it (client/messaging.py: 3 reconnect rounds, 250 ms doubling to 1000 ms):
// every broker in list order, then after a delay another round, until the rounds run out.
import { BrokerError } from "../errors/icat-plus-errors.js";
import { brokerLabel, type BrokerAddress } from "./broker-address.js";

/**
 * Reconnect timings of the failover (stompest's failover URI options).
 *
 * @example
 * ```ts
 * const r: ReconnectOptions = { attempts: 3, initialDelayMs: 250, maxDelayMs: 1000 };
 * ```
 */
export interface ReconnectOptions {
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

/**
 * Opens a connection to the first broker that accepts one, going round the list `attempts` more
 * times after a growing delay.
 *
 * @throws {BrokerError} naming each broker's last failure when none accepts.
 * @example
 * ```ts
 * const client = await failover(brokers, { attempts: 3, initialDelayMs: 250, maxDelayMs: 1000 }, (b) => connectStomp(b, {}));
 * ```
 */
export async function failover<T>(brokers: readonly BrokerAddress[], reconnect: ReconnectOptions, open: (broker: BrokerAddress) => Promise<T>): Promise<T> {
  const { attempts, initialDelayMs, maxDelayMs } = reconnect;
  const errors: string[] = [];
  let delay = initialDelayMs;
  for (let round = 0; round <= attempts; round++) {
    if (round > 0) {
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, maxDelayMs);
    }
    for (const broker of brokers) {
      try {
        return await open(broker);
      } catch (err) {
        errors.push(`${brokerLabel(broker)}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  throw new BrokerError(`no message broker accepted a STOMP connection (${errors.slice(-brokers.length).join("; ")})`, {
    brokers: brokers.map(brokerLabel),
  });
}
