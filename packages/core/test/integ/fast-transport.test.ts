// The fast HTTP/1.1 path of FastTransport against real node:http servers: Content-Length,
// chunked and close-delimited bodies, keep-alive reuse, timeouts, aborts, slow consumers, uploads,
// and the fallback to undici. Every body is compared byte for byte with what undici receives.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createNetServer, type AddressInfo, type Socket } from "node:net";
import { Readable } from "node:stream";
import { crc32 } from "node:zlib";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortError, FastTransport, NetworkError, pooledBody, TimeoutError, UndiciTransport, type CatkitRequest } from "../../src/index.ts";
import { readText } from "../../src/internal.ts";

const MiB = 1024 * 1024;
function pattern(size: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
const DATA = pattern(3 * MiB + 12_345, 7);

let server: Server;
let origin: string;
const sockets = new Set<Socket>();
let connections = 0;

function handler(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://x");
  const size = Number(url.searchParams.get("size") ?? DATA.length);
  const body = DATA.subarray(0, size);
  switch (url.pathname) {
    case "/length":
      res.writeHead(200, { "content-length": String(body.length) });
      return void res.end(body);
    case "/chunked": {
      res.writeHead(200, { "transfer-encoding": "chunked", "x-kind": ["a", "b"] });
      let at = 0;
      const step = Number(url.searchParams.get("step") ?? 100_003);
      const next = () => {
        if (at >= body.length) return void res.end();
        res.write(body.subarray(at, (at += step)), next);
      };
      return next();
    }
    case "/close":
      res.writeHead(200, { connection: "close" });
      res.shouldKeepAlive = false;
      return void res.end(body);
    case "/drop": {
      res.writeHead(200, { "content-length": String(body.length) });
      res.write(body.subarray(0, Number(url.searchParams.get("after"))), () => res.socket?.destroy());
      return;
    }
    case "/stall":
      res.writeHead(200, { "content-length": "100" });
      return void res.write("first");
    case "/hang":
      return;
    case "/status":
      res.writeHead(404, { "content-type": "text/plain" });
      return void res.end("no such thing");
    case "/upload": {
      const hash = createHash("sha256");
      let n = 0;
      req.on("data", (c: Buffer) => {
        hash.update(c);
        n += c.length;
      });
      req.on("end", () => res.end(JSON.stringify({ n, sha: hash.digest("hex"), te: req.headers["transfer-encoding"] ?? null })));
      return;
    }
    case "/gzip":
      res.writeHead(200, { "transfer-encoding": "gzip, chunked" });
      return void res.end();
  }
  res.writeHead(500).end();
}

beforeAll(async () => {
  server = createServer(handler);
  server.on("connection", (s: Socket) => {
    connections++;
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string, extra: Partial<CatkitRequest> = {}): CatkitRequest => ({ method: "GET", url: `${origin}${path}`, dataTransfer: true, ...extra });

async function viaPooled(transport: FastTransport, request: CatkitRequest, onChunk?: (chunk: Buffer) => void | Promise<void>): Promise<Buffer> {
  const res = await transport.send(request);
  const parts: Buffer[] = [];
  await pooledBody(res).read(async (chunk) => {
    parts.push(Buffer.from(chunk));
    await onChunk?.(chunk);
  });
  return Buffer.concat(parts);
}

async function viaUndici(request: CatkitRequest): Promise<Buffer> {
  const undici = new UndiciTransport();
  try {
    const res = await undici.send(request);
    const parts: Buffer[] = [];
    for await (const c of res.body as AsyncIterable<Buffer>) parts.push(c);
    return Buffer.concat(parts);
  } finally {
    await undici.close();
  }
}

describe("FastTransport fast path", () => {
  it.each(["/length", "/chunked", "/chunked?step=7&size=30000", "/close", "/length?size=0", "/chunked?size=1"])("reads %s byte for byte as undici does", async (path) => {
    const transport = new FastTransport({ proxy: "none" });
    try {
      const [fast, reference] = await Promise.all([viaPooled(transport, get(path)), viaUndici(get(path))]);
      expect(fast.length).toBe(reference.length);
      expect(fast.equals(reference)).toBe(true);
    } finally {
      await transport.close();
    }
  });

  it("reuses a kept-alive connection and reads response.body as a copying stream", async () => {
    const transport = new FastTransport({ proxy: "none" });
    try {
      const before = connections;
      for (let i = 0; i < 5; i++) expect((await viaPooled(transport, get("/length?size=100000"))).equals(DATA.subarray(0, 100_000))).toBe(true);
      const res = await transport.send(get("/chunked?size=5000"));
      expect(res.headers["x-kind"]).toEqual(["a", "b"]);
      const text = Buffer.from(await readText(res), "utf8");
      expect(text.length).toBeGreaterThan(0);
      expect(connections - before).toBe(1);
    } finally {
      await transport.close();
    }
  });

  it("lends chunks that stay valid while retained, under a slow consumer", async () => {
    const transport = new FastTransport({ proxy: "none", blockSize: 128 * 1024, blocksPerConnection: 3 });
    try {
      const res = await transport.send(get("/length"));
      const held: Array<{ chunk: Buffer; copy: Buffer; release: () => void }> = [];
      let crc = 0;
      await pooledBody(res).read(async (chunk, lease) => {
        crc = crc32(chunk, crc);
        lease.retain();
        held.push({ chunk, copy: Buffer.from(chunk), release: () => lease.release() });
        // Release the older ones a little later, as an asynchronous writer would: the body has to
        // pause while the pool is exhausted rather than overwrite a held chunk.
        setTimeout(() => {
          for (const h of held.splice(0, Math.max(0, held.length - 1))) {
            expect(h.chunk.equals(h.copy)).toBe(true);
            h.release();
          }
        }, 3);
        if (held.length >= 2) await new Promise((r) => setTimeout(r, 1));
      });
      for (const h of held.splice(0)) {
        expect(h.chunk.equals(h.copy)).toBe(true);
        h.release();
      }
      expect(crc).toBe(crc32(DATA));
    } finally {
      await transport.close();
    }
  });

  it("fails with NetworkError when the server drops the connection mid-body, as undici does", async () => {
    const transport = new FastTransport({ proxy: "none" });
    try {
      let got = 0;
      const res = await transport.send(get("/drop?after=1000000"));
      const err = await pooledBody(res).read((chunk) => void (got += chunk.length)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NetworkError);
      expect(got).toBe(1_000_000);
      const undiciErr = await viaUndici(get("/drop?after=1000000")).catch((e: unknown) => e);
      expect(undiciErr).toBeInstanceOf(Error);
    } finally {
      await transport.close();
    }
  });

  it("times out waiting for headers and between body chunks", async () => {
    const transport = new FastTransport({ proxy: "none", headersTimeoutMs: 150, bodyTimeoutMs: 150 });
    try {
      await expect(transport.send(get("/hang"))).rejects.toMatchObject({ phase: "headers" });
      const res = await transport.send(get("/stall"));
      const err = await pooledBody(res).read(() => {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TimeoutError);
      expect(err).toMatchObject({ phase: "body" });
    } finally {
      await transport.close();
    }
  });

  it("aborts before the head and during the body", async () => {
    const transport = new FastTransport({ proxy: "none" });
    try {
      const early = new AbortController();
      const pending = transport.send(get("/hang", { signal: early.signal }));
      setTimeout(() => early.abort(), 20);
      await expect(pending).rejects.toBeInstanceOf(AbortError);
      const late = new AbortController();
      const res = await transport.send(get("/stall", { signal: late.signal }));
      const reading = pooledBody(res).read(() => late.abort());
      await expect(reading).rejects.toBeInstanceOf(AbortError);
      await expect(transport.send(get("/length", { signal: AbortSignal.abort() }))).rejects.toBeInstanceOf(AbortError);
      // While connecting (a TLS handshake a mute server never answers): released at once, not after the connect timeout.
      const mute = createNetServer(() => {});
      await new Promise<void>((resolve) => mute.listen(0, "127.0.0.1", resolve));
      try {
        const connecting = new AbortController();
        const started = Date.now();
        const stuck = transport.send({ ...get("/length"), url: `https://127.0.0.1:${(mute.address() as AddressInfo).port}/length`, signal: connecting.signal });
        setTimeout(() => connecting.abort(), 50);
        await expect(stuck).rejects.toBeInstanceOf(AbortError);
        expect(Date.now() - started).toBeLessThan(2_000);
      } finally {
        mute.close();
      }
    } finally {
      await transport.close();
    }
  });

  it("passes on what the consumer throws, and closes that connection", async () => {
    const transport = new FastTransport({ proxy: "none" });
    try {
      const res = await transport.send(get("/length"));
      const mine = new Error("disk full");
      await expect(pooledBody(res).read(() => Promise.reject(mine))).rejects.toBe(mine);
      expect((await viaPooled(transport, get("/length?size=10"))).equals(DATA.subarray(0, 10))).toBe(true);
    } finally {
      await transport.close();
    }
  });

  it("uploads with Content-Length and chunked bodies", async () => {
    const transport = new FastTransport({ proxy: "none" });
    try {
      const sha = createHash("sha256").update(DATA).digest("hex");
      for (const length of [DATA.length, undefined]) {
        const res = await transport.send({
          method: "PUT",
          url: `${origin}/upload`,
          dataTransfer: true,
          body: { kind: "stream", open: () => Readable.from([DATA.subarray(0, MiB), DATA.subarray(MiB)]), replayable: true, contentType: "application/octet-stream", ...(length === undefined ? {} : { length }) },
        });
        expect(JSON.parse(await readText(res))).toEqual({ n: DATA.length, sha, te: length === undefined ? "chunked" : null });
      }
    } finally {
      await transport.close();
    }
  });

  it("hands unusual responses and non-pooled requests to undici", async () => {
    const transport = new FastTransport({ proxy: "none" });
    try {
      expect(transport.serves(get("/gzip"))).toBe(true);
      expect(transport.serves({ method: "GET", url: `${origin}/length` })).toBe(false);
      expect(new FastTransport({ proxy: { uri: "http://proxy.invalid:3128" } }).serves(get("/length"))).toBe(false);
      expect(new FastTransport({ dispatcher: new Agent() }).serves(get("/length"))).toBe(false);
      expect(new FastTransport({ fastPath: false }).serves(get("/length"))).toBe(false);
      process.env.HTTPS_PROXY = "http://proxy.invalid:3128";
      try {
        expect(new FastTransport().serves(get("/length"))).toBe(false);
      } finally {
        delete process.env.HTTPS_PROXY;
      }
      expect(new FastTransport().serves(get("/length"))).toBe(true);
      // A response the fast path leaves to undici is fetched again through undici.
      const gz = await transport.send(get("/gzip"));
      expect(gz.status).toBe(200);
      expect(gz.pooled?.()).toBeUndefined();
      const res = await transport.send(get("/status"));
      expect(res.status).toBe(404);
      expect(await readText(res)).toBe("no such thing");
    } finally {
      await transport.close();
    }
  });
});
