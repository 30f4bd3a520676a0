// The upload half every transfer shares: hash each local file while it streams to the remote,
// record the remote metadata, and on the first failure remove what this batch wrote (scitacean
// SFTPUploadConnection.upload_files: revert, then re-raise).
import { createReadStream } from "node:fs";
import { Transform, type Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { posix } from "node:path";
import { InvalidArgumentError } from "@catkit/core";
import { createChecksum } from "../files/checksum.js";
import { runPool } from "../files/pool.js";
import type { File } from "../models/file.js";
import type { TransferOptions } from "./file-transfer.js";
import { batchProgress } from "./progress.js";

/** What a transfer provides to write one remote file. */
export interface RemoteWriter {
  /** Creates parent directories of an absolute remote path. */
  mkdirs(dir: string): Promise<void>;
  /** Opens the remote file for writing, failing if it exists (never overwrite). */
  create(path: string): Promise<Writable>;
  /** uid, gid, perm and size of a written file. */
  stat(path: string): Promise<{ uid: string; gid: string; perm: string; size: number }>;
  /** Removes files, then the directories left empty up to and including `root`. */
  remove(paths: readonly string[], root: string): Promise<void>;
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
  try {
    await runPool(files, options.concurrency ?? 4, async (f, i) => {
      const target = posix.join(root, f.remotePath);
      await writer.mkdirs(posix.dirname(target));
      const sink = await writer.create(target);
      written.push(target);
      const hash = createChecksum(algorithm);
      const tap = new Transform({
        transform(chunk: Buffer, _e, done) {
          hash.update(chunk);
          progress.bytes(f.remotePath, chunk.length);
          done(null, chunk);
        },
      });
      const source: Readable = createReadStream(f.localPath as string, { highWaterMark: 256 * 1024 });
      await (options.signal ? pipeline(source, tap, sink, { signal: options.signal }) : pipeline(source, tap, sink));
      const st = await writer.stat(target);
      result[i] = { ...f, size: st.size, creationTime: new Date().toISOString(), checksum: hash.digest("hex"), checksumAlgorithm: algorithm, remoteUid: st.uid, remoteGid: st.gid, remotePerm: st.perm };
      progress.file(f.remotePath);
    }, { signal: options.signal });
  } catch (err) {
    await writer.remove(written, root).catch(() => undefined);
    throw err;
  }
  return result;
}
