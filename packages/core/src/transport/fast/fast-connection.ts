// One keep-alive HTTP/1.1 connection of the fast path: a node:net or node:tls socket whose
// reads go straight into pooled blocks (the `onread` option, see read-blocks.ts), one request at
// a time. It writes the request, hands incoming byte ranges to the current ResponseReader, and
// pauses the socket whenever the consumer or the block pool cannot take more, so a slow
// consumer holds the server back instead of memory growing.
import type { Socket } from "node:net";
import { openSocket, type ConnectionTarget } from "./open-socket.js";
import { type BlockPool, ReadBlocks } from "./read-blocks.js";
import { ResponseReader } from "./response-reader.js";

/** Per-connection buffer limits. */
export interface ConnectionBuffers {
  readonly pool: BlockPool;
  readonly maxBlocks: number;
  readonly minRead: number;
}

const error = (message: string, code: string) => Object.assign(new Error(message), { code });

/**
 * A fast-path connection.
 *
 * @example
 * ```ts
 * const conn = await FastConnection.open(target, buffers);
 * const reader = conn.start("GET", "GET /ids/ping HTTP/1.1\r\nhost: ids\r\n\r\n", { bodyMs: 300_000 });
 * ```
 */
export class FastConnection {
  readonly #socket: Socket;
  readonly #blocks: ReadBlocks;
  #reader: ResponseReader | undefined;
  #bodyMs = 0;
  #paused = false;
  #closed = false;
  /** Set by the pool: called when the connection is free again (`reusable`) or gone. */
  onFree: ((conn: FastConnection, reusable: boolean) => void) | undefined;
  /** Requests served so far. */
  uses = 0;
  /** True while a streamed request body is being written: the connection cannot be reused before it ends. */
  sending = false;

  private constructor(socket: Socket, blocks: ReadBlocks) {
    this.#socket = socket;
    this.#blocks = blocks;
  }

  /**
   * Connects; rejects with the socket's error or a connect timeout (code UND_ERR_CONNECT_TIMEOUT).
   *
   * @example
   * ```ts
   * const conn = await FastConnection.open({ protocol: "http:", host: "127.0.0.1", port: 8080, connectTimeoutMs: 10_000 }, buffers);
   * ```
   */
  static async open(target: ConnectionTarget, buffers: ConnectionBuffers): Promise<FastConnection> {
    const blocks = new ReadBlocks(buffers.pool, buffers);
    // The server says nothing before it has a request, so no read comes before `conn` is set.
    const self: { conn?: FastConnection } = {};
    let socket: Socket;
    try {
      socket = await openSocket(target, { buffer: () => blocks.region(), callback: (n, buf) => self.conn?.onRead(n, buf as Buffer) ?? false });
    } catch (err) {
      blocks.close();
      throw err;
    }
    const conn = new FastConnection(socket, blocks);
    self.conn = conn;
    // Flowing mode: no 'data' events come in onread mode, but without it 'end' is never emitted.
    socket.resume();
    conn.#listen();
    return conn;
  }

  /** True once the socket is gone. */
  get closed(): boolean {
    return this.#closed;
  }

