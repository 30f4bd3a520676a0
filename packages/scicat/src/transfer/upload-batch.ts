// The upload half every transfer shares: hash each local file while it streams to the remote,
// record the remote metadata, and on the first failure remove what this batch wrote (scitacean
// SFTPUploadConnection.upload_files: revert, then re-raise).
// Several writes per file are in flight (positional, like OpenSSH's sftp `put`): waiting for
// each write's acknowledgement before sending the next costs a round trip per chunk. Chunk
// buffers are reused once their write is acknowledged.
import { open, type FileHandle } from "node:fs/promises";
import { posix } from "node:path";
import { AbortError, InvalidArgumentError } from "@catkit/core";
import { createChecksum } from "../files/checksum.js";
import { runPool } from "../files/pool.js";
import type { File } from "../models/file.js";
import type { TransferOptions } from "./file-transfer.js";
import { batchProgress } from "./progress.js";

/** What a transfer provides to write one remote file. */
export interface RemoteWriter {
  /** Bytes per write (default 128 KiB): SFTP uses the largest request the server takes. */
  readonly chunkSize?: number;
  /** Creates parent directories of an absolute remote path. */
  mkdirs(dir: string): Promise<void>;
  /** Opens the remote file for writing, failing if it exists (never overwrite). */
  create(path: string): Promise<RemoteFile>;
  /** uid, gid, perm and size of a written file. */
  stat(path: string): Promise<{ uid: string; gid: string; perm: string; size: number }>;
  /** Removes files, then the directories left empty up to and including `root`. */
  remove(paths: readonly string[], root: string): Promise<void>;
}

/** A remote file open for writing. */
export interface RemoteFile {
  /** Writes all of `chunk` at `position`; several writes may be pending at once. */
  write(chunk: Buffer, position: number): Promise<void>;
  close(): Promise<void>;
}

/** Default bytes per write request, and bytes written ahead per file (~2 MiB, at least 4 writes). */
const CHUNK = 128 * 1024;
const AHEAD = 2 * 1024 * 1024;

/** Streams `localPath` into `sink` with pipelined writes; returns the hex checksum. */
async function copyOut(localPath: string, sink: RemoteFile, algorithm: string, chunkSize: number, pool: Buffer[], onBytes: (n: number) => void, signal: AbortSignal | undefined): Promise<string> {
  const inFlight = Math.max(4, Math.ceil(AHEAD / chunkSize));
  const hash = createChecksum(algorithm);
  const writes = new Set<Promise<void>>();
  const state: { failure?: Error } = {}; // the first write that failed
  let source: FileHandle | undefined;
  let done = false;
  try {
    source = await open(localPath, "r");
    for (let position = 0; ; ) {
      if (signal?.aborted) throw new AbortError(`upload of ${localPath} aborted`);
      if (state.failure) throw state.failure;
      while (writes.size >= inFlight) await Promise.race(writes);
      const buffer = pool.pop() ?? Buffer.allocUnsafe(chunkSize);
      const { bytesRead } = await source.read(buffer, 0, chunkSize, position);
      if (bytesRead === 0) {
        pool.push(buffer);
        break;
      }
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      const write: Promise<void> = sink.write(chunk, position).then(
        () => {
          writes.delete(write);
          pool.push(buffer);
          onBytes(bytesRead);
        },
        (err: unknown) => {
          writes.delete(write);
          state.failure ??= err as Error;
        },
      );
      writes.add(write);
      position += bytesRead;
    }
    await Promise.all(writes);
    const failure = state.failure as Error | undefined; // set by the write callbacks meanwhile
    if (failure) throw failure;
    done = true;
  } finally {
    await Promise.all(writes);
    await source?.close();
    // closing is part of a successful write (the server may report a late error then)
    if (done) await sink.close();
    else await sink.close().catch(() => undefined);
  }
  return hash.digest("hex");
}

/** Uploads `files` below `root` through `writer`, reverting the batch on failure. */
export async function uploadBatch(writer: RemoteWriter, root: string, algorithm: string, files: readonly File[], options: TransferOptions = {}): Promise<File[]> {
  const targets = new Set<string>();
  for (const f of files) {
    if (f.localPath === undefined) throw new InvalidArgumentError(`file ${f.remotePath} has no local path to upload from`, { argument: "files" });
    const target = posix.join(root, f.remotePath);
    if (targets.has(target)) throw new InvalidArgumentError(`two files would be uploaded to ${target}`, { argument: "files" });
    targets.add(target);
  }
  const progress = batchProgress("scicat.upload", options.onProgress, { files: files.length, bytes: files.reduce((n, f) => n + f.size, 0) });
  const written: string[] = [];
  const result: File[] = new Array<File>(files.length);
  const pool: Buffer[] = [];
  try {
    await runPool(files, options.concurrency ?? 4, async (f, i) => {
      const target = posix.join(root, f.remotePath);
      await writer.mkdirs(posix.dirname(target));
      const sink = await writer.create(target);
      written.push(target);
      const checksum = await copyOut(f.localPath as string, sink, algorithm, writer.chunkSize ?? CHUNK, pool, (n) => progress.bytes(f.remotePath, n), options.signal);
      const st = await writer.stat(target);
      result[i] = { ...f, size: st.size, creationTime: new Date().toISOString(), checksum, checksumAlgorithm: algorithm, remoteUid: st.uid, remoteGid: st.gid, remotePerm: st.perm };
      progress.file(f.remotePath);
    }, { signal: options.signal });
  } catch (err) {
    await writer.remove(written, root).catch(() => undefined);
    throw err;
  }
  return result;
}
