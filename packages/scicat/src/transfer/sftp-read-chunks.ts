// Reads an SFTP file as chunks with several read requests in flight, in order: one request at a
// time (ssh2's createReadStream) leaves the link idle for a round trip per chunk, which is what
// makes naive SFTP clients slow; OpenSSH's sftp keeps up to 64 requests of 255 KiB outstanding
// for its one file. Here several files download at once, each with ~2 MiB requested ahead.
// Each chunk is only valid until the next one is asked for: its buffer then goes back to a pool
// shared by the connection's downloads. Allocating a fresh buffer per request made V8 run a full
// mark-compact every few hundred milliseconds (external-memory pressure) — a fifth of the CPU
// time of a download in `--cpu-prof` profiles.
import type { SFTPWrapper } from "ssh2";

/** Options of {@link sftpChunks}. */
export interface SftpReadOptions {
  /** First byte to read (resume). */
  start: number;
  /** Bytes per request (ssh2 splits above the server's limit). Default 64 KiB. */
  chunkSize?: number;
  /** Requests in flight. Default: as many as make 2 MiB (at least 4). */
  inFlight?: number;
  /** Free buffers of `chunkSize` bytes, shared between the files of one connection. */
  pool?: Buffer[];
}

/** Bytes requested ahead per file by default. */
const AHEAD = 2 * 1024 * 1024;

interface Answer {
  at: number;
  buffer: Buffer;
  length: number;
}

/**
 * Opens `path` and yields its bytes from `start`, with pipelined reads. A yielded chunk must be
 * consumed (hashed, written) before asking for the next: its memory is then reused.
 *
 * @example
 * ```ts
 * for await (const chunk of await sftpChunks(sftp, "/data/a.nxs", { start: 0 })) hash.update(chunk);
 * ```
 */
export async function sftpChunks(sftp: SFTPWrapper, path: string, options: SftpReadOptions): Promise<AsyncIterable<Buffer>> {
  const handle = await new Promise<Buffer>((resolve, reject) => sftp.open(path, "r", (err, h) => (err ? reject(err) : resolve(h))));
  const chunkSize = options.chunkSize ?? 64 * 1024;
  const inFlight = options.inFlight ?? Math.max(4, Math.ceil(AHEAD / chunkSize));
  const pool = options.pool ?? [];
  const take = () => {
    const buffer = pool.pop();
    return buffer !== undefined && buffer.length >= chunkSize ? buffer : Buffer.allocUnsafe(chunkSize);
  };
  let position = options.start;
  let eof = false;
  // bumped when the pending requests are abandoned: their EOF answers no longer count
  let generation = 0;
  let pending: Array<Promise<Answer>> = [];

  const request = () => {
    const at = position;
    const gen = generation;
    position += chunkSize;
    const buffer = take();
    const read = new Promise<Answer>((resolve, reject) => {
      sftp.read(handle, buffer, 0, chunkSize, at, (err, bytesRead) => {
        // end of file is SFTP status 1 (or a read of 0 bytes)
        if (err && (err as { code?: unknown }).code !== 1) return reject(err);
        // stop asking at the end of the file (the consumer may not have seen it yet)
        if ((err || bytesRead === 0) && gen === generation) eof = true;
        resolve({ at, buffer, length: err ? 0 : bytesRead });
      });
    });
    pending.push(read);
    // Top the window up whenever a request completes, not only when the consumer asks: a
    // consumer busy with the disk would otherwise let the window drain (stop-and-go).
    read.then(fill, () => undefined);
  };
  function fill() {
    while (!eof && pending.length < inFlight) request();
  }
  // Requests abandoned after a short read, EOF or an early stop still own their buffers: ssh2
  // writes into them when their answers arrive, so they return to the pool only then.
  const abandon = () => {
    generation++;
    for (const read of pending) read.then((a) => pool.push(a.buffer), () => undefined);
    pending = [];
  };

  async function* chunks(): AsyncGenerator<Buffer> {
    let lent: Buffer | undefined;
    try {
      for (;;) {
        if (lent) pool.push(lent);
        lent = undefined;
        fill();
        const next = pending.shift();
        if (!next) return;
        const { at, buffer, length } = await next;
        lent = buffer;
        if (length === 0) return; // requests past the end answer EOF too
        if (length < chunkSize) {
          // a short read: continue right after it (the requests already sent assumed full chunks)
          abandon();
          position = at + length;
        }
        yield buffer.subarray(0, length);
      }
    } finally {
      if (lent) pool.push(lent);
      abandon();
      eof = true;
      sftp.close(handle, () => undefined);
    }
  }
  return chunks();
}
