import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
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

  it("keeps the event loop free on a slow disk: 30 ms writes, the loop never waits more than 20 ms, nothing lost", async () => {
    const dir = await tempDir();
    // A disk whose every write takes 30 ms (on the thread pool, as a real slow disk would).
    const slow: PositionedWrite = (fd, bytes, position, done) => setTimeout(() => fsWrite(fd, bytes, 0, bytes.length, position, done), 30);
    const sink = await FileSink.create(join(dir.path, "slow.part"), { writeAt: slow });
    const block = Buffer.alloc(256 * 1024);
    const chunks = Array.from({ length: 24 }, (_, i) => Buffer.from(block.fill(i)));
    const seen: number[] = [];
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    const started = performance.now();
    await sink.consume(Readable.from(chunks), (n) => seen.push(n));
    const took = performance.now() - started;
    lag.disable();
    expect(lag.max / 1e6).toBeLessThan(20);
    // 24 writes of 30 ms, at most 4 at once: the body waited for the disk (≥ 6 rounds).
    expect(took).toBeGreaterThanOrEqual(6 * 30 - 5);
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
