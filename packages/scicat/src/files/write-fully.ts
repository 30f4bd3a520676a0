// FileHandle.write may write less than asked (a signal, a full pipe); loop until all is out.
import type { FileHandle } from "node:fs/promises";

/**
 * Writes all of `chunk` at `position` (null: the file's current position).
 *
 * @example
 * ```ts
 * await writeFully(await open("/tmp/out.bin", "w"), chunk, 0);
 * ```
 */
export async function writeFully(file: FileHandle, chunk: Uint8Array, position: number | null): Promise<void> {
  for (let at = 0; at < chunk.length; ) at += (await file.write(chunk, at, chunk.length - at, position === null ? null : position + at)).bytesWritten;
}
