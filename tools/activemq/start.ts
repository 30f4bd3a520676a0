// Starts a throw-away ActiveMQ broker: `java -jar activemq.jar start xbean:file:<our config>`,
// waits until its STOMP connector answers a CONNECT frame, and stops it by pid.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LOG4J_PROPERTIES, renderBrokerXml } from "./broker-config.ts";
import { assertJava, ensureActivemq } from "./locate.ts";
import { freePort, waitExit } from "../service/process.ts";

/** A broker started by {@link startBroker}. */
export interface RunningBroker {
  host: "127.0.0.1";
  stompPort: number;
  openwirePort: number;
  pid: number;
  /** Dir holding the config, the KahaDB data and broker.log; removed by stop() unless given as `dir`. */
  dir: string;
  stop(): Promise<void>;
}

export interface StartBrokerOptions {
  /** STOMP port; default: $CATKIT_ACTIVEMQ_STOMP_PORT or a free port. */
  stompPort?: number;
  /**
   * Reuse this directory (config, KahaDB, log) instead of a fresh temp dir, and keep it on stop:
   * restarting a broker on the same dir and port keeps its persistent messages (fault tests).
   */
  dir?: string;
  /** KahaDB journal fsyncs (default true); benchmarks turn them off (see broker-config.ts). */
  journalDiskSyncs?: boolean;
  /** How long to wait for STOMP to answer; default 90 s (a cold JVM on a busy CI machine). */
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

/** Resolves true when a STOMP CONNECT on host:port gets a CONNECTED frame back. */
export function stompAnswers(host: string, port: number, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    let seen = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.on("data", (chunk) => {
      seen += chunk.toString("utf8");
      if (seen.startsWith("CONNECTED")) done(true);
      else if (seen.includes("\0")) done(false);
    });
    socket.connect(port, host, () => socket.write("CONNECT\naccept-version:1.0,1.1,1.2\nhost:localhost\n\n\0"));
  });
}

function logTail(dir: string): string {
  try {
    return readFileSync(join(dir, "broker.log"), "utf8").split("\n").slice(-25).join("\n");
  } catch {
    return "(no broker.log)";
  }
}

/**
 * Starts ActiveMQ with a project-owned config in a fresh temp dir and waits until STOMP answers.
 * Rejects (never resolves to a "skip") when the broker cannot start, with the end of its log.
 *
 * @example
 * ```ts
 * const broker = await startBroker();
 * // connect stompit to 127.0.0.1:broker.stompPort …
 * await broker.stop();
 * ```
 */
export async function startBroker(options: StartBrokerOptions = {}): Promise<RunningBroker> {
  const log = options.log ?? (() => {});
  const install = ensureActivemq(log);
  assertJava();
  const envPort = process.env.CATKIT_ACTIVEMQ_STOMP_PORT;
  const stompPort = options.stompPort ?? (envPort ? Number(envPort) : await freePort());
  const openwirePort = await freePort();
  const ownsDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "catkit-activemq-"));
  mkdirSync(dir, { recursive: true });
  const dataDir = join(dir, "data");
  writeFileSync(join(dir, "activemq.xml"), renderBrokerXml({ dataDir, stompPort, openwirePort, journalDiskSyncs: options.journalDiskSyncs ?? true }));
  writeFileSync(join(dir, "log4j.properties"), LOG4J_PROPERTIES);
  const out = openSync(join(dir, "broker.log"), "a");
  const child = spawn(
    "java",
    [
      "-Xms64m",
      "-Xmx256m",
      "-Djava.awt.headless=true",
      `-Dactivemq.home=${install.home}`,
      `-Dactivemq.base=${dir}`,
      `-Dactivemq.conf=${dir}`,
      `-Dactivemq.data=${dataDir}`,
      `-Dlog4j.configuration=file:${join(dir, "log4j.properties")}`,
      "-jar",
      install.jar,
      "start",
      `xbean:file:${join(dir, "activemq.xml")}`,
    ],
    { stdio: ["ignore", out, out] },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not spawn java for ActiveMQ");
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      if (!(await waitExit(child, 20_000))) {
        child.kill("SIGKILL");
        await waitExit(child, 5_000);
      }
    }
    if (ownsDir) rmSync(dir, { recursive: true, force: true });
  };
  // If the test process exits without teardown, do not leave a JVM behind.
  const onExit = () => child.kill("SIGKILL");
  process.once("exit", onExit);

  const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const tail = logTail(dir);
      await stop();
      throw new Error(`ActiveMQ exited during start-up (code ${child.exitCode}):\n${tail}`);
    }
    if (await stompAnswers("127.0.0.1", stompPort)) {
      log(`activemq: STOMP on 127.0.0.1:${stompPort} (pid ${pid})`);
      return {
        host: "127.0.0.1",
        stompPort,
        openwirePort,
        pid,
        dir,
        stop: async () => {
          process.removeListener("exit", onExit);
          await stop();
        },
      };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const tail = logTail(dir);
  await stop();
  throw new Error(`ActiveMQ did not answer STOMP on 127.0.0.1:${stompPort} within the start timeout:\n${tail}`);
}
