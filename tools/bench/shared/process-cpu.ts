// CPU seconds a process has used (user + system), from Linux /proc: on a shared machine CPU time
// varies far less than wall time, and per process it shows where a multi-process case spends.
import { readFileSync } from "node:fs";

/**
 * CPU seconds used so far by process `pid` (its own, not its children's); NaN off Linux.
 *
 * @example
 * ```ts
 * const before = processCpuSeconds(child.pid ?? 0);
 * ```
 */
export function processCpuSeconds(pid: number): number {
  try {
    // Fields after "comm)": state is [0], utime [11], stime [12], in clock ticks (USER_HZ 100).
    const fields = (readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1] ?? "").split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * Measures the CPU seconds each named process spends while `work` runs.
 *
 * @example
 * ```ts
 * const { value, cpu } = await withCpu({ client: process.pid, gateway: child.pid ?? 0 }, () => download());
 * ```
 */
export async function withCpu<T>(pids: Record<string, number>, work: () => Promise<T>): Promise<{ value: T; cpu: Record<string, number> }> {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuSeconds(pid)]));
  const value = await work();
  const cpu = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuSeconds(pid) - (before[name] ?? 0)]));
  return { value, cpu };
}
