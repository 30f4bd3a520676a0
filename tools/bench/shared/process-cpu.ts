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
 * The machine's CPU time so far, summed over all CPUs (Linux /proc/stat, USER_HZ 100): idle
 * (idle + iowait) and total, in seconds. The first eight fields only: guest time is already
 * counted in user time. Throws off Linux.
 *
 * @example
 * ```ts
 * const { idle, total } = machineCpuTimes();
 * ```
 */
export function machineCpuTimes(): { idle: number; total: number } {
  const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1, 9).map(Number);
  return { idle: ((fields[3] ?? 0) + (fields[4] ?? 0)) / 100, total: fields.reduce((a, b) => a + b, 0) / 100 };
}

/**
 * CPU seconds all CPUs of the machine have been busy so far (everything but idle and iowait);
 * NaN off Linux.
 *
 * @example
 * ```ts
 * const before = machineBusySeconds();
 * ```
 */
export function machineBusySeconds(): number {
  try {
    const { idle, total } = machineCpuTimes();
    return total - idle;
  } catch {
    return Number.NaN;
  }
}

/**
 * Measures the CPU seconds each named process spends while `work` runs, and under `others` what
 * the rest of the machine spent meanwhile (other processes, the kernel's softirqs): a quiet run
 * has it near 0.
 *
 * @example
 * ```ts
 * const { value, cpu } = await withCpu({ client: process.pid, gateway: child.pid ?? 0 }, () => download());
 * ```
 */
export async function withCpu<T>(pids: Record<string, number>, work: () => Promise<T>): Promise<{ value: T; cpu: Record<string, number> }> {
  const read = (): Record<string, number> => ({ ...Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuSeconds(pid)])), machine: machineBusySeconds() });
  const before = read();
  const value = await work();
  const after = read();
  const cpu = Object.fromEntries(Object.keys(pids).map((name) => [name, (after[name] ?? 0) - (before[name] ?? 0)]));
  cpu.others = (after.machine ?? 0) - (before.machine ?? 0) - Object.values(cpu).reduce((a, b) => a + b, 0);
  return { value, cpu };
}
