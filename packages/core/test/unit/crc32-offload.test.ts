// The CRC32 of a body computed off the event loop (issue 11): crc32Combine agrees with zlib on
// any split, a Crc32Sequence gives the same value whether its parts are checksummed inline or
// on the worker thread, in any mix and continuing from an initial CRC32, the thread's work does
// not run on the calling thread, and a thread that dies fails the sequence instead of hanging it.
import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { Crc32Sequence, crc32Combine, crc32InThread, stopCrc32Thread } from "../../src/internal.ts";

afterAll(() => stopCrc32Thread());

function shared(bytes: Uint8Array): Buffer {
  const copy = Buffer.from(new SharedArrayBuffer(bytes.length));
  copy.set(bytes);
  return copy;
}

describe("crc32Combine", () => {
  it("gives zlib's CRC32 of the concatenation for any two parts", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 3000 }), (a, b) => {
        expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])));
      }),
    );
  });

  it("handles lengths past 32 bits (zeros: the CRC32 of n zero bytes continued from a value)", () => {
    // crc32 of 2^32 + 5 zero bytes, built by doubling: combine(x, x, n) is the CRC32 of x twice.
    let crc = crc32(Buffer.alloc(5));
    let length = 5;
    let block = crc32(Buffer.alloc(1 << 20));
    let blockLength = 1 << 20;
    while (blockLength < 2 ** 32) {
      block = crc32Combine(block, block, blockLength);
      blockLength *= 2;
    }
    crc = crc32Combine(crc, block, blockLength);
    length += blockLength;
    // The same total reached another way: 2^32 zeros first, then 5.
    expect(crc32Combine(block, crc32(Buffer.alloc(5)), 5)).toBe(crc);
    expect(length).toBe(2 ** 32 + 5);
  });
});

describe("Crc32Sequence", () => {
  it("is zlib's CRC32 for any mix of inline and threaded parts, from any initial value", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ bytes: fc.uint8Array({ maxLength: 4000 }), share: fc.boolean() }), { maxLength: 12 }),
        fc.uint8Array({ maxLength: 100 }),
        async (parts, prefix) => {
          const seq = new Crc32Sequence({ initial: crc32(prefix), threadAfter: 0, minThreadPart: 1 });
          for (const part of parts) void seq.add(part.share ? shared(part.bytes) : part.bytes);
          expect(await seq.settled()).toBe(crc32(Buffer.concat([prefix, ...parts.map((p) => p.bytes)])));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("starts on the calling thread and moves to the worker only after threadAfter bytes", async () => {
    const seq = new Crc32Sequence({ threadAfter: 1000, minThreadPart: 10 });
    const first = shared(randomBytes(1000));
    const second = shared(randomBytes(1000));
    expect(seq.add(first)).toBeUndefined();
    expect(seq.value).toBe(crc32(first));
    const pending = seq.add(second);
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    expect(await seq.settled()).toBe(crc32(Buffer.concat([first, second])));
  });

  it("leaves the event loop free while the worker checksums a large part", async () => {
    const big = shared(randomBytes(64 * 1024 * 1024));
    await crc32InThread(big.subarray(0, 1024)); // the worker is up
    const inline = crc32(big);
    const seq = new Crc32Sequence({ threadAfter: 0 });
    const pending = seq.add(big);
    // No clock (a loaded CI machine made a timed check fail): the loop must turn while the part
    // is checksummed, which it cannot if add() computed 64 MiB of CRC32 before returning.
    let ticks = 0;
    const tick = setInterval(() => ticks++, 0);
    await pending;
    clearInterval(tick);
    expect(await seq.settled()).toBe(inline);
    expect(ticks).toBeGreaterThan(0);
  }, 30_000);

  it("fails (never hangs) when the worker dies, and the next sequence starts a new worker", async () => {
    const seq = new Crc32Sequence({ threadAfter: 0 });
    const part = shared(randomBytes(8 * 1024 * 1024));
    const pending = seq.add(part);
    await stopCrc32Thread();
    await pending; // settles, so the caller can release the part's memory
    await expect(seq.settled()).rejects.toThrow("CRC32 worker thread was stopped");
    expect(() => seq.add(part)).toThrow("CRC32 worker thread was stopped");
    const again = new Crc32Sequence({ threadAfter: 0 });
    void again.add(part);
    expect(await again.settled()).toBe(crc32(part));
  });

  it("refuses bytes that are not shared memory on the thread path", async () => {
    await expect(crc32InThread(Buffer.alloc(4))).rejects.toThrow(TypeError);
  });
});
