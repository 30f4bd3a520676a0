// PositionedFileWriter: lent chunks are retained until written and released exactly once,
// contiguous chunks go out as one write, a slow disk makes `write` ask the caller to wait (the
// body pauses) without the event loop waiting, and a failed write surfaces.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, write as fsWrite } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { PositionedFileWriter, type BufferLease, type PositionedWrite } from "../../src/index.ts";
import { stopCrc32Thread } from "../../src/internal.ts";

const dir = mkdtempSync(join(tmpdir(), "catkit-pfw-"));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopCrc32Thread();
});

function countingLease() {
  const lease = { held: 0, retained: 0, retain() { this.held++; this.retained++; }, release() { this.held--; } };
  return lease as BufferLease & { held: number; retained: number };
}

describe("PositionedFileWriter", () => {
  it("coalesces contiguous lent chunks into one write and releases each retain once", async () => {
    const fd = openSync(join(dir, "a.bin"), "w");
    const writes: number[] = [];
    const writeAt: PositionedWrite = (f, bytes, position, done) => {
      writes.push(bytes.length);
      fsWrite(f, bytes, 0, bytes.length, position, done);
    };
    const writer = new PositionedFileWriter(fd, { writeAt });
    const block = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i & 0xff));
    const lease = countingLease();
    for (let at = 0; at < 100_000; at += 10_000) await writer.write(block.subarray(at, at + 10_000), lease);
    await writer.write(block.subarray(150_000, 160_000), lease); // not contiguous: a second write
    await writer.flush();
    closeSync(fd);
    expect(writes).toEqual([100_000, 10_000]);
    expect(lease.retained).toBe(2);
    expect(lease.held).toBe(0);
    expect(writer.bytes).toBe(110_000);
    const expected = Buffer.concat([block.subarray(0, 100_000), block.subarray(150_000, 160_000)]);
    expect(readFileSync(join(dir, "a.bin")).equals(expected)).toBe(true);
    expect(writer.crc).toBe(crc32(expected));
  });

  it("on a slow disk asks the caller to wait, never holds more than maxInFlight writes, and writes everything", async () => {
    const fd = openSync(join(dir, "slow.bin"), "w");
    // A disk that finishes a write only when the test says so (no clock: the check holds on a
    // loaded machine). The writer must go through it for every byte, never synchronously.
    const pending: (() => void)[] = [];
    let inFlight = 0;
    const gated: PositionedWrite = (f, bytes, position, done) => {
      inFlight++;
      pending.push(() => fsWrite(f, bytes, 0, bytes.length, position, (err, n) => (inFlight--, done(err, n))));
    };
    const writer = new PositionedFileWriter(fd, { writeAt: gated, maxInFlight: 2 });
    const chunks = Array.from({ length: 10 }, (_, i) => Buffer.alloc(300_000, i));
    let waited = 0;
    let held = 0;
    let most = 0;
    for (const chunk of chunks) {
      const wait = writer.write(chunk);
      most = Math.max(most, inFlight);
      if (wait) {
        waited++;
        // The caller is asked to wait while the disk holds maxInFlight writes; the loop turns.
        expect(inFlight).toBe(2);
        if (pending.length === 2) {
          // Both writes are held by the disk: the caller stays paused while the loop turns.
          let done = false;
          void wait.then(() => (done = true));
          await new Promise((r) => setImmediate(r));
          expect(done).toBe(false);
          held++;
        }
        // A write of gathered chunks goes to the disk part after part: keep the disk going.
        let resumed = false;
        void wait.then(() => (resumed = true));
        while (!resumed) {
          for (const finish of pending.splice(0)) finish();
          await new Promise((r) => setImmediate(r));
        }
      }
    }
    const flushed = writer.flush();
    while (pending.length > 0 || !(await Promise.race([flushed.then(() => true), new Promise<boolean>((r) => setImmediate(() => r(false)))]))) {
      for (const finish of pending.splice(0)) finish();
    }
    await flushed;
    closeSync(fd);
    expect(waited).toBeGreaterThan(0);
    expect(held).toBeGreaterThan(0);
    expect(most).toBe(2);
    expect(readFileSync(join(dir, "slow.bin")).equals(Buffer.concat(chunks))).toBe(true);
  });

  it("surfaces a failed write", async () => {
    const failing: PositionedWrite = (_f, _b, _p, done) => setImmediate(() => done(Object.assign(new Error("no space left on device"), { code: "ENOSPC" }), 0));
    const writer = new PositionedFileWriter(0, { writeAt: failing });
    await writer.write(Buffer.alloc(300_000));
    await expect(writer.flush()).rejects.toThrow("no space left");
    expect(() => writer.write(Buffer.alloc(1))).toThrow("no space left");
  });

  it("checksums shared-memory chunks on the worker thread: the same file and CRC32, every lease released", async () => {
    // Chunks lent from a few reused shared blocks, as the fast path's read blocks are.
    const blocks = Array.from({ length: 3 }, () => Buffer.from(new SharedArrayBuffer(1 << 20)));
    const write = async (name: string, crcThreadAfter: number) => {
      const fd = openSync(join(dir, name), "w");
      const writer = new PositionedFileWriter(fd, { crcThreadAfter, position: 0, crc: 0 });
      const lease = countingLease();
      const expected: Buffer[] = [];
      for (let i = 0; i < 12; i++) {
        const block = blocks[i % 3] as Buffer;
        // The block is refilled only once the writer released what it retained of it.
        while (lease.held > 1) await new Promise((resolve) => setImmediate(resolve));
        block.fill(i + 1);
        block.writeUInt32BE(i * 7919, 1000);
        for (let at = 0; at < block.length; at += 64 * 1024) {
          const chunk = block.subarray(at, at + 64 * 1024);
          expected.push(Buffer.from(chunk));
          await writer.write(chunk, lease);
        }
      }
      await writer.flush();
      closeSync(fd);
      return { writer, lease, expected: Buffer.concat(expected) };
    };
    const threaded = await write("threaded.bin", 0);
    const inline = await write("inline.bin", Infinity);
    expect(threaded.lease.held).toBe(0);
    expect(threaded.lease.retained).toBeGreaterThan(0);
    expect(readFileSync(join(dir, "threaded.bin")).equals(threaded.expected)).toBe(true);
    expect(threaded.writer.crc).toBe(crc32(threaded.expected));
    expect(threaded.writer.crc).toBe(inline.writer.crc);
    expect(threaded.writer.bytes).toBe(inline.writer.bytes);
  });

  it("fails flush and releases every lease when the CRC32 thread dies", async () => {
    const fd = openSync(join(dir, "dies.bin"), "w");
    const writer = new PositionedFileWriter(fd, { crcThreadAfter: 0 });
    const lease = countingLease();
    const block = Buffer.from(new SharedArrayBuffer(4 << 20));
    void writer.write(block, lease);
    await stopCrc32Thread();
    await expect(writer.flush()).rejects.toThrow("CRC32 worker thread was stopped");
    closeSync(fd);
    expect(lease.held).toBe(0);
    expect(() => writer.write(Buffer.alloc(1))).toThrow("CRC32 worker thread was stopped");
  });
});
