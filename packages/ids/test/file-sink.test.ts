import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { crc32 } from "node:zlib";
import { write as fsWrite } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PositionedWrite } from "@catkit/core";
import { FileSink } from "../src/transfer/file-sink.ts";
import { tempDir } from "./helpers.ts";

describe("FileSink", () => {
  it("counts bytes and CRC32 as they are written, across truncation and a second source", async () => {
    const dir = await tempDir();
    const path = join(dir.path, "x.part");
    const sink = await FileSink.create(path);
    await sink.consume(Readable.from([Buffer.from("Hello "), "John!\n"]));
    expect([sink.bytes, sink.crc >>> 0]).toEqual([12, 0xbef32c73]);
    await sink.truncate();
    expect(sink.bytes).toBe(0);
    await sink.consume(Readable.from([Buffer.from("abc")]));
    await sink.consume({ read: async (onChunk) => void (await onChunk(Buffer.from("def"), { retain() {}, release() {} })) });
    await sink.close();
    await sink.close();
    expect(await readFile(path, "utf8")).toBe("abcdef");
    expect(sink.crc).toBe(crc32("abcdef"));
    await dir.remove();
  });

  it("writes through the disk asynchronously, at most 4 at once, the body waiting for a slow disk; nothing lost", async () => {
    const dir = await tempDir();
    // A disk that completes a write only when the test says so: no clock involved, so the check
    // holds on a loaded machine. Every byte must pass through it (no synchronous write behind it).
    const pending: (() => void)[] = [];
    const gated: PositionedWrite = (fd, bytes, position, done) => void pending.push(() => fsWrite(fd, bytes, 0, bytes.length, position, done));
    const sink = await FileSink.create(join(dir.path, "slow.part"), { writeAt: gated });
    const block = Buffer.alloc(256 * 1024);
    const chunks = Array.from({ length: 24 }, (_, i) => Buffer.from(block.fill(i)));
    const seen: number[] = [];
    let settled = false;
    const consuming = sink.consume(Readable.from(chunks), (n) => seen.push(n)).finally(() => (settled = true));
    let most = 0;
    let rounds = 0;
    while (!settled) {
      // The loop turns while writes are outstanding: the sink never waits for the disk synchronously.
      await new Promise((r) => setImmediate(r));
      most = Math.max(most, pending.length);
      if (pending.length > 0) {
        expect(settled).toBe(false);
        rounds++;
        for (const finish of pending.splice(0)) finish();
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    await consuming;
    expect(most).toBeGreaterThan(1); // writes overlap…
    expect(most).toBeLessThanOrEqual(4); // …but at most 4 at once: the body paused for the disk
    expect(rounds).toBeGreaterThanOrEqual(2);
    expect(seen.at(-1)).toBe(24 * block.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    await sink.close();
    expect((await readFile(join(dir.path, "slow.part"))).equals(Buffer.concat(chunks))).toBe(true);
    await dir.remove();
  });

  it("counts what was written before the source failed", async () => {
    const dir = await tempDir();
    const sink = await FileSink.create(join(dir.path, "broken.part"));
    async function* broken() {
      yield Buffer.from("12345");
      throw new Error("connection reset");
    }
    await expect(sink.consume(broken())).rejects.toThrow("connection reset");
    expect(sink.bytes).toBe(5);
    await sink.close();
    expect(await readFile(join(dir.path, "broken.part"), "utf8")).toBe("12345");
    await dir.remove();
  });
});
