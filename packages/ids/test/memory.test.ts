// Constant memory: a 256 MiB download and a 256 MiB upload (generated data, not fixtures) move
// through the client with memory bounded far below the file size. Client and sandbox share this
// process, so the bounds cover both; they include chunks already released but not yet collected
// (V8 frees Buffer memory at its next GC), which is why they are not smaller.
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crc32 } from "node:zlib";
import { crc32Hex } from "../src/index.ts";
import { startFixture, tempDir, type Fixture } from "./helpers.ts";

const MiB = 1024 * 1024;
const SIZE = 256 * MiB;
let f: Fixture;
let dir: Awaited<ReturnType<typeof tempDir>>;
let source: string;
let sourceCrc = 0;

/** Writes SIZE bytes: a random MiB, varied per MiB so the CRC32 covers every block. */
async function generate(path: string): Promise<void> {
  const block = randomBytes(MiB);
  const file = await open(path, "w");
  for (let i = 0; i < SIZE / MiB; i++) {
    block.writeUInt32BE(i, 0);
    sourceCrc = crc32(block, sourceCrc);
    await file.write(block);
  }
  await file.close();
}

/** Runs `work` while sampling memory; returns the peak growth over the starting point, MiB. */
async function peakGrowth(work: () => Promise<unknown>): Promise<{ rss: number; arrayBuffers: number }> {
  const start = process.memoryUsage();
  let rss = start.rss;
  let arrayBuffers = start.arrayBuffers;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    arrayBuffers = Math.max(arrayBuffers, m.arrayBuffers);
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { rss: (rss - start.rss) / MiB, arrayBuffers: (arrayBuffers - start.arrayBuffers) / MiB };
}

beforeAll(async () => {
  f = await startFixture();
  dir = await tempDir();
  source = join(dir.path, "source.bin");
  await generate(source);
}, 60_000);
afterAll(async () => {
  await f.close();
  await dir.remove();
});

describe("memory stays flat", () => {
  it("put of 256 MiB from a path", async () => {
    let result: { checksum: string; size: number } | undefined;
    const growth = await peakGrowth(async () => {
      result = await f.ids.put(source, { datasetId: f.seed.dataset.id, datafileFormatId: f.seed.datafileFormat.id, name: "big.bin" });
    });
    expect(result).toMatchObject({ size: SIZE, checksum: crc32Hex(sourceCrc) });
    expect(growth.arrayBuffers).toBeLessThan(96);
    expect(growth.rss).toBeLessThan(160);
  }, 60_000);

  it("download of 256 MiB with a dropped connection resumed, CRC32 verified", async () => {
    const stored = f.sandbox.catalogue.datafiles().find((d) => d.name === "big.bin");
    f.sandbox.faults.dropConnectionAfter(100 * MiB, { match: { path: "/ids/getData" } });
    let result: { size: number; resumes: number } | undefined;
    const growth = await peakGrowth(async () => {
      result = await f.ids.download({ datafileIds: [stored?.id ?? 0] }, join(dir.path, "copy.bin"), { checksum: stored?.checksum ?? "" });
    });
    expect(result).toMatchObject({ size: SIZE, resumes: 1 });
    expect((await stat(join(dir.path, "copy.bin"))).size).toBe(SIZE);
    expect(growth.arrayBuffers).toBeLessThan(96);
    expect(growth.rss).toBeLessThan(160);
  }, 60_000);

  it("the sandbox stores a 256 MiB stream without buffering it", async () => {
    const growth = await peakGrowth(() => f.sandbox.storeFile(f.seed.dataset.id, createReadStream(source)));
    expect(growth.arrayBuffers).toBeLessThan(96);
  }, 60_000);
});
