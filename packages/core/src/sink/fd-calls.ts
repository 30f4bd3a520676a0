// Promise forms of the few file-descriptor calls the data path makes. util.promisify would do,
// but node:util costs every client 3 MiB of resident memory (issue 11's RSS goal), and
// fs/promises' FileHandle objects are costly to create and collect by the thousand (downloadMany).
import { close, fsync, ftruncate, open, read } from "node:fs";

const settle =
  <T>(resolve: (value: T) => void, reject: (err: Error) => void) =>
  (err: Error | null, value: T) =>
    err ? reject(err) : resolve(value);

/**
 * Opens `path` with `flags` (as fs.open), resolving with the descriptor.
 *
 * @example
 * ```ts
 * const fd = await openFd("/data/.scan.nxs.part", "w");
 * ```
 */
export function openFd(path: string, flags: string): Promise<number> {
  return new Promise((resolve, reject) => open(path, flags, settle(resolve, reject)));
}

/**
 * Closes a descriptor.
 *
 * @example
 * ```ts
 * await closeFd(fd);
 * ```
 */
export function closeFd(fd: number): Promise<void> {
  return new Promise((resolve, reject) => close(fd, (err) => (err ? reject(err) : resolve())));
}

/**
 * Reads up to `length` bytes at `position` into `buffer` (from its start), resolving with the count.
 *
 * @example
 * ```ts
 * const n = await readFd(fd, buffer, buffer.length, 0);
 * ```
 */
export function readFd(fd: number, buffer: Buffer, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => read(fd, buffer, 0, length, position, settle(resolve, reject)));
}

/**
 * Truncates the file to `length` bytes.
 *
 * @example
 * ```ts
 * await truncateFd(fd, 0);
 * ```
 */
export function truncateFd(fd: number, length: number): Promise<void> {
  return new Promise((resolve, reject) => ftruncate(fd, length, (err) => (err ? reject(err) : resolve())));
}

/**
 * Flushes the file to disk (fsync).
 *
 * @example
 * ```ts
 * await syncFd(fd);
 * ```
 */
export function syncFd(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fsync(fd, (err) => (err ? reject(err) : resolve())));
}
