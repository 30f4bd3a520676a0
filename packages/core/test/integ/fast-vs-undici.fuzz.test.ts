// Differential fuzzing of the fast path against undici: a raw TCP server answers each request
// with generated response bytes (Content-Length, chunked or close-delimited bodies, random header
// fields, random write boundaries, sometimes a connection dropped mid-body) and both transports
// must see the same status, headers and body bytes — or, for a dropped connection, both fail,
// the fast path with NetworkError after exactly the bytes that arrived.
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FastTransport, NetworkError, pooledBody, UndiciTransport, type CatkitRequest } from "../../src/index.ts";

interface Scenario {
  head: Buffer;
  body: Buffer;
  wire: Buffer;
  cuts: number[];
  /** Drop the connection after this many wire bytes. */
  dropAt: number | undefined;
  close: boolean;
}

const scenarios = new Map<string, Scenario>();
let server: Server;
let origin: string;
const sockets = new Set<Socket>();

function serve(socket: Socket): void {
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
  let pending = Buffer.alloc(0);
  socket.on("data", (data: Buffer) => {
    pending = Buffer.concat([pending, data]);
    const end = pending.indexOf("\r\n\r\n");
    if (end < 0) return;
    const line = pending.subarray(0, pending.indexOf("\r\n")).toString("latin1");
    pending = pending.subarray(end + 4);
    const scenario = scenarios.get(line.split(" ")[1] ?? "");
    if (!scenario) return void socket.destroy();
    const limit = scenario.dropAt ?? scenario.wire.length;
    const bounds = [...new Set(scenario.cuts.map((c) => c % (limit + 1)).concat(limit))].sort((a, b) => a - b);
    let from = 0;
    const next = (i: number) => {
      if (i >= bounds.length) {
        if (scenario.dropAt !== undefined) socket.resetAndDestroy();
        else if (scenario.close) socket.end();
        return;
      }
      const to = bounds[i] ?? limit;
      socket.write(scenario.wire.subarray(from, to), () => setImmediate(() => next(i + 1)));
      from = to;
    };
    next(0);
  });
}

beforeAll(async () => {
  server = createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const token = fc.stringMatching(/^x-[a-z0-9-]{1,10}$/);
const value = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,20}[\x21-\x7e])?$/);
const scenarioArb = fc
  .record({
    status: fc.constantFrom(200, 200, 206, 404, 503),
    framing: fc.constantFrom("length", "chunked", "close"),
    body: fc.uint8Array({ maxLength: 200_000 }),
    chunk: fc.integer({ min: 1, max: 70_000 }),
    fields: fc.array(fc.tuple(token, value), { maxLength: 6 }),
    cuts: fc.array(fc.nat(), { maxLength: 12 }),
    drop: fc.option(fc.double({ min: 0.2, max: 0.95, noNaN: true }), { freq: 4 }),
  })
  .map((r): Scenario => {
    const body = Buffer.from(r.body);
    const lines = [`HTTP/1.1 ${r.status} Whatever`, ...r.fields.map(([n, v]) => `${n}: ${v}`)];
    let payload = body;
    if (r.framing === "length") lines.push(`Content-Length: ${body.length}`);
    if (r.framing === "close") lines.push("Connection: close");
    if (r.framing === "chunked") {
      lines.push("Transfer-Encoding: chunked");
      const parts: Buffer[] = [];
      for (let at = 0; at < body.length; at += r.chunk) {
        const piece = body.subarray(at, at + r.chunk);
        parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n"));
      }
      payload = Buffer.concat([...parts, Buffer.from("0\r\n\r\n")]);
    }
    const head = Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
    const wire = Buffer.concat([head, payload]);
    // Drops only where they are detectable for both (not in a close-delimited body, which a
    // reset ends ambiguously, and past the head so both see a response).
    const dropAt = r.drop !== null && r.framing === "length" && body.length > 10 ? head.length + Math.floor(body.length * r.drop) : undefined;
    return { head, body, wire, cuts: r.cuts, dropAt, close: r.framing === "close" };
  });

let counter = 0;
const request = (path: string): CatkitRequest => ({ method: "GET", url: `${origin}${path}`, dataTransfer: true });

async function read(transport: FastTransport | UndiciTransport, path: string, pooled: boolean) {
  const res = await transport.send(request(path));
  const parts: Buffer[] = [];
  let error: unknown;
  try {
    if (pooled) await pooledBody(res).read((chunk) => void parts.push(Buffer.from(chunk)));
    else for await (const c of res.body as AsyncIterable<Buffer>) parts.push(c);
  } catch (err) {
    error = err;
  }
  return { status: res.status, headers: res.headers, body: Buffer.concat(parts), error };
}

describe("fast path vs undici on generated responses", () => {
  it("agrees on status, headers and body bytes; both fail on a dropped connection", async () => {
    const fast = new FastTransport({ proxy: "none" });
    const undici = new UndiciTransport({ proxy: "none" });
    try {
      await fc.assert(
        fc.asyncProperty(scenarioArb, async (scenario) => {
          const path = `/s/${counter++}`;
          scenarios.set(path, scenario);
          const a = await read(fast, path, true);
          const b = await read(undici, path, false);
          expect(a.status).toBe(b.status);
          const { "content-length": _a, connection: _b, "transfer-encoding": _c, ...ours } = a.headers;
          const { "content-length": _d, connection: _e, "transfer-encoding": _f, ...theirs } = b.headers;
          expect(ours).toEqual(theirs);
          if (scenario.dropAt === undefined) {
            expect(a.error).toBeUndefined();
            expect(b.error).toBeUndefined();
            expect(a.body.equals(scenario.body)).toBe(true);
            expect(b.body.equals(scenario.body)).toBe(true);
          } else {
            expect(a.error).toBeInstanceOf(NetworkError);
            expect(b.error).toBeInstanceOf(Error);
            expect(a.body.equals(scenario.body.subarray(0, scenario.dropAt - scenario.head.length))).toBe(true);
          }
          scenarios.delete(path);
        }),
        { numRuns: 60 },
      );
    } finally {
      await fast.close();
      await undici.close();
    }
  }, 120_000);
});
