// Finds PostgreSQL's server binaries from the Debian package `postgresql` (initdb, postgres and
// pg_isready under /usr/lib/postgresql/<version>/bin), installing the package when we may (root
// with apt-get), as tools/activemq does for its broker. The package's own cluster and init
// scripts are never used: start.ts runs a throw-away cluster with a config of ours.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const ROOT = "/usr/lib/postgresql";

function find(): string | undefined {
  const given = process.env.CATKIT_POSTGRES_BIN;
  if (given) return existsSync(join(given, "postgres")) ? given : undefined;
  if (!existsSync(ROOT)) return undefined;
  const versions = readdirSync(ROOT).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(ROOT, v, "bin")).find((bin) => existsSync(join(bin, "postgres")) && existsSync(join(bin, "initdb")));
}

/**
 * The directory holding initdb, postgres and pg_isready; installs Debian's `postgresql` first
 * when it is missing and this process is root on a machine with apt. Throws with the reason
 * otherwise.
 *
 * @example
 * ```ts
 * const bin = ensurePostgres();
 * ```
 */
export function ensurePostgres(log: (line: string) => void = () => {}): string {
  const found = find();
  if (found) return found;
  const canInstall = process.platform === "linux" && process.getuid?.() === 0 && spawnSync("apt-get", ["--version"]).status === 0;
  if (!canInstall) {
    throw new Error("PostgreSQL is not installed and cannot be installed from here (needs root and apt-get). Install the Debian package `postgresql`, or set CATKIT_POSTGRES_BIN to its bin directory.");
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  log("postgres: installing the Debian package (apt-get update && apt-get install postgresql)");
  execFileSync("apt-get", ["update", "-qq"], { env, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "postgresql"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const installed = find();
  if (!installed) throw new Error(`apt-get installed postgresql but no server binaries were found under ${ROOT}`);
  return installed;
}
