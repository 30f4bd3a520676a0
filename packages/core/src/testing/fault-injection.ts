// Faults a sandbox can be told to inject into its next responses, so that tests (and users'
// tests) can prove resume, retry and timeout handling against a real HTTP server.
import type { IncomingMessage, ServerResponse } from "node:http";

/** Which requests a fault applies to (all when empty). */
export interface FaultMatch {
  method?: string;
  /** Matched against the path without the query, e.g. "/ids/getData" or /getData$/. */
  path?: string | RegExp;
}

interface Rule {
  kind: "drop" | "delay" | "respond";
  remaining: number;
  match: FaultMatch;
  bytes?: number;
  ms?: number;
  status?: number;
  body?: string;
  headers?: Record<string, string>;
}

/** Common options: how many matching requests the fault affects (default 1) and which. */
export interface FaultOptions {
  times?: number;
  match?: FaultMatch;
}

function matches(rule: Rule, req: IncomingMessage): boolean {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (rule.match.method !== undefined && rule.match.method !== req.method) return false;
  if (rule.match.path === undefined) return true;
  return typeof rule.match.path === "string" ? path === rule.match.path : rule.match.path.test(path);
}

function cutAfter(res: ServerResponse, limit: number): void {
  let sent = 0;
  let cut = false;
  const write = res.write.bind(res) as (chunk: Buffer, cb?: () => void) => boolean;
  const end = res.end.bind(res) as (cb?: () => void) => ServerResponse;
  const drop = () => res.socket?.destroy();
  res.write = ((chunk: string | Uint8Array, encodingOrCb?: unknown, cb?: unknown) => {
    if (cut) return false;
    const buf = typeof chunk === "string" ? Buffer.from(chunk, typeof encodingOrCb === "string" ? (encodingOrCb as BufferEncoding) : "utf8") : Buffer.from(chunk);
    const done = typeof encodingOrCb === "function" ? encodingOrCb : cb;
    if (sent + buf.length < limit) {
      sent += buf.length;
      return write(buf, done as (() => void) | undefined);
    }
    cut = true;
    const part = buf.subarray(0, limit - sent);
    sent = limit;
    // Destroy only once these bytes are flushed, so the client receives exactly `limit` bytes.
    if (part.length > 0) write(part, drop);
    else setImmediate(drop);
    return false;
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, encodingOrCb?: unknown, cb?: unknown) => {
    if (chunk !== undefined && typeof chunk !== "function") res.write(chunk, encodingOrCb as BufferEncoding, cb as () => void);
    if (cut) return res;
    return end(typeof chunk === "function" ? (chunk as () => void) : undefined);
  }) as ServerResponse["end"];
}

/**
 * Holds the faults queued on a sandbox. Obtain it from `sandbox.faults`.
 *
 * @example
 * ```ts
 * sandbox.faults.dropConnectionAfter(1024 * 1024, { match: { path: /getData$/ } });
 * sandbox.faults.respondWith(503, { times: 2 });
 * sandbox.faults.delay(2_000);
 * ```
 */
export class FaultInjector {
  #rules: Rule[] = [];

  /** Sends the first `bytes` bytes of the body, then destroys the connection. */
  dropConnectionAfter(bytes: number, options: FaultOptions = {}): void {
    this.#add({ kind: "drop", bytes, remaining: options.times ?? 1, match: options.match ?? {} });
  }

  /** Waits `ms` before handling the request. */
  delay(ms: number, options: FaultOptions = {}): void {
    this.#add({ kind: "delay", ms, remaining: options.times ?? 1, match: options.match ?? {} });
  }

  /** Answers with `status` (and an optional body) instead of handling the request. */
  respondWith(status: number, options: FaultOptions & { body?: string; headers?: Record<string, string> } = {}): void {
    this.#add({
      kind: "respond",
      status,
      remaining: options.times ?? 1,
      match: options.match ?? {},
      ...(options.body === undefined ? {} : { body: options.body }),
      ...(options.headers === undefined ? {} : { headers: options.headers }),
    });
  }

  /** Removes every queued fault. */
  clear(): void {
    this.#rules = [];
  }

  /** Faults still queued. */
  get pending(): number {
    return this.#rules.reduce((n, r) => n + r.remaining, 0);
  }

  #add(rule: Rule): void {
    if (!(rule.remaining >= 1)) throw new RangeError("times must be at least 1");
    this.#rules.push(rule);
  }

  #take(kind: Rule["kind"], req: IncomingMessage): Rule | undefined {
    const rule = this.#rules.find((r) => r.kind === kind && matches(r, req));
    if (rule && --rule.remaining === 0) this.#rules.splice(this.#rules.indexOf(rule), 1);
    return rule;
  }

  /** Applies faults to a request; resolves true when the fault already answered it. */
  async apply(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const delay = this.#take("delay", req);
    if (delay?.ms) await new Promise((r) => setTimeout(r, delay.ms));
    const respond = this.#take("respond", req);
    if (respond?.status !== undefined) {
      res.writeHead(respond.status, { "content-type": "text/plain", ...respond.headers });
      res.end(respond.body ?? "");
      return true;
    }
    const drop = this.#take("drop", req);
    if (drop?.bytes !== undefined) cutAfter(res, drop.bytes);
    return false;
  }
}
