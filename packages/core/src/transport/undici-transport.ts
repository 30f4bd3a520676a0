// The default transport, on undici's Dispatcher.request (its fastest API): a keep-alive Agent
// created on first use, a connection limit per origin, connect/headers/body timeouts, and the
// proxy taken from the environment (HTTP_PROXY / HTTPS_PROXY / NO_PROXY via EnvHttpProxyAgent).
// Modelled on smithy's undici-http-handler: lazy agent, undici error codes → catkit errors.
// undici itself is imported on first use: loading it costs ~27 MiB of resident memory, which a
// process that only moves data over the fast path (fast/fast-transport.ts) never needs.
import type { Agent, Dispatcher } from "undici";
import { toCatkitError } from "../errors/to-catkit-error.js";
import { redactUrl } from "../errors/redact.js";
import { encodeBody } from "./encode-body.js";
import { copiedChunks } from "./fast/file-chunks.js";
import { guardBody } from "./guard-body.js";
import { type CatkitRequest, requestUrl } from "./request.js";
import type { CatkitResponse } from "./response.js";
import type { Transport } from "./transport.js";

/**
 * TLS settings of the transport's connections.
 *
 * @example
 * ```ts
 * const tls: TlsClientOptions = { ca: readFileSync("facility-ca.pem"), pfx: readFileSync("me.p12"), passphrase: process.env.P12_PASS };
 * ```
 */
export interface TlsClientOptions {
  rejectUnauthorized?: boolean;
  ca?: string | Buffer | ReadonlyArray<string | Buffer>;
  /** Client certificate chain (PEM). */
  cert?: string | Buffer;
  /** Client private key (PEM). */
  key?: string | Buffer;
  /** Client certificate and key as one PKCS#12 bundle. */
  pfx?: string | Buffer;
  /** Unlocks an encrypted `key` or `pfx`. */
  passphrase?: string;
}

/** Options of {@link UndiciTransport}. */
export interface UndiciTransportOptions {
  /** Use this dispatcher instead of creating one (e.g. a MockAgent in tests). */
  dispatcher?: Dispatcher;
  /** Maximum connections per origin (default 16). */
  connections?: number;
  /** Time to establish a connection, ms (default 10 s). */
  connectTimeoutMs?: number;
  /** Time to wait for response headers, ms (default 5 min: IDS prepareData/getSize can be slow). */
  headersTimeoutMs?: number;
  /** Longest pause between two body chunks, ms (default 5 min). */
  bodyTimeoutMs?: number;
  /** How long an idle keep-alive connection is kept, ms (default 4 s, undici's). */
  keepAliveTimeoutMs?: number;
  /** "env" (default): HTTP(S)_PROXY/NO_PROXY from the environment; "none"; or a given proxy. */
  proxy?: "env" | "none" | { uri: string };
  /**
   * TLS: `rejectUnauthorized: false` is python-icat's `checkCert = No`; `ca` adds trusted CAs;
   * `cert` + `key`, or `pfx`, is a client certificate for servers that require one (with
   * `passphrase` when the key or PKCS#12 bundle is encrypted; it is never logged).
   */
  tls?: TlsClientOptions;
}

function hasProxyEnv(): boolean {
  return ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"].some((name) => (process.env[name] ?? "") !== "");
}

/**
 * The default {@link Transport}: undici with keep-alive, streaming in both directions.
 *
 * @example
 * ```ts
 * const transport = new UndiciTransport({ connections: 8, headersTimeoutMs: 600_000 });
 * const ids = new IdsClient({ url, credential, transport });
 * ```
 */
export class UndiciTransport implements Transport {
  readonly #options: UndiciTransportOptions;
  #dispatcher: Dispatcher | undefined;
  readonly #owned: boolean;

  constructor(options: UndiciTransportOptions = {}) {
    this.#options = options;
    this.#dispatcher = options.dispatcher;
    this.#owned = options.dispatcher === undefined;
  }

  async #getDispatcher(): Promise<Dispatcher> {
    if (this.#dispatcher) return this.#dispatcher;
    const { Agent, EnvHttpProxyAgent, ProxyAgent } = await import("undici");
    if (this.#dispatcher) return this.#dispatcher;
    const o = this.#options;
    const agentOptions: Agent.Options = {
      connections: o.connections ?? 16,
      connect: {
        timeout: o.connectTimeoutMs ?? 10_000,
        ...(o.tls?.rejectUnauthorized === undefined ? {} : { rejectUnauthorized: o.tls.rejectUnauthorized }),
        ...(o.tls?.ca === undefined ? {} : { ca: o.tls.ca as string | Buffer | Array<string | Buffer> }),
        ...(o.tls?.cert === undefined ? {} : { cert: o.tls.cert }),
        ...(o.tls?.key === undefined ? {} : { key: o.tls.key }),
        ...(o.tls?.pfx === undefined ? {} : { pfx: o.tls.pfx }),
        ...(o.tls?.passphrase === undefined ? {} : { passphrase: o.tls.passphrase }),
      },
      headersTimeout: o.headersTimeoutMs ?? 300_000,
      bodyTimeout: o.bodyTimeoutMs ?? 300_000,
      ...(o.keepAliveTimeoutMs === undefined ? {} : { keepAliveTimeout: o.keepAliveTimeoutMs }),
    };
    const proxy = o.proxy ?? "env";
    if (proxy === "env") this.#dispatcher = hasProxyEnv() ? new EnvHttpProxyAgent(agentOptions) : new Agent(agentOptions);
    else if (proxy === "none") this.#dispatcher = new Agent(agentOptions);
    else this.#dispatcher = new ProxyAgent({ ...agentOptions, uri: proxy.uri });
    return this.#dispatcher;
  }

  async send(request: CatkitRequest): Promise<CatkitResponse> {
    const target = new URL(requestUrl(request));
    const headers: Record<string, string> = { ...request.headers };
    let body: Dispatcher.DispatchOptions["body"];
    if (request.body !== undefined) {
      const encoded = encodeBody(request.body);
      // A lent source (fast/file-chunks.ts) reuses its buffers: undici queues chunks, so it gets copies.
      body = (typeof encoded.body === "string" || encoded.body instanceof Uint8Array ? encoded.body : copiedChunks(encoded.body)) as Dispatcher.DispatchOptions["body"];
      headers["content-type"] ??= encoded.contentType;
      if (encoded.contentLength !== undefined) headers["content-length"] ??= String(encoded.contentLength);
    }
    // Built only when something fails: redacting a URL on every request costs throughput.
    const context = () => ({ method: request.method, url: redactUrl(target), signal: request.signal });
    try {
      const res = await (this.#dispatcher ?? (await this.#getDispatcher())).request({
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
        method: request.method,
        headers,
        body: body ?? null,
        signal: request.signal,
        ...(request.timeouts?.headersMs === undefined ? {} : { headersTimeout: request.timeouts.headersMs }),
        ...(request.timeouts?.bodyMs === undefined ? {} : { bodyTimeout: request.timeouts.bodyMs }),
      });
      return {
        status: res.statusCode,
        headers: res.headers,
        body: guardBody(res.body, (err) => toCatkitError(err, context())),
        request,
      };
    } catch (err) {
      throw toCatkitError(err, context());
    }
  }

  async close(): Promise<void> {
    if (this.#owned && this.#dispatcher) await this.#dispatcher.close();
    if (this.#owned) this.#dispatcher = undefined;
  }
}
