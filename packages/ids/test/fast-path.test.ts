// issue 11: IDS transfers over core's fast path (the default) and over undici (`fastPath: false`)
// give the same bytes, on the sandbox and under its fault injection: dropped connections mid-body
// (resumed with Range), zips (chunked bodies), a slow consumer of the pooled body, aborts.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AbortError, FastTransport } from "@catkit/core";
import { IdsClient } from "../src/index.ts";
import { startFixture, tempDir, unzip, type Fixture } from "./helpers.ts";

let f: Fixture;
let big: { id: number; content: Buffer; checksum: string };
let undici: IdsClient;
let fast: IdsClient;
let fastTransport: FastTransport;
beforeAll(async () => {
  f = await startFixture();
  const content = randomBytes(6 * 1024 * 1024 + 123);
  const stored = await f.sandbox.addDatafile({ datasetId: f.seed.dataset.id, name: "big.bin", content });
  big = { id: stored.id, content, checksum: stored.checksum };
  const options = { url: f.sandbox.url, credential: f.seed.sessionId, retry: { initialDelayMs: 10, maxDelayMs: 50 } };
  undici = new IdsClient({ ...options, transportOptions: { fastPath: false } });
  fastTransport = new FastTransport({ proxy: "none" });
  fast = new IdsClient({ ...options, transport: fastTransport });
});
afterEach(() => f.sandbox.faults.clear());
afterAll(async () => {
  await undici.close();
  await fast.close();
  await fastTransport.close();
  await f.close();
});

const clients = () => [
  ["fast path", fast],
  ["undici", undici],
] as const;

describe("fast path and undici give the same bytes", () => {
  it("a single file, with connections dropped twice mid-body (resumed with Range)", async () => {
    const dir = await tempDir();
    for (const [name, ids] of clients()) {
      f.sandbox.faults.dropConnectionAfter(1_500_000, { match: { path: "/ids/getData" }, times: 2 });
      const result = await ids.download({ datafileIds: [big.id] }, join(dir.path, `${name}.bin`), { checksum: big.checksum });
      expect(result).toMatchObject({ size: big.content.length, checksum: big.checksum, resumes: 2 });
      expect((await readFile(join(dir.path, `${name}.bin`))).equals(big.content)).toBe(true);
    }
    expect(fastTransport.serves({ method: "GET", url: `${f.sandbox.url}/getData`, dataTransfer: true })).toBe(true);
    await dir.remove();
  });

  it("a zip of the dataset (a chunked body): identical entries", async () => {
    const bodies: Buffer[] = [];
    for (const [, ids] of clients()) {
      const data = await ids.getData({ datasetIds: [f.seed.dataset.id] }, { compress: true });
      const parts: Buffer[] = [];
      await data.read((chunk) => void parts.push(Buffer.from(chunk)));
      bodies.push(Buffer.concat(parts));
    }
    // The zip is rebuilt per request (entry times may differ), so compare what is inside.
    const [a, b] = await Promise.all(bodies.map((body) => unzip(body)));
    const entries = (zip: Map<string, { data: Buffer }> | undefined): Array<[string, string]> => [...(zip?.entries() ?? [])].map(([n, e]) => [n, e.data.toString("utf8")]);
    expect(entries(a)).toEqual(entries(b));
    expect(entries(a).map(([, data]) => data)).toContain("Hello John!\n");
  });

  it("getData read slowly through the pooled body, retaining chunks: the same CRC32 as undici's stream", async () => {
    const crcs: number[] = [];
    for (const [name, ids] of clients()) {
      const data = await ids.getData({ datafileIds: [big.id] });
      let crc = 0;
      if (name === "undici") for await (const chunk of data.body as AsyncIterable<Buffer>) crc = crc32(chunk, crc);
      else
        await data.read(async (chunk, lease) => {
          crc = crc32(chunk, crc);
          lease.retain();
          await new Promise((r) => setTimeout(r, 1));
          lease.release();
        });
      crcs.push(crc >>> 0);
    }
    expect(crcs).toEqual([crc32(big.content), crc32(big.content)]);
  });

  it("an abort mid-download leaves no file on either path", async () => {
    const dir = await tempDir();
    for (const [name, ids] of clients()) {
      const controller = new AbortController();
      const pending = ids.download({ datafileIds: [big.id] }, join(dir.path, `${name}.bin`), {
        checksum: big.checksum,
        onProgress: (e) => {
          if (e.bytesDone > 1_000_000) controller.abort();
        },
        signal: controller.signal,
      });
      await expect(pending).rejects.toBeInstanceOf(AbortError);
    }
    expect(await dir.list()).toEqual([]);
    await dir.remove();
  });

  it("put sends the same bytes on both paths (file source: lent buffers on the fast path, copies for undici)", async () => {
    const dir = await tempDir();
    const source = join(dir.path, "upload.bin");
    const { writeFile } = await import("node:fs/promises");
    await writeFile(source, big.content);
    for (const [name, ids] of clients()) {
      const result = await ids.put(source, { name: `up-${name}.bin`, datasetId: f.seed.dataset.id, datafileFormatId: f.seed.datafileFormat.id });
      expect(result).toMatchObject({ size: big.content.length, checksum: big.checksum });
    }
    await dir.remove();
  });
});
