// One SSH connection with its SFTP channel, on the `ssh2` library (loaded on first use, so the
// client entry point does not pay for it), with the few SFTP calls the transfer needs as
// promises. SFTP status codes come back as `err.code` (2 = no such file, 4 = failure).
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import type { Client, ConnectConfig, SFTPWrapper, Stats } from "ssh2";
import { FileTransferError } from "../errors/transfer-errors.js";

/**
 * How to reach and authenticate to the SFTP server.
 *
 * @example
 * ```ts
 * const options: SftpConnectOptions = { host: "login.example.org", username: "ada", password, hostKey: "SHA256:…" };
 * ```
 */
export interface SftpConnectOptions {
  host: string;
  port?: number;
  username: string;
  /** Password authentication. */
  password?: string;
  /** Private key (OpenSSH or PEM text), or a path to read it from. */
  privateKey?: string | Buffer;
  privateKeyPath?: string;
  passphrase?: string;
  /**
   * The server's host key: its public key line ("ssh-ed25519 AAAA…") or SHA256 fingerprint
   * ("SHA256:…"). Without it any host key is accepted (as scitacean's paramiko set-up does).
   */
  hostKey?: string;
  /** Connection timeout, ms (default 20 s). */
  readyTimeoutMs?: number;
}

/** An open SSH + SFTP session. */
export interface SftpSession {
  readonly sftp: SFTPWrapper;
  /** Largest read and write request, in bytes, the server takes whole (see {@link requestLimit}). */
  readonly maxRead: number;
  readonly maxWrite: number;
  stat(path: string): Promise<Stats | undefined>;
  mkdirs(dir: string): Promise<void>;
  unlink(path: string): Promise<void>;
  rmdir(path: string): Promise<boolean>;
  close(): void;
}

function fingerprintMatches(expected: string, key: Buffer): boolean {
  if (expected.startsWith("SHA256:")) return `SHA256:${createHash("sha256").update(key).digest("base64").replace(/=+$/, "")}` === expected;
  const blob = expected.trim().split(/\s+/)[1];
  return blob !== undefined && Buffer.from(blob, "base64").equals(key);
}

/** OpenSSH's sftp never asks for more per request (SFTP_MAX_MSG_LENGTH - 1024, sftp-client.c). */
const MAX_REQUEST = 256 * 1024 - 1024;

/**
 * The request size to use: what ssh2 negotiated, at most 255 KiB. ssh2 reads OpenSSH's
 * limits@openssh.com answer (255 KiB reads and writes for OpenSSH 9) and assumes ~32 KiB for
 * other servers, but keeps the figures private (`_maxReadLen`, `_maxWriteLen`), so they are read
 * defensively. A larger request would be split by ssh2 into requests sent one after another.
 * OpenSSH's sftp uses the same limits (`debug3: server upload/download buffer sizes 261120`):
 * 255 KiB requests move 8× fewer requests, answers and callbacks than 32 KiB ones.
 */
function requestLimit(sftp: SFTPWrapper, field: "_maxReadLen" | "_maxWriteLen"): number {
  const value = (sftp as unknown as Record<string, unknown>)[field];
  return typeof value === "number" && value > 0 ? Math.min(value, MAX_REQUEST) : 32 * 1024 - 2048;
}

const call = <T>(fn: (cb: (err: Error | undefined | null, value: T) => void) => void) =>
  new Promise<T>((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));

/** Connects and opens the SFTP channel; failures become FileTransferError. */
export async function openSftp(options: SftpConnectOptions, signal?: AbortSignal): Promise<SftpSession> {
  const { Client: SshClient } = await import("ssh2");
  const privateKey = options.privateKey ?? (options.privateKeyPath ? await readFile(options.privateKeyPath) : undefined);
  const where = `${options.username}@${options.host}:${options.port ?? 22}`;
  const client: Client = new SshClient();
  const config: ConnectConfig = {
    host: options.host,
    port: options.port ?? 22,
    username: options.username,
    readyTimeout: options.readyTimeoutMs ?? 20_000,
    // AES-GCM first: node's OpenSSL does it in hardware, while ssh2's chacha20-poly1305 falls
    // back to JavaScript when its optional native addon is not built (pnpm skips install
    // scripts) — a 2-3× difference in throughput.
    algorithms: { cipher: ["aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr", "chacha20-poly1305@openssh.com"] },
    ...(options.password === undefined ? {} : { password: options.password }),
    ...(privateKey === undefined ? {} : { privateKey }),
    ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
    ...(options.hostKey === undefined ? {} : { hostVerifier: (key: Buffer) => fingerprintMatches(options.hostKey as string, key) }),
  };
  const sftp = await new Promise<SFTPWrapper>((resolve, reject) => {
    const onAbort = () => {
      client.end();
      reject(new FileTransferError(`connecting to ${where} was aborted`));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    client.once("error", (err) => {
      signal?.removeEventListener("abort", onAbort);
      const auth = (err as { level?: string }).level === "client-authentication";
      reject(new FileTransferError(auth ? `SFTP login to ${where} was refused (check the key or password)` : `cannot connect to ${where}: ${err.message}`, { cause: err }));
    });
    client.once("ready", () => {
      client.sftp((err, channel) => {
        signal?.removeEventListener("abort", onAbort);
        if (err) {
          client.end();
          reject(new FileTransferError(`${where} refused the SFTP subsystem: ${err.message}`, { cause: err }));
        } else resolve(channel);
      });
    });
    client.connect(config);
    // Nagle off (ssh2 leaves it on; node applies it once the socket connects): ssh2 writes every
    // SSH packet on its own, so a small one — an auth step, a read request, a window adjust —
    // waited for the ACK of the one before, a delayed ACK of 40 ms or more. Measured on loopback:
    // logging in took 216 ms instead of 48, and one file at a time moved 46 MiB/s instead of 209.
    client.setNoDelay(true);
  });
  // errors after set-up surface through the pending SFTP calls; keep the process alive-safe
  client.on("error", () => undefined);
  const noSuchFile = (err: unknown) => (err as { code?: unknown }).code === 2;
  const stat = async (path: string): Promise<Stats | undefined> => {
    try {
      return await call<Stats>((cb) => sftp.stat(path, cb));
    } catch (err) {
      if (noSuchFile(err)) return undefined;
      throw err;
    }
  };
  // Directories this session has seen or made: the files of a batch share their folders, and a
  // stat per path component per file cost a round trip each.
  const known = new Set<string>();
  return {
    sftp,
    maxRead: requestLimit(sftp, "_maxReadLen"),
    maxWrite: requestLimit(sftp, "_maxWriteLen"),
    stat,
    async mkdirs(dir) {
      const parts = dir.split("/").filter(Boolean);
      let path = "";
      for (const part of parts) {
        path += `/${part}`;
        if (known.has(path)) continue;
        const st = await stat(path);
        if (st === undefined) {
          try {
            await call<void>((cb) => sftp.mkdir(path, (err) => cb(err, undefined)));
          } catch (err) {
            if ((await stat(path)) === undefined) throw err; // lost a race with a concurrent upload: fine
          }
        } else if (!st.isDirectory()) throw new FileTransferError(`${path} exists on the file server and is not a directory`, { path, exists: true });
        known.add(path);
      }
    },
    unlink: (path) => call<void>((cb) => sftp.unlink(path, (err) => cb(err, undefined))),
    async rmdir(path) {
      try {
        await call<void>((cb) => sftp.rmdir(path, (err) => cb(err, undefined)));
        known.delete(path);
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.end(),
  };
}
