// One positioned write of the file writer (issue 11): contiguous chunks merge, fresh (UNPOOLED)
// buffers are gathered for one writev, lent chunks of different buffers are never held back
// together, and the parts reach the file in order, also after short writes.
import { closeSync, openSync, readFileSync, write as fsWrite } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UNPOOLED, type BufferLease } from "../../src/index.ts";
import { WriteSegment, type PositionedWrite } from "../../src/sink/write-segment.ts";

const dir = mkdtempSync(join(tmpdir(), "catkit-segment-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lease = (): BufferLease & { held: number } => ({
  held: 0,
  retain() {
    this.held++;
  },
  release() {
    this.held--;
  },
});

const written = (segment: WriteSegment, writeAt?: PositionedWrite) => {
  const path = join(dir, `f-${Math.random()}.bin`);
  const fd = openSync(path, "w");
  return new Promise<Buffer>((resolve, reject) =>
    segment.write(fd, writeAt, (err) => {
      closeSync(fd);
      if (err) reject(err);
      else resolve(readFileSync(path));
    }),
  );
};

describe("WriteSegment", () => {
  it("merges contiguous chunks of one buffer and gathers fresh buffers side by side", async () => {
    const block = Buffer.from("abcdefghij");
    const segment = new WriteSegment(0, block.subarray(0, 4), UNPOOLED);
    expect(segment.add(block.subarray(4, 6), UNPOOLED)).toBe(true);
    expect(segment.parts).toHaveLength(1);
    expect(segment.add(Buffer.from("XYZ"), UNPOOLED)).toBe(true);
    expect(segment.parts).toHaveLength(2);
    expect(segment.bytes).toBe(9);
    expect((await written(segment)).toString()).toBe("abcdefXYZ");
  });

  it("does not hold a lent chunk of another buffer, and releases what it retained", () => {
    const a = lease();
    const b = lease();
    const first = Buffer.from("lent-a");
    const segment = new WriteSegment(0, first, a);
    expect(a.held).toBe(1);
    expect(segment.add(Buffer.from("lent-b"), b)).toBe(false);
    expect(segment.add(Buffer.from("fresh"), UNPOOLED)).toBe(false);
    expect(b.held).toBe(0);
    segment.release();
    expect(a.held).toBe(0);
  });

  it("continues after short writes, part after part, at the right positions", async () => {
    const segment = new WriteSegment(0, Buffer.from("0123456789"), UNPOOLED);
    segment.add(Buffer.from("abcdefghij"), UNPOOLED);
    // A disk that takes at most 3 bytes per call.
    const short: PositionedWrite = (fd, bytes, position, done) => fsWrite(fd, bytes, 0, Math.min(3, bytes.length), position, (err, n) => done(err, n));
    expect((await written(segment, short)).toString()).toBe("0123456789abcdefghij");
  });
});
