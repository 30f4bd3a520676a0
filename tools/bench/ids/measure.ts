// Runs one command under /usr/bin/time -v and returns its output, wall time and peak RSS.
import { spawnSync } from "node:child_process";
import { machineCpuTimes } from "../shared/process-cpu.ts";

/** What one measured run produced. */
export interface Measured {
  stdout: string;
  /** Wall clock time of the whole process, s. */
  wallSeconds: number;
  /** Peak resident set size, MiB. */
  maxRssMiB: number;
  /** Share of the machine's CPU time that was idle just before the run (1 = quiet). */
  idleBefore: number;
  /** CPU time of the process (user + system), s. */
  cpuSeconds: number;
}

function wallSeconds(text: string): number {
  const match = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(text);
  if (!match) throw new Error(`no wall time in /usr/bin/time output:\n${text}`);
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/**
 * Waits (up to `maxWaitMs`) until the machine's CPUs are at least 90% idle over half a second:
 * other processes on a shared machine skew a comparison between a C client and a Node one.
 * Returns the idle share seen last. Linux only; elsewhere it returns 1 at once.
 *
 * @example
 * ```ts
 * const idle = waitForQuiet();
 * ```
 */
export function waitForQuiet(maxWaitMs = 60_000): number {
  let idle: number;
  const deadline = Date.now() + maxWaitMs;
  do {
    let a: { idle: number; total: number };
    try {
      a = machineCpuTimes();
    } catch {
      return 1;
    }
    spawnSync("sleep", ["0.5"]);
    const b = machineCpuTimes();
    idle = (b.idle - a.idle) / Math.max(0.01, b.total - a.total);
  } while (idle < 0.9 && Date.now() < deadline);
  return idle;
}

/**
 * Flushes dirty pages first (so every run starts from the same disk state), waits for a quiet
 * machine, then runs `command`.
 *
 * @example
 * ```ts
 * const { stdout, maxRssMiB } = measure("curl", ["-sS", "-o", out, url]);
 * ```
 */
export function measure(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Measured {
  spawnSync("sync");
  // BENCH_QUIET_WAIT_MS bounds the wait on a machine that is never quiet (shared CI, other jobs).
  const idleBefore = waitForQuiet(Number(process.env.BENCH_QUIET_WAIT_MS ?? 60_000));
  const result = spawnSync("/usr/bin/time", ["-v", command, ...args], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024, ...(env ? { env } : {}) });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  const cpu = (what: string) => Number(new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(result.stderr)?.[1] ?? 0);
  return { stdout: result.stdout, wallSeconds: wallSeconds(result.stderr), maxRssMiB: Number(rss?.[1] ?? 0) / 1024, idleBefore, cpuSeconds: cpu("User") + cpu("System") };
}
