// The read buffers of one fast connection. node:net's `onread` option lets the socket read into
// memory we choose: its `buffer` function is called once when the socket is set up and then right
// after every read callback, and the buffer it returns receives the next read (Node's
// lib/internal/stream_base_commons.js onStreamRead; checked on Node 22 and 24, plain and TLS
// sockets). So the socket reads straight into a few large blocks, one region after another: a
// block is refilled only when every chunk lent from it has been released (BufferLease) and the
// socket has moved on to another block. Free blocks go back to a pool shared by the transport's
// connections, so steady downloads allocate nothing. Blocks are shared memory
// (SharedArrayBuffer), so a consumer can have a worker thread checksum a lent chunk where it lies
// (checksum/crc32-thread.ts) while the event loop goes on reading.
//
// Because the next buffer is asked for even when the callback pauses the socket, a connection
// whose blocks are all lent still has to name one: each block keeps a small reserve at its end
// for that "parked" read, which happens after the socket resumes. Only if even that is used up
// is a one-off buffer allocated.
import type { BufferLease } from "./lent-chunk.js";

/** The end of each block kept for a read that has to be placed while no block is free. */
const RESERVE = 16 * 1024;

/** Free blocks shared by a transport's connections. */
export class BlockPool {
  readonly #free: Buffer[] = [];
  readonly blockSize: number;
  readonly maxFree: number;
  constructor(blockSize: number, maxFree: number) {
    this.blockSize = blockSize;
    this.maxFree = maxFree;
  }

  /** A free block, or a new one (in shared memory). */
  take(): Buffer {
    return this.#free.pop() ?? Buffer.from(new SharedArrayBuffer(this.blockSize));
  }

  /** Returns a block for reuse; past `maxFree` it is left to the garbage collector. */
  give(block: Buffer): void {
    if (this.#free.length < this.maxFree) this.#free.push(block);
  }
}

/** One block being filled and lent. */
export class ReadBlock implements BufferLease {
  fill = 0;
  refs = 1;
  readonly bytes: Buffer;
  readonly owner: ReadBlocks | undefined;
  constructor(bytes: Buffer, owner: ReadBlocks | undefined) {
    this.bytes = bytes;
    this.owner = owner;
  }

  retain(): void {
    this.refs++;
  }

  release(): void {
    if (--this.refs === 0) this.owner?.recycle(this);
  }
}

/**
 * Hands out read regions and tracks which blocks are still lent.
 *
 * @example
 * ```ts
 * const blocks = new ReadBlocks(pool, { maxBlocks: 4, minRead: 64 * 1024 });
 * net.connect({ host, port, onread: { buffer: () => blocks.region(), callback: (n, buf) => { const block = blocks.filled(n, buf); … } } });
 * ```
 */
export class ReadBlocks {
  readonly #pool: BlockPool;
  readonly #maxBlocks: number;
  readonly #minRead: number;
  readonly #spare: ReadBlock[] = [];
  #inUse = 0;
  #current: ReadBlock | undefined;
  #region: Buffer | undefined;
  #overflow: ReadBlock | undefined;
  #onRoom: (() => void) | undefined;
  #closed = false;
  /** Where the bytes of the last filled() start in the returned block. */
  start = 0;

  constructor(pool: BlockPool, options: { maxBlocks: number; minRead: number }) {
    this.#pool = pool;
    this.#maxBlocks = options.maxBlocks;
    this.#minRead = options.minRead;
  }

  /** Whether the next region is a full one (otherwise pause the socket: it will be parked). */
  hasRoom(): boolean {
    const current = this.#current;
    if (current && current.bytes.length - RESERVE - current.fill >= this.#minRead) return true;
    return this.#spare.length > 0 || this.#inUse < this.#maxBlocks;
  }

  /** Calls `callback` once, the next time a block is recycled. */
  onRoom(callback: () => void): void {
    this.#onRoom = callback;
  }

  /** onread's `buffer`: where the next read goes. */
  region(): Buffer {
    const current = this.#current;
    if (current && current.bytes.length - RESERVE - current.fill >= this.#minRead) {
      return (this.#region = current.bytes.subarray(current.fill, current.bytes.length - RESERVE));
    }
    if (this.#spare.length === 0 && this.#inUse >= this.#maxBlocks) {
      // Every block is lent: the socket is paused, and this read comes once it resumes.
      if (current && current.fill < current.bytes.length) return (this.#region = current.bytes.subarray(current.fill));
      this.#overflow = new ReadBlock(Buffer.allocUnsafe(this.#minRead), undefined);
      return (this.#region = this.#overflow.bytes);
    }
    const next = this.#spare.pop() ?? new ReadBlock(this.#pool.take(), this);
    this.#inUse++;
    next.fill = 0;
    next.refs = 1;
    this.#current = next;
    // The socket has moved on: the old block is free once its lent chunks are released.
    current?.release();
    return (this.#region = next.bytes.subarray(0, next.bytes.length - RESERVE));
  }

  /** onread's `callback`: the block holding the `n` bytes just read into `buf`. */
  filled(n: number, buf: Buffer): ReadBlock {
    const current = this.#current;
    if (buf === this.#region && current && buf !== this.#overflow?.bytes) {
      this.start = current.fill;
      current.fill += n;
      return current;
    }
    const overflow = this.#overflow ?? new ReadBlock(buf, undefined);
    this.#overflow = undefined;
    this.start = 0;
    return overflow;
  }

  /** Called by a block whose last reference was released. */
  recycle(block: ReadBlock): void {
    this.#inUse--;
    if (this.#closed) return this.#pool.give(block.bytes);
    this.#spare.push(block);
    const callback = this.#onRoom;
    this.#onRoom = undefined;
    callback?.();
  }

  /** Gives spare blocks back to the shared pool (an idle connection keeps only its current one). */
  trim(): void {
    for (const block of this.#spare.splice(0)) this.#pool.give(block.bytes);
  }

  /** The socket is gone: every block goes back to the pool once released. */
  close(): void {
    this.#closed = true;
    const current = this.#current;
    this.#current = undefined;
    current?.release();
    this.trim();
  }
}
