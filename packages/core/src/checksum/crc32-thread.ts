// One worker thread that computes zlib.crc32 over regions of SharedArrayBuffers, so that a
// transfer's CRC32 (0.3 s of CPU per GiB here) runs beside the event loop instead of on it: the
// main thread keeps reading the socket and issuing writes while the worker checksums the block
// the data was read into (issue 11; the fast path's read blocks and upload buffers are shared
// memory for this). Nothing is copied: the worker reads the same memory, and the caller keeps the
// region unchanged (a retained lease) until the answer comes.
//
// A worker costs ~18 MiB of resident memory (its own V8 isolate), so it is started on first use
// only (node:worker_threads too), and it does not keep the process alive while idle (unref). If
// it dies, pending requests fail with the error and the next request starts a new one.
import type { Worker } from "node:worker_threads";

// Evaluated code rather than a file: it works the same from source (tests), from the compiled
// package and from a bundle. CommonJS, as `eval` workers run.
const SOURCE = `"use strict";
const { parentPort } = require("node:worker_threads");
const { crc32 } = require("node:zlib");
parentPort.on("message", (m) => parentPort.postMessage([m[0], crc32(new Uint8Array(m[1], m[2], m[3]))]));`;

interface Waiting {
  resolve(crc: number): void;
  reject(err: Error): void;
}

let worker: Worker | undefined;
const waiting = new Map<number, Waiting>();
let nextId = 0;

function fail(err: Error): void {
  worker = undefined;
  const pending = [...waiting.values()];
  waiting.clear();
  for (const w of pending) w.reject(err);
}

function start(): Worker {
  const { Worker: Thread } = process.getBuiltinModule("node:worker_threads");
  const w = new Thread(SOURCE, { eval: true, stdout: false, stderr: false });
  w.on("message", ([id, crc]: [number, number]) => {
    const w8 = waiting.get(id);
    waiting.delete(id);
    if (waiting.size === 0) w.unref();
    w8?.resolve(crc);
  });
  w.on("error", (err: unknown) => {
    if (worker === w) fail(err instanceof Error ? err : new Error(String(err)));
  });
  w.on("exit", (code) => {
    if (worker === w) fail(new Error(`the CRC32 worker thread exited (code ${code})`));
  });
  return w;
}

/**
 * Whether `bytes` lies in shared memory, so {@link crc32InThread} can read it without a copy.
 *
 * @example
 * ```ts
 * isShared(Buffer.from(new SharedArrayBuffer(16))); // true
 * ```
 */
export function isShared(bytes: Uint8Array): boolean {
  return typeof SharedArrayBuffer === "function" && bytes.buffer instanceof SharedArrayBuffer;
}

/**
 * zlib.crc32 of `bytes` (from 0), computed on the worker thread; `bytes` must be shared memory
 * ({@link isShared}) and stay unchanged until the promise settles.
 *
 * @example
 * ```ts
 * const crc = await crc32InThread(block.subarray(0, n));
 * ```
 */
export function crc32InThread(bytes: Uint8Array): Promise<number> {
  const buffer = bytes.buffer;
  if (!(buffer instanceof SharedArrayBuffer)) return Promise.reject(new TypeError("crc32InThread needs bytes in a SharedArrayBuffer"));
  worker ??= start();
  const id = nextId++;
  if (waiting.size === 0) worker.ref();
  return new Promise<number>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker?.postMessage([id, buffer, bytes.byteOffset, bytes.byteLength]);
  });
}

/**
 * Stops the worker (pending requests fail); the next request starts a new one. For tests and for
 * processes that want the memory back at once.
 *
 * @example
 * ```ts
 * await stopCrc32Thread();
 * ```
 */
export async function stopCrc32Thread(): Promise<void> {
  const w = worker;
  if (!w) return;
  fail(new Error("the CRC32 worker thread was stopped"));
  await w.terminate();
}
