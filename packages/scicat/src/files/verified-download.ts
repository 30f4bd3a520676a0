// Writing one downloaded file safely: bytes go to `<target>.part` while being hashed, an
// interrupted `.part` is resumed from its length (the transfer opens the remote at that offset),
// the checksum is compared with SciCat's, and only a verified file is renamed into place. A
// mismatch removes the partial file: nothing unverified is left behind.
import { createReadStream } from "node:fs";
import { mkdir, open as openFile, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { AbortError } from "@catkit/core";
import { ChecksumMismatchError } from "../errors/transfer-errors.js";
import { createChecksum, rememberChecksum } from "./checksum.js";
import { writeFully } from "./write-fully.js";

/** What is known about the file to download. */
export interface ExpectedFile {
  size?: number;
  checksum?: string;
  algorithm?: string;
}

/** Options of {@link downloadVerified}. */
export interface VerifiedDownloadOptions {
  signal?: AbortSignal | undefined;
  /** Called with each chunk's length. */
  onBytes?: (n: number) => void;
}

async function partLength(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/**
 * Downloads through `open(offset)` into `target`, verified. Returns the checksum computed.
 * `open` yields the bytes from `offset` (a Readable will do); a chunk is written before the next
 * is asked for, so a source may reuse its memory.
 *
 * @example
 * ```ts
 * await downloadVerified("/tmp/out/a.nxs", (offset) => createReadStream(src, { start: offset }), { checksum, algorithm: "blake2b" });
 * ```
 */
export async function downloadVerified(target: string, open: (offset: number) => Promise<AsyncIterable<Uint8Array>>, expected: ExpectedFile, options: VerifiedDownloadOptions = {}): Promise<string | undefined> {
  const part = `${target}.part`;
  await mkdir(dirname(target), { recursive: true });
  let offset = await partLength(part);
  if (expected.size !== undefined && offset > expected.size) {
    await rm(part, { force: true });
    offset = 0;
  }
  const hash = expected.algorithm ? createChecksum(expected.algorithm) : undefined;
  if (hash && offset > 0) {
    for await (const chunk of createReadStream(part, { end: offset - 1 }) as AsyncIterable<Buffer>) hash.update(chunk);
  }
  // The sink is opened first and the source is read as soon as it is opened: a Readable that
  // fails to open (a missing remote file) emits its error on a later tick, and with an await in
  // between nothing would be listening yet, so the error would escape as an uncaught exception.
  // A failure keeps the .part file, so the next attempt resumes from its length, unless this
  // attempt started it and wrote nothing.
  const sink = await openFile(part, offset > 0 ? "a" : "w");
  let received = 0;
  try {
    const source = await open(offset);
    for await (const chunk of source) {
      if (options.signal?.aborted) throw new AbortError(`download of ${target} aborted`);
      hash?.update(chunk);
      received += chunk.length;
      options.onBytes?.(chunk.length);
      // awaited before the next chunk is asked for: the source may reuse the chunk's memory
      await writeFully(sink, chunk, null);
    }
    if (options.signal?.aborted) throw new AbortError(`download of ${target} aborted`);
  } catch (err) {
    await sink.close();
    if (offset === 0 && received === 0) await rm(part, { force: true });
    throw err;
  }
  await sink.close();
  const digest = hash?.digest("hex");
  if (digest !== undefined && expected.checksum !== undefined && digest !== expected.checksum.toLowerCase()) {
    await rm(part, { force: true });
    throw new ChecksumMismatchError({ path: target, algorithm: expected.algorithm as string, expected: expected.checksum, actual: digest });
  }
  await rename(part, target);
  if (digest !== undefined && expected.algorithm) await rememberChecksum(target, expected.algorithm, digest);
  return digest;
}
