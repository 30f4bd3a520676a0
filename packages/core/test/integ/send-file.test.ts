// core's sendFile, the sandboxes' file body (issue 11): the bytes of the file from `start` on,
// through reused buffers, over a real node:http server; nothing for HEAD; a client that goes
// away early does not leave the send hanging; a file that cannot be read destroys the response.
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownedTempDir, sendFile, type OwnedTempDir } from "../../src/testing/index.ts";

let dir: OwnedTempDir;
let data: Buffer;
let path: string;
let outcome: Promise<unknown> = Promise.resolve();
let serve: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
const server = createServer((req, res) => {
  outcome = serve(req, res).then(
    () => "sent",
    (err: unknown) => err,
  );
});

beforeAll(async () => {
  dir = await ownedTempDir("catkit-send-file-");
  data = randomBytes(5 * 1024 * 1024 + 123);
  path = join(dir.path, "data.bin");
  await writeFile(path, data);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await dir.remove();
});

function get(method = "GET"): Promise<{ status: number; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path: "/" }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("sendFile", () => {
  it("sends the file from `start` on, byte for byte, in chunks smaller than the file", async () => {
    serve = async (_req, res) => {
      res.writeHead(206, { "content-length": String(data.length - 1000) });
      await sendFile(res, path, { start: 1000, chunkSize: 256 * 1024 });
    };
    const { status, body } = await get();
    expect(status).toBe(206);
    expect(body.equals(data.subarray(1000))).toBe(true);
    expect(await outcome).toBe("sent");
  });

  it("sends no body for HEAD", async () => {
    serve = async (_req, res) => {
      res.writeHead(200, { "content-length": String(data.length) });
      await sendFile(res, path);
    };
    const { status, body } = await get("HEAD");
    expect(status).toBe(200);
    expect(body.length).toBe(0);
    expect(await outcome).toBe("sent");
  });

  it("returns when the client goes away mid-body", async () => {
    serve = async (req, res) => {
      res.writeHead(200, { "content-length": String(data.length) });
      res.write(data.subarray(0, 10));
      req.socket.destroy();
      await sendFile(res, path, { start: 10 });
    };
    await expect(get()).rejects.toThrow();
    expect(await outcome).toBe("sent");
  });

  it("rejects and destroys the response when the file cannot be read", async () => {
    serve = async (_req, res) => {
      res.writeHead(200, { "content-length": "10" });
      await sendFile(res, join(dir.path, "missing.bin"));
    };
    await expect(get()).rejects.toThrow();
    expect(await outcome).toMatchObject({ code: "ENOENT" });
  });
});
