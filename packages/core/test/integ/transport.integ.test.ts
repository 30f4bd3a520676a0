// UndiciTransport + pipeline against real node:http servers on port 0.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortError, createClientContext, HttpError, NetworkError, TimeoutError, UndiciTransport, type ClientContext } from "../../src/index.ts";
import { readText, streamBody } from "../../src/internal.ts";
import { pathOf, queryOf, sendText, startSandboxServer, type SandboxServer } from "../../src/testing/index.ts";

const MiB = 1024 * 1024;
const CHUNK = Buffer.alloc(MiB, 7);

/** A generator of `total` bytes that never holds more than one 1 MiB chunk. */
function* bytes(total: number): Generator<Buffer> {
  for (let sent = 0; sent < total; sent += MiB) yield total - sent >= MiB ? CHUNK : CHUNK.subarray(0, total - sent);
}

/** How far the producer may run ahead of a slow consumer: socket buffers plus stream highWaterMarks. */
const WINDOW = 16 * MiB;
let produced = 0;
let consumed = 0;
let maxLead = 0;
function* counted(total: number): Generator<Buffer> {
  for (const chunk of bytes(total)) {
    produced += chunk.length;
    maxLead = Math.max(maxLead, produced - consumed);
    yield chunk;
  }
}
const pause = () => new Promise((r) => setTimeout(r, 1));

let server: SandboxServer;
let flaky = 0;
const handler = async (req: IncomingMessage, res: ServerResponse) => {
  const path = pathOf(req);
  const q = queryOf(req);
  if (path === "/t/flaky") return flaky++ < 2 ? sendText(res, 503, "busy", { "retry-after": "0" }) : sendText(res, 200, "finally");
  if (path === "/t/hang") return; // never answers
  if (path === "/t/stall-body") {
    res.writeHead(200, { "content-type": "application/octet-stream" });
    res.write("first bytes");
    return; // never ends
  }
  if (path === "/t/download") {
    const total = Number(q.get("bytes"));
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(total) });
    Readable.from(counted(total)).pipe(res);
    return;
  }
  if (path === "/t/upload") {
    const hash = createHash("sha256");
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      consumed += chunk.length;
      hash.update(chunk);
      if (q.get("slow")) await pause();
    }
    return sendText(res, 200, `${size} ${hash.digest("hex")}`);
  }
  return sendText(res, 404, "no such path");
};

let ctx: ClientContext;
beforeAll(async () => {
  server = await startSandboxServer(handler);
  ctx = createClientContext(
    { url: `${server.origin}/t`, retry: { initialDelayMs: 5 }, transportOptions: { headersTimeoutMs: 300, bodyTimeoutMs: 300 } },
    { name: "catkit-test", version: "0" },
  );
});
afterAll(async () => {
  await ctx.close();
  await server.close();
});

