// Deterministic bench data without a fixture: one random MiB, varied per MiB by a counter, so a
// CRC32 covers every block and a server cannot serve it from a repeated-block shortcut.
import { randomBytes } from "node:crypto";

const MiB = 1024 * 1024;

/**
 * Yields `size` bytes in 1 MiB chunks.
 *
 * @example
 * ```ts
 * await sandbox.storeFile(datasetId, Readable.from(generatedBytes(1024 * 1024 * 1024, 1)));
 * ```
 */
export function* generatedBytes(size: number, seed: number): Generator<Buffer> {
  const block = randomBytes(MiB);
  block.writeUInt32BE(seed, 4);
  for (let offset = 0, i = 0; offset < size; offset += MiB, i++) {
    const chunk = Buffer.from(block.subarray(0, Math.min(MiB, size - offset)));
    if (chunk.length >= 4) chunk.writeUInt32BE(i, 0);
    yield chunk;
  }
}
