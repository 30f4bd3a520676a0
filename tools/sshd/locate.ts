// Finds OpenSSH's sshd from the Debian package `openssh-server`, installing it when we may (as
// tools/activemq does for the broker). The package's own service is never used: start.ts runs
// the binary with a config of ours (policy-rc.d keeps apt from starting the system daemon in
// containers; on a machine where it does start, we still never talk to it).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Where sshd and the SFTP server binary are. */
export interface SshdInstall {
  sshd: string;
  sftpServer: string;
}

const SSHD = "/usr/sbin/sshd";
const SFTP_SERVER = "/usr/lib/openssh/sftp-server";

function find(): SshdInstall | undefined {
  const sshd = process.env.CATKIT_SSHD ?? SSHD;
  if (!existsSync(sshd)) return undefined;
  return { sshd, sftpServer: existsSync(SFTP_SERVER) ? SFTP_SERVER : "internal-sftp" };
}

function canInstall(): boolean {
  return process.platform === "linux" && process.getuid?.() === 0 && spawnSync("apt-get", ["--version"]).status === 0;
}

/**
 * Returns the sshd installation, installing `openssh-server` first when it is missing and this
 * process is root on a machine with apt. Throws with the reason otherwise.
 *
 * @example
 * ```ts
 * const { sshd } = ensureSshd();
 * ```
 */
export function ensureSshd(log: (line: string) => void = () => {}): SshdInstall {
  const found = find();
  if (found) return found;
  if (!canInstall()) {
    throw new Error("OpenSSH's sshd is not installed and cannot be installed from here (needs root and apt-get). Install the Debian package `openssh-server`, or set CATKIT_SSHD to the sshd binary.");
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  log("sshd: installing the Debian package (apt-get update && apt-get install openssh-server)");
  execFileSync("apt-get", ["update", "-qq"], { env, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "openssh-server", "openssh-sftp-server"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const installed = find();
  if (!installed) throw new Error("apt-get installed openssh-server but /usr/sbin/sshd was not found");
  return installed;
}

const NSS_WRAPPER_PATHS = ["/usr/lib/x86_64-linux-gnu/libnss_wrapper.so", "/usr/lib/aarch64-linux-gnu/libnss_wrapper.so", "/usr/lib64/libnss_wrapper.so", "/usr/lib/libnss_wrapper.so"];

/**
 * Returns the path of nss_wrapper (Debian package `libnss-wrapper`), installing it when missing
 * and this process is root with apt. sshd reads the password user from a passwd file of ours
 * through it, so no account is ever added to the machine.
 *
 * @example
 * ```ts
 * const lib = ensureNssWrapper();
 * ```
 */
export function ensureNssWrapper(log: (line: string) => void = () => {}): string {
  const find = () => [process.env.CATKIT_NSS_WRAPPER, ...NSS_WRAPPER_PATHS].find((p): p is string => p !== undefined && existsSync(p));
  const found = find();
  if (found) return found;
  if (!canInstall()) {
    throw new Error("nss_wrapper is not installed and cannot be installed from here (needs root and apt-get). Install the Debian package `libnss-wrapper`, or set CATKIT_NSS_WRAPPER to libnss_wrapper.so.");
  }
  log("sshd: installing the Debian package libnss-wrapper (for the password user)");
  // A fresh machine may have sshd (no install above, so no update yet) but no package lists.
  execFileSync("apt-get", ["update", "-qq"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "libnss-wrapper"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, stdio: ["ignore", "ignore", "inherit"] });
  const installed = find();
  if (!installed) throw new Error("apt-get installed libnss-wrapper but libnss_wrapper.so was not found");
  return installed;
}
