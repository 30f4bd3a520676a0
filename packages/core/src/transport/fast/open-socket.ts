// Opens the socket of a fast connection: node:net for http, node:tls for https (with the
// transport's CA, client certificate and verification settings, offering only HTTP/1.1 by ALPN),
// reading through the given `onread` buffers. node:tls is loaded only for https: about 5 MiB of
// memory that a plain-http transfer does without.
import { connect as netConnect, isIP, type OnReadOpts, type Socket } from "node:net";
import type { ConnectionOptions } from "node:tls";
import type { TlsClientOptions } from "../undici-transport.js";

/** Where and how to connect. */
export interface ConnectionTarget {
  readonly protocol: "http:" | "https:";
  /** Host name or IP, without IPv6 brackets. */
  readonly host: string;
  readonly port: number;
  readonly tls?: TlsClientOptions | undefined;
  readonly connectTimeoutMs: number;
}

/**
 * Connects (and, for https, completes the handshake); rejects with the socket's error or a
 * connect timeout (code UND_ERR_CONNECT_TIMEOUT, as undici names it).
 *
 * @example
 * ```ts
 * const socket = await openSocket({ protocol: "http:", host: "127.0.0.1", port: 8080, connectTimeoutMs: 10_000 }, onread);
 * ```
 */
export async function openSocket(target: ConnectionTarget, onread: OnReadOpts): Promise<Socket> {
  const t = target.tls;
  const socket =
    target.protocol === "https:"
      ? (await import("node:tls")).connect({
          host: target.host,
          port: target.port,
          ...(isIP(target.host) === 0 ? { servername: target.host } : {}),
          ALPNProtocols: ["http/1.1"],
          ...(t?.rejectUnauthorized === undefined ? {} : { rejectUnauthorized: t.rejectUnauthorized }),
          ...(t?.ca === undefined ? {} : { ca: t.ca as string | Buffer | Array<string | Buffer> }),
          ...(t?.cert === undefined ? {} : { cert: t.cert }),
          ...(t?.key === undefined ? {} : { key: t.key }),
          ...(t?.pfx === undefined ? {} : { pfx: t.pfx }),
          ...(t?.passphrase === undefined ? {} : { passphrase: t.passphrase }),
          // TLS sockets take onread as net sockets do (Node's types leave it out of tls's options).
          onread,
        } as ConnectionOptions)
      : netConnect({ host: target.host, port: target.port, onread });
  socket.setNoDelay(true);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => socket.destroy(Object.assign(new Error(`connect timeout elapsed (${target.connectTimeoutMs} ms)`), { code: "UND_ERR_CONNECT_TIMEOUT" })),
      target.connectTimeoutMs,
    );
    const fail = (err: Error) => {
      clearTimeout(timer);
      reject(err);
    };
    socket.once("error", fail);
    socket.once(target.protocol === "https:" ? "secureConnect" : "connect", () => {
      clearTimeout(timer);
      socket.off("error", fail);
      resolve(socket);
    });
  });
}
