// Broker URLs as pyicat-plus accepts them (utils/url.py normalize_url with scheme "tcp" and
// port 61613): "host", "host:port", "tcp://host:port".
import { InvalidArgumentError } from "@catkit/core";
import { ICATPLUS_DEFAULTS } from "./defaults.js";

/**
 * One broker of a failover list.
 *
 * @example
 * ```ts
 * const b: BrokerAddress = { host: "bcu-mq-01.esrf.fr", port: 61613 };
 * ```
 */
export interface BrokerAddress {
  host: string;
  port: number;
}

/**
 * Parses a broker URL.
 *
 * @throws {InvalidArgumentError} for another scheme or a bad port.
 * @example
 * ```ts
 * parseBrokerUrl("bcu-mq-01.esrf.fr"); // { host: "bcu-mq-01.esrf.fr", port: 61613 }
 * ```
 */
export function parseBrokerUrl(url: string): BrokerAddress {
  const text = url.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `tcp://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new InvalidArgumentError(`broker URL ${JSON.stringify(url)} is not host[:port] or tcp://host:port`, { argument: "brokers" });
  }
  if (parsed.protocol !== "tcp:" && parsed.protocol !== "stomp:") {
    throw new InvalidArgumentError(`broker URL ${JSON.stringify(url)}: only tcp:// (plain STOMP) is supported`, { argument: "brokers" });
  }
  const port = parsed.port === "" ? ICATPLUS_DEFAULTS.stompPort : Number(parsed.port);
  return { host: parsed.hostname.replace(/^\[|\]$/g, ""), port };
}

/**
 * `host:port` of a broker, for messages and keys.
 *
 * @example
 * ```ts
 * brokerLabel({ host: "a", port: 61613 }); // "a:61613"
 * ```
 */
export function brokerLabel(b: BrokerAddress): string {
  return `${b.host}:${b.port}`;
}
