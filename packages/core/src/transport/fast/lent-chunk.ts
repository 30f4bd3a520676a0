// The pooled-buffer body API and its lifetime rule. A consumer gets each chunk of a response
// body as a view into a buffer the connection reuses, so a download allocates nothing per chunk:
//   a chunk is valid until the callback returns or, when it returns a promise, until that
//   promise settles; to keep it longer, `lease.retain()` it and `lease.release()` it later.
// Returning a promise pauses the body (backpressure); so does holding too many buffers. Counting
// references rather than copying is what lets a download go from socket to disk without a copy.

/**
 * Keeps a lent chunk's memory from being reused. Every `retain()` must be matched by exactly one
 * `release()`. While a consumer holds all of a connection's buffers the body pauses, so holding
 * is bounded: release retained chunks as work on them completes, never by waiting for later chunks.
 *
 * @example
 * ```ts
 * await body.read((chunk, lease) => {
 *   lease.retain();
 *   write(fd, chunk, 0, chunk.length, position, () => lease.release());
 * });
 * ```
 */
export interface BufferLease {
  retain(): void;
  release(): void;
}

/**
 * The lease of a chunk that nobody reuses (a fresh buffer, e.g. from undici): retaining it
 * costs nothing.
 *
 * @example
 * ```ts
 * await onChunk(Buffer.from(bytes), UNPOOLED);
 * ```
 */
export const UNPOOLED: BufferLease = Object.freeze({
  retain() {},
  release() {},
});

/**
 * Receives one chunk of a body; see {@link PooledBody} for how long `chunk` stays valid.
 *
 * @example
 * ```ts
 * const count: ChunkHandler = (chunk) => void (bytes += chunk.length);
 * ```
 */
export type ChunkHandler = (chunk: Buffer, lease: BufferLease) => void | PromiseLike<void>;

/**
 * A response body read without a fresh buffer per chunk. `chunk` is valid until `onChunk`
 * returns, or until the promise it returns settles; call `lease.retain()` to keep it longer and
 * `lease.release()` once done. Read it once; `read` resolves when the body has ended and rejects
 * with a catkit error (NetworkError when the connection broke, TimeoutError, AbortError) or with
 * what `onChunk` threw.
 *
 * @example
 * ```ts
 * let crc = 0;
 * await pooledBody(response).read((chunk) => { crc = zlib.crc32(chunk, crc); });
 * ```
 */
export interface PooledBody {
  read(onChunk: ChunkHandler): Promise<void>;
  /** Stops reading and closes the connection; a pending `read` rejects. */
  cancel(): void;
}