  #listen(): void {
    const socket = this.#socket;
    socket.on("error", (err) => this.destroy(err));
    socket.on("end", () => {
      const reader = this.#reader;
      reader?.end();
      // A close-delimited body still being consumed keeps its bytes (retained blocks): let it finish.
      if (reader && !reader.settled && reader.endsAtClose) this.#reader = undefined;
      this.destroy();
    });
    socket.on("close", () => this.destroy());
    socket.on("timeout", () => this.destroy(error(`body timeout elapsed (no data for ${this.#bodyMs} ms)`, "UND_ERR_BODY_TIMEOUT")));
  }

  /**
   * Sends a request head (and a small body) and returns the reader of its response. Stream
   * bodies are written by the caller with {@link FastConnection.write} afterwards.
   */
  start(method: string, head: string | Buffer, options: { headersMs: number; bodyMs: number; body?: Uint8Array | undefined }): ResponseReader {
    this.uses++;
    this.#bodyMs = options.bodyMs;
    const headersTimer =
      options.headersMs > 0
        ? setTimeout(() => this.destroy(error(`headers timeout elapsed (no response head after ${options.headersMs} ms)`, "UND_ERR_HEADERS_TIMEOUT")), options.headersMs)
        : undefined;
    const reader = new ResponseReader(method, {
      head: () => {
        clearTimeout(headersTimer);
        if (this.#bodyMs > 0) this.#socket.setTimeout(this.#bodyMs);
      },
      resume: () => this.#resume(),
      finished: (reusable) => this.#finished(reader, reusable),
      abandon: (err) => this.destroy(err),
    });
    this.#reader = reader;
    const socket = this.#socket;
    socket.ref();
    if (options.body && options.body.length > 0) {
      socket.cork();
      socket.write(head);
      socket.write(options.body);
      socket.uncork();
    } else socket.write(head);
    reader.head.catch(() => clearTimeout(headersTimer));
    this.#resume();
    return reader;
  }

  /** Writes a piece of a streamed request body; resolves when the socket can take more. */
  async write(chunk: Uint8Array | string): Promise<void> {
    if (this.#closed) throw error("the connection closed while the request body was being sent", "ECONNRESET");
    if (this.#socket.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.#socket.off("drain", done);
        this.#socket.off("close", done);
        resolve();
      };
      this.#socket.on("drain", done);
      this.#socket.on("close", done);
    });
  }

  /** Writes a chunk and resolves once the socket has handed it to the system (it may be reused then). */
  writeFlushed(chunk: Uint8Array): Promise<void> {
    if (this.#closed) return Promise.reject(error("the connection closed while the request body was being sent", "ECONNRESET"));
    return new Promise<void>((resolve, reject) => {
      this.#socket.write(chunk, (err) => (err ? reject(err) : resolve()));
    });
  }

  onRead(n: number, buf: Buffer): boolean {
    const block = this.#blocks.filled(n, buf);
    const reader = this.#reader;
    if (!reader) {
      this.destroy();
      return false;
    }
    const start = this.#blocks.start;
    reader.feed(block, start, start + n);
    return this.#mayRead();
  }

  // Whether the socket may read on; when not, it is paused (returning false from onread's
  // callback pauses it) and the body timeout stops: waiting for our consumer is not the server's delay.
  #mayRead(): boolean {
    if (this.#closed) return false;
    if (this.#reader?.paused) return this.#pause();
    if (this.#blocks.hasRoom()) return true;
    this.#blocks.onRoom(() => this.#resume());
    return this.#pause();
  }

  #pause(): false {
    if (!this.#paused) this.#socket.setTimeout(0);
    this.#paused = true;
    return false;
  }

  #resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    if (!this.#mayRead()) return;
    if (this.#reader && !this.#reader.settled && this.#bodyMs > 0) this.#socket.setTimeout(this.#bodyMs);
    this.#socket.resume();
  }

  #finished(reader: ResponseReader, reusable: boolean): void {
    if (this.#reader !== reader) return;
    this.#reader = undefined;
    this.#socket.setTimeout(0);
    if (!reusable || this.sending) return this.destroy();
    this.#blocks.trim();
    this.#socket.unref();
    // Read while idle, to notice when the server closes the connection.
    this.#resume();
    this.onFree?.(this, true);
  }

  /** Closes the connection; a response in progress fails with `err` (or a premature close). */
  destroy(err?: Error): void {
    if (this.#closed) return;
    this.#closed = true;
    const reader = this.#reader;
    this.#reader = undefined;
    this.#socket.destroy();
    reader?.fail(err ?? error("the connection closed", "ECONNRESET"));
    this.#blocks.close();
    this.onFree?.(this, false);
  }
}
