// Test data made on the fly: byte p of a file is PATTERN[p % 65536], so any range can be checked
// without keeping the file; 1 MiB chunks reuse one buffer (never a 1 GiB buffer).
import { Writable } from "node:stream";

const BLOCK = 65_536;
const pattern = Buffer.alloc(BLOCK * 33);
for (let i = 0; i < pattern.length; i++) pattern[i] = ((i % BLOCK) * 7 + 13 + ((i % BLOCK) >> 8)) & 0xff;
const chunk = pattern.subarray(0, BLOCK * 16);

/** `size` bytes of the pattern, as an async iterable of 1 MiB chunks. */
export async function* patternBytes(size: number): AsyncGenerator<Uint8Array> {
  for (let sent = 0; sent < size; sent += chunk.length) yield chunk.subarray(0, Math.min(chunk.length, size - sent));
}

/** The pattern bytes [start, start + length). */
export function patternSlice(start: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = pattern[(start + i) % BLOCK] as number;
  return out;
}

/** A sink that checks every byte against the pattern from `start` on and counts them. */
export function patternChecker(start = 0): Writable & { bytes: number; mismatchAt: number | undefined } {
  let position = start;
  const sink = new Writable({
    write(data: Buffer, _enc, done) {
      for (let off = 0; off < data.length; ) {
        const inBlock = position % BLOCK;
        const n = Math.min(data.length - off, BLOCK * 32 - inBlock);
        if (sink.mismatchAt === undefined && pattern.compare(data, off, off + n, inBlock, inBlock + n) !== 0) sink.mismatchAt = position;
        off += n;
        position += n;
      }
      sink.bytes = position - start;
      done();
    },
  }) as Writable & { bytes: number; mismatchAt: number | undefined };
  sink.bytes = 0;
  sink.mismatchAt = undefined;
  return sink;
}
