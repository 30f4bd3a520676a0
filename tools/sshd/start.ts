// Starts a throw-away OpenSSH server for SFTP tests: a temp dir holding a fresh host key, a
// fresh client key pair, authorized_keys and an sshd_config of ours, on a free loopback port.
// The machine's own sshd (if any) and its config and keys are never touched.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { Socket } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { ensureSshd } from "./locate.ts";
import { preparePasswordUser, type PasswordUser } from "./password-user.ts";
import { freePort, waitExit } from "../service/process.ts";

/** A running sshd. */
export interface RunningSshd {
  host: "127.0.0.1";
  port: number;
  /** The user the tests log in as (the one running them). */
  username: string;
  /** The client's private key (OpenSSH format) and its path. */
  privateKey: string;
  privateKeyPath: string;
  /** The server's host public key line ("ssh-ed25519 AAAA…"). */
  hostKey: string;
  /** A user that logs in with a password (when started with `passwordUser: true`). */
  passwordUser?: PasswordUser;
  /** Temp dir; removed by stop(). Tests may keep their remote files under `${dir}/data`. */
  dir: string;
  pid: number;
  stop(): Promise<void>;
}

/** Resolves true when host:port sends an SSH identification line. */
export function sshAnswers(host: string, port: number, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.once("data", (chunk) => done(chunk.toString("latin1").startsWith("SSH-2.0-")));
    socket.connect(port, host);
  });
}

function keygen(path: string, comment: string): void {
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", path], { stdio: "ignore" });
}

function config(dir: string, port: number, sftpServer: string, root: boolean): string {
  return [
    `Port ${port}`,
    "ListenAddress 127.0.0.1",
    `HostKey ${join(dir, "host_ed25519_key")}`,
    `PidFile ${join(dir, "sshd.pid")}`,
    `AuthorizedKeysFile ${join(dir, "authorized_keys")}`,
    // the temp dir is not owned the way StrictModes wants
    "StrictModes no",
    "PubkeyAuthentication yes",
    "PasswordAuthentication yes",
    "KbdInteractiveAuthentication no",
    "UsePAM no",
    `PermitRootLogin ${root ? "prohibit-password" : "no"}`,
    "MaxStartups 64",
    "MaxSessions 64",
    "LogLevel ERROR",
    `Subsystem sftp ${sftpServer}`,
    "",
  ].join("\n");
}

/**
 * Starts sshd with a project-owned config and throw-away keys; rejects (never "skips") when it
 * cannot start, with its log.
 *
 * @example
 * ```ts
 * const sshd = await startSshd();
 * // connect with ssh2 to 127.0.0.1:sshd.port as sshd.username using sshd.privateKey …
 * await sshd.stop();
 * ```
 */
export async function startSshd(options: { log?: (line: string) => void; startTimeoutMs?: number; passwordUser?: boolean } = {}): Promise<RunningSshd> {
  const log = options.log ?? (() => {});
  const install = ensureSshd(log);
  const root = process.getuid?.() === 0;
  // sshd running as root insists on its privilege-separation directory (the package's service creates it at boot)
  if (root && !existsSync("/run/sshd")) mkdirSync("/run/sshd", { recursive: true, mode: 0o755 });
  const dir = mkdtempSync(join(tmpdir(), "catkit-sshd-"));
  mkdirSync(join(dir, "data"));
  keygen(join(dir, "host_ed25519_key"), "catkit-test-host");
  keygen(join(dir, "client_ed25519"), "catkit-test-client");
  writeFileSync(join(dir, "authorized_keys"), readFileSync(join(dir, "client_ed25519.pub")));
  const port = await freePort();
  writeFileSync(join(dir, "sshd_config"), config(dir, port, install.sftpServer, root));
  const password = options.passwordUser ? preparePasswordUser(dir, log) : undefined;
  const out = openSync(join(dir, "sshd.log"), "a");
  const child = spawn(install.sshd, ["-D", "-e", "-f", join(dir, "sshd_config")], { stdio: ["ignore", out, out], env: { ...process.env, ...password?.env } });
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not spawn sshd");
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      if (!(await waitExit(child, 5_000))) child.kill("SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const onExit = () => child.kill("SIGKILL");
  process.once("exit", onExit);
  const tail = () => {
    try {
      return readFileSync(join(dir, "sshd.log"), "utf8").split("\n").slice(-20).join("\n");
    } catch {
      return "(no sshd.log)";
    }
  };
  const deadline = Date.now() + (options.startTimeoutMs ?? 20_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const text = tail();
      await stop();
      throw new Error(`sshd exited during start-up (code ${child.exitCode}):\n${text}`);
    }
    if (await sshAnswers("127.0.0.1", port)) {
      log(`sshd: listening on 127.0.0.1:${port} (pid ${pid})`);
      return {
        host: "127.0.0.1",
        port,
        username: userInfo().username,
        privateKey: readFileSync(join(dir, "client_ed25519"), "utf8"),
        privateKeyPath: join(dir, "client_ed25519"),
        hostKey: readFileSync(join(dir, "host_ed25519_key.pub"), "utf8").trim(),
        ...(password ? { passwordUser: password.user } : {}),
        dir,
        pid,
        stop: async () => {
          process.removeListener("exit", onExit);
          await stop();
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const text = tail();
  await stop();
  throw new Error(`sshd did not answer on 127.0.0.1:${port} within the start timeout:\n${text}`);
}
