// The floor of the SFTP comparison (BENCH_FLOOR=1): what ssh2 itself moves with catkit's settings —
// Nagle off, aes128-gcm, 255 KiB requests (OpenSSH's limits@openssh.com), ~2 MiB ahead per file,
// 8 files at once — with no catkit code, no hashing and no verification, as `sftp -b` does. It
// separates the cost of ssh2 on one JavaScript thread from the cost of what catkit adds (blake2b,
// temp file + rename, never-overwrite checks, progress).
import { open } from "node:fs/promises";
import { Client, type SFTPWrapper } from "ssh2";
import type { RunningSshd } from "../../sshd/start.ts";

const REQUEST = 261_120;
const AHEAD = 9;
const FILES_AT_ONCE = 8;

/** One file to move: remote → local for "get", local → remote for "put". */
export interface FloorFile {
  from: string;
  to: string;
  size: number;
}

const ask = <T>(fn: (cb: (err: Error | null | undefined, value: T) => void) => void) =>
  new Promise<T>((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));

async function get(sftp: SFTPWrapper, f: FloorFile, pool: Buffer[]): Promise<void> {
  const handle = await ask<Buffer>((cb) => sftp.open(f.from, "r", cb));
  const out = await open(f.to, "w");
  const reads: Array<Promise<[Buffer, number]>> = [];
  let position = 0;
  const next = () => {
    const [at, buffer] = [position, pool.pop() ?? Buffer.allocUnsafe(REQUEST)];
    position += REQUEST;
    reads.push(ask<number>((cb) => sftp.read(handle, buffer, 0, REQUEST, at, (err, n) => cb(err, n))).then((n) => [buffer, n]));
  };
  while (reads.length < AHEAD && position < f.size) next();
  for (let read = reads.shift(); read; read = reads.shift()) {
    const [buffer, n] = await read;
    if (position < f.size) next();
    await out.write(buffer, 0, n, null);
    pool.push(buffer);
  }
  await out.close();
  await ask<void>((cb) => sftp.close(handle, (err) => cb(err, undefined)));
}

async function put(sftp: SFTPWrapper, f: FloorFile, pool: Buffer[]): Promise<void> {
  const handle = await ask<Buffer>((cb) => sftp.open(f.to, "wx", cb));
  const source = await open(f.from, "r");
  const writes = new Set<Promise<void>>();
  for (let position = 0; ; ) {
    while (writes.size >= AHEAD) await Promise.race(writes);
    const buffer = pool.pop() ?? Buffer.allocUnsafe(REQUEST);
    const { bytesRead } = await source.read(buffer, 0, REQUEST, position);
    if (bytesRead === 0) break;
    const write: Promise<void> = ask<void>((cb) => sftp.write(handle, buffer, 0, bytesRead, position, (err) => cb(err, undefined))).then(() => {
      writes.delete(write);
      pool.push(buffer);
    });
    writes.add(write);
    position += bytesRead;
  }
  await Promise.all(writes);
  await source.close();
  await ask<void>((cb) => sftp.close(handle, (err) => cb(err, undefined)));
}

/**
 * Moves `files` over one raw ssh2 connection to `sshd`, 8 at a time.
 *
 * @example
 * ```ts
 * await floorTransfer(sshd, "get", [{ from: "/data/a.bin", to: "/tmp/a.bin", size: 8 << 20 }]);
 * ```
 */
export async function floorTransfer(sshd: RunningSshd, mode: "get" | "put", files: readonly FloorFile[]): Promise<void> {
  const client = new Client();
  const sftp = await new Promise<SFTPWrapper>((resolve, reject) => {
    client.once("error", reject);
    client.once("ready", () => client.sftp((err, s) => (err ? reject(err) : resolve(s))));
    client.connect({ host: sshd.host, port: sshd.port, username: sshd.username, privateKey: sshd.privateKey, algorithms: { cipher: ["aes128-gcm@openssh.com"] } });
    client.setNoDelay(true);
  });
  try {
    const pool: Buffer[] = [];
    let next = 0;
    const lane = async () => {
      for (let f = files[next++]; f; f = files[next++]) await (mode === "get" ? get(sftp, f, pool) : put(sftp, f, pool));
    };
    await Promise.all(Array.from({ length: FILES_AT_ONCE }, lane));
  } finally {
    client.end();
  }
}
