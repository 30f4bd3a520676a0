// The bench's HTTP server: small JSON answers and large streamed bodies from one reused buffer.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const CHUNK = Buffer.alloc(1024 * 1024, 42);
const JSON_BODY = JSON.stringify({ version: "6.2.1-SNAPSHOT" });

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://bench");
  if (url.pathname === "/json") {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(JSON_BODY) });
    res.end(JSON_BODY);
    return;
  }
  if (url.pathname === "/blob") {
    const total = Number(url.searchParams.get("bytes") ?? 0);
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(total) });
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        const n = Math.min(CHUNK.length, total - sent);
        sent += n;
        if (!res.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n))) return void res.once("drain", pump);
      }
      res.end();
    };
    pump();
    return;
  }
  res.writeHead(404).end();
});
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`origin=http://127.0.0.1:${port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