describe("UndiciTransport on a real server", () => {
  it("retries 503 with Retry-After: 0 until the server recovers", async () => {
    flaky = 0;
    const res = await ctx.send({ method: "GET", url: ctx.url("flaky") });
    expect(await readText(res)).toBe("finally");
    expect(flaky).toBe(3);
  });

  it("maps a headers timeout to TimeoutError(headers) after retrying it", async () => {
    const started = Date.now();
    const err = await ctx.send({ method: "GET", url: ctx.url("hang"), retry: { maxAttempts: 2 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).phase).toBe("headers");
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
  });

  it("maps a stalled body to TimeoutError(body) on the stream", async () => {
    const res = await ctx.send({ method: "GET", url: ctx.url("stall-body") });
    const err = await readText(res).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).phase).toBe("body");
  });

  it("streams a 100 MiB download to a slow reader without buffering it", async () => {
    produced = consumed = maxLead = 0;
    const res = await ctx.send({ method: "GET", url: ctx.url("download"), query: new URLSearchParams({ bytes: String(100 * MiB) }) });
    expect(res.headers["content-length"]).toBe(String(100 * MiB));
    let chunks = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      consumed += chunk.length;
      if (++chunks % 16 === 0) await pause();
    }
    expect(consumed).toBe(100 * MiB);
    // Backpressure held: the server was never more than a small window ahead of the reader.
    expect(maxLead).toBeLessThan(WINDOW);
  });

  it("streams a 100 MiB upload to a slow server without buffering it, byte-exact", async () => {
    produced = consumed = maxLead = 0;
    const expected = createHash("sha256");
    for (const chunk of bytes(100 * MiB)) expected.update(chunk);
    const res = await ctx.send({
      method: "PUT",
      url: ctx.url("upload"),
      query: new URLSearchParams({ slow: "1" }),
      body: streamBody(() => Readable.from(counted(100 * MiB))),
    });
    expect(await readText(res)).toBe(`${100 * MiB} ${expected.digest("hex")}`);
    expect(maxLead).toBeLessThan(WINDOW);
  });

  it("aborts mid-stream with AbortError", async () => {
    const controller = new AbortController();
    const res = await ctx.send({ method: "GET", url: ctx.url("download"), query: new URLSearchParams({ bytes: String(50 * MiB) }), signal: controller.signal });
    let received = 0;
    const err = await (async () => {
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        received += chunk.length;
        if (received > 2 * MiB) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(received).toBeLessThan(50 * MiB);
  });

  it("aborts before sending with AbortError", async () => {
    const err = await ctx.send({ method: "GET", url: ctx.url("flaky"), signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
  });

  it("turns a connection dropped mid-body into NetworkError", async () => {
    server.faults.dropConnectionAfter(3 * MiB + 17, { match: { path: "/t/download" } });
    const res = await ctx.send({ method: "GET", url: ctx.url("download"), query: new URLSearchParams({ bytes: String(10 * MiB) }) });
    let received = 0;
    const err = await (async () => {
      for await (const chunk of res.body as AsyncIterable<Buffer>) received += chunk.length;
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(received).toBe(3 * MiB + 17);
  });

  it("turns a refused connection into NetworkError (after retries)", async () => {
    const closed = await startSandboxServer(() => {});
    const port = closed.port;
    await closed.close();
    const dead = createClientContext({ url: `http://127.0.0.1:${port}/x`, retry: { initialDelayMs: 1, maxAttempts: 2 } }, { name: "t", version: "0" });
    const err = await dead.send({ method: "GET", url: dead.url("ping") }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).errno).toBe("ECONNREFUSED");
    await dead.close();
  });
});

describe("sandbox fault injection", () => {
  it("answers the next K matching requests with a status, then behaves", async () => {
    server.faults.respondWith(502, { times: 2, match: { path: "/t/flaky" }, body: "bad gateway" });
    expect(server.faults.pending).toBe(2);
    const plain = createClientContext({ url: `${server.origin}/t`, retry: false }, { name: "t", version: "0" });
    flaky = 10;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await plain.send({ method: "GET", url: plain.url("flaky") })).status);
    expect(statuses).toEqual([502, 502, 200]);
    expect(server.faults.pending).toBe(0);
    await plain.close();
  });

  it("delays a request", async () => {
    server.faults.delay(150);
    const started = Date.now();
    flaky = 10;
    await readText(await ctx.send({ method: "GET", url: ctx.url("flaky") }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("records requests it received", async () => {
    await readText(await ctx.send({ method: "GET", url: ctx.url("flaky"), headers: { "x-probe": "1" } }));
    expect(server.requests.at(-1)).toMatchObject({ method: "GET", url: "/t/flaky", headers: expect.objectContaining({ "x-probe": "1" }) });
  });

  it("builds HttpErrors whose rendering holds no session id", async () => {
    const secret = "6c1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";
    const res = await ctx.send({ method: "GET", url: ctx.url("missing"), query: new URLSearchParams({ sessionId: secret }) });
    const err = new HttpError({ status: res.status, method: "GET", url: `${res.request.url}?${res.request.query?.toString() ?? ""}`, body: await readText(res) });
    expect(`${err.message} ${JSON.stringify(err)}`).not.toContain(secret);
  });

  it("closes promptly with keep-alive connections open", async () => {
    const s = await startSandboxServer((_req, res) => sendText(res, 200, "ok"));
    const t = new UndiciTransport();
    await readText(await t.send({ method: "GET", url: `${s.origin}/` }));
    const started = Date.now();
    await s.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await t.close();
  });
});
