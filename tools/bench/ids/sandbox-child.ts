// Runs sandbox-process.ts in its own process and talks to it over stdin/stdout.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** The sandbox process. */
export interface SandboxChild {
  origin: string;
  /** The sandbox process's id (to read its CPU time). */
  pid: number;
  /** Sets the sandbox's catalogue latency, ms. */
  setLatency(ms: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the sandbox process and waits until it has seeded its data.
 *
 * @example
 * ```ts
 * const sandbox = await startSandboxChild(infoPath, dataDir);
 * await sandbox.setLatency(10);
 * ```
 */
export function startSandboxChild(infoPath: string, dataDir: string): Promise<SandboxChild> {
  const child = spawn(process.execPath, [new URL("./sandbox-process.ts", import.meta.url).pathname, infoPath, dataDir], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  const waiting: Array<() => void> = [];
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the sandbox process exited early (code ${code})`)));
    lines.on("line", (line) => {
      if (line === "ok") return waiting.shift()?.();
      if (!line.startsWith("origin=")) return;
      resolve({
        origin: line.slice("origin=".length),
        pid: child.pid ?? 0,
        setLatency: (ms) =>
          new Promise<void>((done) => {
            waiting.push(done);
            child.stdin.write(`latency ${ms}\n`);
          }),
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners("exit");
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}
