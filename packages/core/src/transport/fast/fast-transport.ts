// The default transport: undici for everything, except data transfers (requests marked
// `dataTransfer`: IDS getData and put, later SciCat and the server's gateway), which go over a
// plain node:net / node:tls socket when nothing stands in the way.
//
// Why catkit parses HTTP/1.1 responses itself here. Measured on the IDS sandbox (issue 11), a
// 1 GiB download through undici (request, stream or a raw dispatch handler), node:http or fetch
// runs at 160-600 MiB/s with 130-165 MiB peak RSS, while curl does 750-1,170 MiB/s in 11 MiB: the
// cost is a fresh buffer per chunk (undici's llhttp-in-WASM hands out copies) and the stream
// machinery, collected later by V8. A socket with the `onread` option reads into memory we own
// and reuse, which no HTTP client in Node exposes. So the fast path parses only what a data
// transfer needs (a status line, header fields, Content-Length or chunked framing) and hands
// anything else (other transfer codings, 101, odd heads; see unusual-response.ts) to undici. The
// parsers are small, strict, and fuzzed against undici's (test/unit/fast-*.test.ts).
//
// Falls back to undici when: a proxy applies (explicit, or HTTP(S)_PROXY in the environment), a
// dispatcher was supplied, the request is not a data transfer, `fastPath: false`, or the
// response is unusual (the request is then sent again through undici, when it can be replayed).
import { redactUrl } from "../../errors/redact.js";
import { toCatkitError } from "../../errors/to-catkit-error.js";
import { encodeBody } from "../encode-body.js";
import { type ByteSource, type CatkitRequest, isReplayable, requestUrl } from "../request.js";
import type { CatkitResponse } from "../response.js";
import type { Transport } from "../transport.js";
import { UndiciTransport, type UndiciTransportOptions } from "../undici-transport.js";
import { ConnectionPool } from "./connection-pool.js";
import type { FastConnection } from "./fast-connection.js";
import { fastResponse } from "./fast-response.js";
import type { PooledBody } from "./lent-chunk.js";
import { BlockPool } from "./read-blocks.js";
import { requestHead } from "./request-head.js";
import type { ResponseReader } from "./response-reader.js";
import { sendBody } from "./send-body.js";
import { UnusualResponse } from "./unusual-response.js";

/** Options of {@link FastTransport}: undici's, plus the fast path's own. */
export interface FastTransportOptions extends UndiciTransportOptions {
  /** Serve data transfers on the fast HTTP/1.1 path (default true). */
  fastPath?: boolean;
  /** Size of the fast path's read blocks, bytes (default 1 MiB, at least 128 KiB). */
  blockSize?: number;
  /**
   * Read blocks one connection may hold (default 3: one being read into while a file writer has
   * two writes pending): with blockSize, its memory bound.
   */
  blocksPerConnection?: number;
}

function hasProxyEnv(): boolean {
  return ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"].some((name) => (process.env[name] ?? "") !== "");
}

/**
 * The default {@link Transport}: undici, with a fast HTTP/1.1 path for data transfers.
 *
 * @example
 * ```ts
 * const transport = new FastTransport({ connections: 8, tls: { ca: readFileSync("facility-ca.pem") } });
 * const ids = new IdsClient({ url, credential, transport });
 * ```
 */
export class FastTransport implements Transport {
  readonly #options: FastTransportOptions;
  readonly #undici: UndiciTransport;
  #pool: ConnectionPool | undefined;

  constructor(options: FastTransportOptions = {}) {
    this.#options = options;
    this.#undici = new UndiciTransport(options);
  }

  /** Whether `request` goes over the fast path. */
  serves(request: CatkitRequest): boolean {
    const o = this.#options;
    if (request.dataTransfer !== true || o.fastPath === false || o.dispatcher !== undefined) return false;
    const proxy = o.proxy ?? "env";
    if (proxy !== "none" && (proxy !== "env" || hasProxyEnv())) return false;
    return request.url.startsWith("http://") || request.url.startsWith("https://");
  }

  async send(request: CatkitRequest): Promise<CatkitResponse> {
    if (!this.serves(request)) return this.#undici.send(request);
    try {
      return await this.#sendFast(request);
    } catch (err) {
      // Not for the fast path after all: undici sends it (again), if it can be sent again.
      if (err instanceof UnusualResponse && isReplayable(request.body)) return this.#undici.send(request);
      throw err;
    }
  }

