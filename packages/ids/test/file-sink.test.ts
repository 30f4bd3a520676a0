import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { FileSink } from "../src/transfer/file-sink.ts";
import { tempDir } from "./helpers.ts";

describe("FileSink", () => {
  it("counts bytes and CRC32 as they are written, across writes, truncation and a second source", async () => {
    const dir = await tempDir();
    const path = join(dir.path, "x.part");
    const sink = await FileSink.create(path);
    await sink.consume(Readable.from([Buffer.from("Hello "), "John!\n"]));
    expect(sink.synchronous).toBe(true);
    expect([sink.bytes, sink.crc >>> 0]).toEqual([12, 0xbef32c73]);
    await sink.truncate();
    expect(sink.bytes).toBe(0);
    await sink.write(Buffer.from("abc"));
    await sink.consume(Readable.from([Buffer.from("def")]));
    await sink.close();
    await sink.close();
    expect(await readFile(path, "utf8")).toBe("abcdef");
    expect(sink.crc).toBe(crc32("abcdef"));
    await dir.remove();
  });

  it("switches to asynchronous writes when the file system is slow, losing nothing", async () => {
    const dir = await tempDir();
    const sink = await FileSink.create(join(dir.path, "slow.part"), { slowWriteMs: -1 });
    const seen: number[] = [];
    await sink.consume(Readable.from(["a", "b"]), (n) => seen.push(n));
    // one or two slow writes could be the process being descheduled: still synchronous
    expect(sink.synchronous).toBe(true);
    await sink.consume(Readable.from(["c", "d", "e"]), (n) => seen.push(n));
    expect(sink.synchronous).toBe(false);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    await sink.close();
    expect(await readFile(join(dir.path, "slow.part"), "utf8")).toBe("abcde");
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
    await dir.remove();
  });
});
