// Starts a throw-away PostgreSQL: initdb into a fresh temp dir with a project-owned config
// (loopback only, trust auth for the test user, no fsync), `postgres` on a free port, readiness
// by pg_isready, stop by SIGINT (PostgreSQL's "fast" shutdown). PostgreSQL refuses to run as
// root, so under root the cluster belongs to and runs as `nobody`.
import { execFileSync, spawn } from "node:child_process";
import { chownSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, waitExit } from "../service/process.ts";
import { ensurePostgres } from "./locate.ts";

/** A running PostgreSQL. */
export interface RunningPostgres {
  host: "127.0.0.1";
  port: number;
  user: string;
  database: string;
  /** postgres://user@127.0.0.1:port/database */
  url: string;
  pid: number;
  dir: string;
  stop(): Promise<void>;
}

const NOBODY = { uid: 65534, gid: 65534 };

const CONFIG = (port: number, dir: string) => `
# catkit test cluster (tools/postgres): loopback only, throw-away data
listen_addresses = '127.0.0.1'
port = ${port}
unix_socket_directories = '${dir}'
max_connections = 100
shared_buffers = 16MB
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
log_min_messages = warning
`;

function logTail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-20).join("\n");
  } catch {
    return "(no log)";
  }
}

/**
 * Starts PostgreSQL and waits until it accepts connections.
 *
 * @example
 * ```ts
 * const pg = await startPostgres();
 * // new pg.Pool({ connectionString: pg.url }) …
 * await pg.stop();
 * ```
 */
export async function startPostgres(o: { log?: (line: string) => void; startTimeoutMs?: number } = {}): Promise<RunningPostgres> {
  const log = o.log ?? (() => {});
  const bin = ensurePostgres(log);
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? NOBODY : {};
  const dir = mkdtempSync(join(tmpdir(), "catkit-postgres-"));
  const data = join(dir, "data");
  const logFile = join(dir, "postgres.log");
  writeFileSync(logFile, "");
  if (asRoot) {
    chmodSync(dir, 0o755);
    chownSync(dir, NOBODY.uid, NOBODY.gid);
    chownSync(logFile, NOBODY.uid, NOBODY.gid);
  }
  const user = "catkit";
  execFileSync(join(bin, "initdb"), ["-D", data, "-U", user, "--auth=trust", "-E", "UTF8", "--no-instructions", "--no-sync"], {
    ...owner, cwd: dir, env: { PATH: process.env.PATH ?? "", LANG: "C", LC_ALL: "C" }, stdio: ["ignore", "ignore", "pipe"],
  });
  const port = await freePort();
  writeFileSync(join(data, "postgresql.auto.conf"), CONFIG(port, dir));
  if (asRoot) chownSync(join(data, "postgresql.auto.conf"), NOBODY.uid, NOBODY.gid);
  const out = openSync(logFile, "a");
  const child = spawn(join(bin, "postgres"), ["-D", data], { ...owner, cwd: dir, env: { PATH: process.env.PATH ?? "", LANG: "C", LC_ALL: "C" }, stdio: ["ignore", out, out] });
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not spawn postgres");
  const onExit = () => child.kill("SIGKILL");
  process.once("exit", onExit);
  const stop = async () => {
    process.removeListener("exit", onExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGINT");
      if (!(await waitExit(child, 20_000))) {
        child.kill("SIGKILL");
        await waitExit(child, 5_000);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (o.startTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const tail = logTail(logFile);
      await stop();
      throw new Error(`postgres exited during start-up (code ${child.exitCode}):\n${tail}`);
    }
    try {
      execFileSync(join(bin, "pg_isready"), ["-q", "-h", "127.0.0.1", "-p", String(port), "-U", user, "-d", "postgres"], { stdio: "ignore" });
      const url = `postgres://${user}@127.0.0.1:${port}/postgres`;
      log(`postgres: ${url} (pid ${pid})`);
      return { host: "127.0.0.1", port, user, database: "postgres", url, pid, dir, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const tail = logTail(logFile);
  await stop();
  throw new Error(`postgres did not accept connections on 127.0.0.1:${port} within the start timeout:\n${tail}`);
}
