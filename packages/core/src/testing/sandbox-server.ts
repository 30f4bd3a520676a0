// The HTTP scaffolding every catkit sandbox (ICAT, IDS, SciCat) runs on: a real node:http
// server on loopback, port 0 by default, fault injection, a log of requests received, and a
// close() that does not wait for keep-alive connections.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FaultInjector } from "./fault-injection.js";

/** Handles one request. Throwing answers 500 (a sandbox should answer its own errors). */
export type SandboxHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Options of {@link startSandboxServer}. */
export interface SandboxServerOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
}

/** A request the sandbox received (kept for tests to inspect; last 1,000). */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
}

/** A running sandbox HTTP server. */
export interface SandboxServer {
  /** Origin, e.g. "http://127.0.0.1:40123". */
  readonly origin: string;
  readonly port: number;
  readonly faults: FaultInjector;
  readonly requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a sandbox HTTP server.
 *
 * @example
 * ```ts
 * const server = await startSandboxServer((req, res) => { res.end("IdsOK"); });
 * const res = await fetch(`${server.origin}/ids/ping`);
 * await server.close();
 * ```
 */
export async function startSandboxServer(handler: SandboxHandler, options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const faults = new FaultInjector();
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers });
    if (requests.length > 1000) requests.shift();
    void (async () => {
      if (await faults.apply(req, res)) return;
      await handler(req, res);
    })().catch((err: unknown) => {
      if (res.headersSent) res.destroy();
      else {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`sandbox handler failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  });
  // Large uploads and slow clients: no server-side timeouts in a test server.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    origin: `http://${address}:${port}`,
    port,
    faults,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
