// CPU profiles of a bench server's measuring window only: `node --cpu-prof` would also record
// start-up, the warm-up and the rounds of the other server. With BENCH_PROFILE=<dir>, a child
// that called profileOnSignal() starts V8's profiler (node:inspector) on the runner's first
// SIGUSR2 and writes <dir>/<name>-<n>.cpuprofile on the next (open it in Chrome DevTools, or
// summarise it with profile-summary.ts); the runner brackets each measured round with
// profiledWindow(). SIGUSR1 is Node's inspector signal, so SIGUSR2.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";

const DIR = process.env.BENCH_PROFILE;

/**
 * In a bench child: profiles between two SIGUSR2 (only when BENCH_PROFILE is set).
 *
 * @example
 * ```ts
 * profileOnSignal("gateway");
 * ```
 */
export function profileOnSignal(name: string): void {
  if (!DIR) return;
  const session = new Session();
  session.connect();
  let running = false;
  let n = 0;
  process.on("SIGUSR2", () => {
    if (!running) {
      running = true;
      session.post("Profiler.enable", () => session.post("Profiler.start"));
      return;
    }
    running = false;
    session.post("Profiler.stop", (err, result) => {
      if (!err) writeFileSync(join(DIR, `${name}-${++n}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}

/**
 * In the runner: runs `work` with the child `pid` profiling (when BENCH_PROFILE is set).
 *
 * @example
 * ```ts
 * const rate = await profiledWindow(gateway.child.pid ?? 0, () => rps(url));
 * ```
 */
export async function profiledWindow<T>(pid: number, work: () => Promise<T>): Promise<T> {
  if (!DIR || !pid) return work();
  process.kill(pid, "SIGUSR2");
  try {
    return await work();
  } finally {
    process.kill(pid, "SIGUSR2");
  }
}
