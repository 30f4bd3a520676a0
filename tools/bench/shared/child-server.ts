// Starts a bench server script in its own process (so client and server do not share an event
// loop or a core) and resolves the origin it prints on its first stdout line.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { onCpu } from "./cpu-pinning.ts";

/** A server running in a child process. */
export interface ChildServer {
  origin: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Spawns `node <script> [...args]` (on CPU `options.cpu` when given: see cpu-pinning.ts; with
 * `options.nodeArgs` instead of this process's Node flags when given) and waits for it to print
 * `origin=<url>`.
 *
 * @example
 * ```ts
 * const server = await startChildServer(new URL("./server.ts", import.meta.url).pathname);
 * ```
 */
export function startChildServer(script: string, args: string[] = [], options: { cpu?: number | undefined; nodeArgs?: readonly string[] } = {}): Promise<ChildServer> {
  // By default the runner's own flags (e.g. --conditions=@catkit/source) carry over to the child.
  const [file, argv] = onCpu(options.cpu, [...(options.nodeArgs ?? process.execArgv), script, ...args]);
  const child = spawn(file, argv, { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bench server exited early (code ${code})`)));
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      if (!line.startsWith("origin=")) return;
      resolve({
        origin: line.slice("origin=".length),
        child,
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