  #getPool(): ConnectionPool {
    const o = this.#options;
    const blockSize = Math.max(128 * 1024, o.blockSize ?? 1024 * 1024);
    this.#pool ??= new ConnectionPool(
      { pool: new BlockPool(blockSize, 8), maxBlocks: o.blocksPerConnection ?? 3, minRead: Math.min(64 * 1024, blockSize >> 1) },
      { maxIdle: o.connections ?? 16, idleMs: o.keepAliveTimeoutMs ?? 4_000 },
    );
    return this.#pool;
  }

  async #sendFast(request: CatkitRequest): Promise<CatkitResponse> {
    const target = new URL(requestUrl(request));
    const o = this.#options;
    const context = () => ({ method: request.method, url: redactUrl(target), signal: request.signal });
    const encoded = request.body === undefined ? undefined : encodeBody(request.body);
    const headers: Record<string, string> = { ...request.headers };
    if (encoded) headers["content-type"] ??= encoded.contentType;
    const small = typeof encoded?.body === "string" ? Buffer.from(encoded.body) : encoded?.body instanceof Uint8Array ? encoded.body : undefined;
    const streamed = encoded !== undefined && small === undefined ? (encoded.body as ByteSource) : undefined;
    const length = small?.length ?? encoded?.contentLength;
    const head = requestHead(request.method, target, headers, encoded === undefined ? { kind: "none" } : length === undefined ? { kind: "chunked" } : { kind: "length", length });
    const connectTarget = {
      protocol: target.protocol as "http:" | "https:",
      host: target.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: Number(target.port || (target.protocol === "https:" ? 443 : 80)),
      tls: o.tls,
      connectTimeoutMs: o.connectTimeoutMs ?? 10_000,
    };
    const signal = request.signal;
    // A one-shot body goes on a fresh connection: a stale keep-alive one could swallow it.
    const replayable = isReplayable(request.body);
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw toCatkitError(signal.reason, context());
      let conn;
      try {
        conn = await abortable(this.#getPool().acquire(target.origin, connectTarget, replayable && attempt === 0), signal);
      } catch (err) {
        throw toCatkitError(err, context());
      }
      const reader = conn.start(request.method, head, {
        headersMs: request.timeouts?.headersMs ?? o.headersTimeoutMs ?? 300_000,
        bodyMs: request.timeouts?.bodyMs ?? o.bodyTimeoutMs ?? 300_000,
        body: small,
      });
      const abort = () => conn.destroy(Object.assign(new Error("aborted"), { name: "AbortError" }));
      signal?.addEventListener("abort", abort, { once: true });
      reader.onSettled = () => signal?.removeEventListener("abort", abort);
      if (streamed) sendBody(conn, reader, streamed, length);
      try {
        const answer = await reader.head;
        return fastResponse(answer.status, answer.headers, mappedBody(reader, context), request);
      } catch (err) {
        if (err instanceof UnusualResponse) throw err;
        // A kept-alive connection the server had closed fails before any byte: try a fresh one.
        if (attempt === 0 && conn.uses > 1 && !reader.received && replayable && !signal?.aborted) continue;
        throw toCatkitError(err, context());
      }
    }
  }

  async close(): Promise<void> {
    this.#pool?.close();
    this.#pool = undefined;
    await this.#undici.close();
  }
}

// Transport errors of the body become catkit errors; what the consumer threw stays as it was.
function mappedBody(reader: ResponseReader, context: () => { method: string; url: string; signal: AbortSignal | undefined }): PooledBody {
  return {
    read: (onChunk) =>
      reader.read(onChunk).catch((err: unknown) => {
        throw err === reader.consumerError ? err : toCatkitError(err, context());
      }),
    cancel: () => reader.cancel(),
  };
}

// Connecting is not cut short by an abort; the caller is released at once and the connection,
// when it opens, is closed.
function abortable(opening: Promise<FastConnection>, signal: AbortSignal | undefined): Promise<FastConnection> {
  if (!signal) return opening;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      reject(Object.assign(new Error("aborted"), { name: "AbortError" }));
      opening.then((conn) => conn.destroy(), () => {});
    };
    signal.addEventListener("abort", onAbort, { once: true });
    opening.then(
      (conn) => {
        signal.removeEventListener("abort", onAbort);
        if (signal.aborted) conn.destroy();
        else resolve(conn);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
