// A Readable over an SFTP file that keeps several read requests in flight, in order: one
// request at a time (ssh2's createReadStream) leaves the link idle for a round trip per chunk,
// which is what makes naive SFTP clients slow; OpenSSH's sftp keeps 64 requests outstanding.
import { Readable } from "node:stream";
import type { SFTPWrapper } from "ssh2";

/** Options of {@link sftpReadStream}. */
export interface SftpReadOptions {
  /** First byte to read (resume). */
  start: number;
  /** Bytes per request (ssh2 splits above the server's limit). Default 64 KiB. */
  chunkSize?: number;
  /** Requests in flight. Default 32. */
  inFlight?: number;
}

/**
 * Opens `path` and streams it from `start`, with pipelined reads.
 *
 * @example
 * ```ts
 * const stream = await sftpReadStream(sftp, "/data/a.nxs", { start: 0 });
 * ```
 */
export async function sftpReadStream(sftp: SFTPWrapper, path: string, options: SftpReadOptions): Promise<Readable> {
  const handle = await new Promise<Buffer>((resolve, reject) => sftp.open(path, "r", (err, h) => (err ? reject(err) : resolve(h))));
  const chunkSize = options.chunkSize ?? 64 * 1024;
  const inFlight = options.inFlight ?? 32;
  let position = options.start;
  let eof = false;
  let closed = false;
  let pending: Array<Promise<{ at: number; data: Buffer }>> = [];

  const request = () => {
    const at = position;
    position += chunkSize;
    const read = new Promise<{ at: number; data: Buffer }>((resolve, reject) => {
        sftp.read(handle, Buffer.allocUnsafe(chunkSize), 0, chunkSize, at, (err, bytesRead, buffer) => {
          // end of file is SFTP status 1 (or a read of 0 bytes)
          if (err && (err as { code?: unknown }).code !== 1) return reject(err);
          // stop asking at the end of the file (the consumer may be paused and see it later)
          if (err || bytesRead === 0) eof = true;
          resolve({ at, data: err ? Buffer.alloc(0) : buffer.subarray(0, bytesRead) });
        });
    });
    // a request dropped after a short read or EOF may still fail: that is not an error
    read.catch(() => undefined);
    pending.push(read);
  };
  const closeHandle = () => {
    if (closed) return;
    closed = true;
    sftp.close(handle, () => undefined);
  };

  // Top the window up whenever a request completes, not only when the consumer asks: a consumer
  // that pauses for the disk would otherwise let the window drain to nothing (stop-and-go).
  // Memory stays bounded: at most `inFlight` requests, answered or not, are held.
  const fill = () => {
    while (!eof && !closed && pending.length < inFlight) {
      request();
      void (pending.at(-1) as Promise<unknown>).then(fill, () => undefined);
    }
  };

  return new Readable({
    highWaterMark: chunkSize * 4,
    read() {
      fill();
      const next = pending.shift();
      if (!next) {
        closeHandle();
        this.push(null);
        return;
      }
      next.then(
        ({ at, data }) => {
          if (data.length === 0) {
            pending = []; // requests past the end answer EOF too
            closeHandle();
            this.push(null);
            return;
          }
          if (data.length < chunkSize) {
            // a short read: continue right after it (requests already sent assumed full chunks)
            pending = [];
            position = at + data.length;
          }
          this.push(data);
        },
        (err: unknown) => this.destroy(err as Error),
      );
    },
    destroy(err, cb) {
      closeHandle();
      cb(err);
    },
  });
}
