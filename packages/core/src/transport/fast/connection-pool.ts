// Idle keep-alive connections of the fast path, per origin. An idle connection is unref'd (it
// does not keep the process alive) and closed after `idleMs`, like undici's keepAliveTimeout.
import { FastConnection, type ConnectionBuffers } from "./fast-connection.js";
import type { ConnectionTarget } from "./open-socket.js";

/**
 * Hands out fast connections, reusing idle ones.
 *
 * @example
 * ```ts
 * const pool = new ConnectionPool(buffers, { maxIdle: 16, idleMs: 4_000 });
 * const conn = await pool.acquire("http://127.0.0.1:8080", target, true);
 * ```
 */
export class ConnectionPool {
  readonly #buffers: ConnectionBuffers;
  readonly #maxIdle: number;
  readonly #idleMs: number;
  readonly #idle = new Map<string, FastConnection[]>();
  readonly #timers = new Map<FastConnection, NodeJS.Timeout>();
  #closed = false;

  constructor(buffers: ConnectionBuffers, options: { maxIdle: number; idleMs: number }) {
    this.#buffers = buffers;
    this.#maxIdle = options.maxIdle;
    this.#idleMs = options.idleMs;
  }

  /** An idle connection to `origin` when `reuse` allows, otherwise a new one. */
  async acquire(origin: string, target: ConnectionTarget, reuse: boolean): Promise<FastConnection> {
    const idle = this.#idle.get(origin);
    while (reuse && idle && idle.length > 0) {
      const conn = idle.pop();
      if (!conn || conn.closed) continue;
      clearTimeout(this.#timers.get(conn));
      this.#timers.delete(conn);
      return conn;
    }
    const conn = await FastConnection.open(target, this.#buffers);
    conn.onFree = (c, reusable) => this.#free(origin, c, reusable);
    return conn;
  }

  #free(origin: string, conn: FastConnection, reusable: boolean): void {
    const list = this.#idle.get(origin) ?? [];
    if (!reusable) {
      clearTimeout(this.#timers.get(conn));
      this.#timers.delete(conn);
      const at = list.indexOf(conn);
      if (at >= 0) list.splice(at, 1);
      return;
    }
    if (this.#closed || list.length >= this.#maxIdle) return conn.destroy();
    list.push(conn);
    this.#idle.set(origin, list);
    this.#timers.set(
      conn,
      setTimeout(() => conn.destroy(), this.#idleMs).unref(),
    );
  }

  /** Closes idle connections; connections in use close when their response is done or fails. */
  close(): void {
    this.#closed = true;
    for (const list of this.#idle.values()) for (const conn of list.splice(0)) conn.destroy();
    this.#idle.clear();
  }
}
