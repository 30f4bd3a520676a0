// One STOMP 1.1 connection to one broker, as pyicat-plus's stompest client opens it: STOMP 1.1
// only, no heart-beats, and CONNECTED awaited for at most `connectTimeoutMs` (stompest's
// connectedTimeout = queue_timeout). stompit's own timeout covers only the TCP connect.
import stompit from "stompit";
import type { BrokerAddress } from "./broker-address.js";

/**
 * Connects to a broker and resolves once its CONNECTED frame arrived.
 *
 * @example
 * ```ts
 * const client = await connectStomp({ host: "127.0.0.1", port: 61613 }, { connectTimeoutMs: 1000 });
 * ```
 */
export function connectStomp(
  broker: BrokerAddress,
  o: { connectTimeoutMs: number; login?: string; passcode?: string },
): Promise<stompit.Client> {
  return new Promise<stompit.Client>((resolve, reject) => {
    let settled = false;
    const connectHeaders: Record<string, string> = { host: "/", "accept-version": "1.1", "heart-beat": "0,0" };
    if (o.login !== undefined) connectHeaders.login = o.login;
    if (o.passcode !== undefined) connectHeaders.passcode = o.passcode;
    const client = stompit.connect({ host: broker.host, port: broker.port, timeout: o.connectTimeoutMs, connectHeaders }, (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(client);
    });
    // Errors after the connection failed or succeeded are the owner's; before, they reject.
    client.on("error", () => undefined);
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      client.destroy(new Error("CONNECTED timeout"));
      reject(new Error(`no CONNECTED frame within ${o.connectTimeoutMs} ms`));
    }, o.connectTimeoutMs);
  });
}
