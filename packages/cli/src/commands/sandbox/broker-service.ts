// --broker: a real ActiveMQ on loopback through the project's tools/activemq script (it fetches
// ActiveMQ and runs it with a project-owned config; it needs Java). That script is part of the
// catkit repository, not of the published package: from an npm install this says so and stops.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { UsageError } from "../../runtime/exit-codes.js";
import type { SandboxService } from "./service.js";

const SCRIPT = join("tools", "activemq", "cli.ts");

/**
 * The repository's broker script: searched upwards from the working directory and from this file.
 *
 * @example
 * ```ts
 * brokerScript(process.cwd()); // "/src/catkit/tools/activemq/cli.ts" or undefined
 * ```
 */
export function brokerScript(cwd: string): string | undefined {
  for (let dir of [resolve(cwd), dirname(fileURLToPath(import.meta.url))]) {
    for (;;) {
      if (existsSync(join(dir, SCRIPT))) return join(dir, SCRIPT);
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return undefined;
}

/**
 * The broker script, or a usage error saying that --broker needs a catkit checkout.
 *
 * @example
 * ```ts
 * const script = requireBrokerScript(process.cwd());
 * ```
 */
export function requireBrokerScript(cwd: string): string {
  const script = brokerScript(cwd);
  if (!script) throw new UsageError(`--broker needs a checkout of the catkit repository (it runs ${SCRIPT}, which the npm package does not ship): run catkit sandbox --broker from inside the checkout, or start ActiveMQ yourself and pass --queue host:port`);
  return script;
}

/**
 * ActiveMQ (STOMP) via tools/activemq.
 *
 * @example
 * ```ts
 * const running = await brokerService.start({ host: "127.0.0.1", demo: false, log: console.error, shared, signal });
 * ```
 */
export const brokerService: SandboxService = {
  name: "broker",
  async start({ log, shared, signal }) {
    const script = requireBrokerScript(process.cwd());
    log(`starting ActiveMQ with ${script} (needs Java; the first run downloads ActiveMQ)…`);
    const child = spawn(process.execPath, [script], { cwd: dirname(dirname(dirname(script))), stdio: ["ignore", "pipe", "pipe"] });
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr = (stderr + c).slice(-2000)));
    const started = await new Promise<{ host: string; stompPort: number }>((done, fail) => {
      const lines = createInterface({ input: child.stdout });
      lines.once("line", (line) => done(JSON.parse(line) as { host: string; stompPort: number }));
      child.once("exit", (code) => fail(new Error(`the broker script exited (${String(code)}) before the broker answered: ${stderr.trim().split("\n").at(-1) ?? ""}`)));
      signal.addEventListener("abort", () => void stop().then(() => fail(new Error("interrupted while the broker started"))), { once: true });
    });
    const address = `${started.host}:${started.stompPort}`;
    shared.brokers = [address];
    return { name: "ActiveMQ", urls: { STOMP: `stomp://${address}` }, notes: [`icat-store-* and icat-sync-raw --register: --queue ${address}`], close: stop };
  },
};
