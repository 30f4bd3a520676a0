// Small helpers the test services (tools/activemq, tools/sshd) share: a free loopback port and
// waiting for a child process to exit.
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/**
 * A port that is free on 127.0.0.1 right now.
 *
 * @example
 * ```ts
 * const port = await freePort();
 * ```
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Resolves true once `child` has exited, false after `ms`.
 *
 * @example
 * ```ts
 * if (!(await waitExit(child, 5_000))) child.kill("SIGKILL");
 * ```
 */
export function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
