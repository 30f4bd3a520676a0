// Gives the load generator and the servers under test a CPU each (Linux `taskset`, util-linux).
// Unpinned on a 2-core machine, autocannon (nearly a core of its own) and the server fight for
// both cores, and a req/s figure mostly says who won the scheduler: the share each gets differs
// from run to run and from one server to the other. Pinned, each server gets one whole CPU, the
// same for catkit and its reference. BENCH_PIN=0 turns it off; without taskset or with fewer than
// 2 CPUs allowed it is off and says why.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Where the processes of a bench run: CPU numbers, or undefined when not pinned. */
export interface CpuPinning {
  /** The CPU of the load generator (this process), undefined when not pinned. */
  readonly client: number | undefined;
  /** The CPU of every server child, undefined when not pinned. */
  readonly servers: number | undefined;
  /** One line for the table's header: what was pinned where, or why nothing was. */
  readonly note: string;
  /** Gives this process back the CPUs it had (children spawned later inherit its affinity). */
  release(): void;
}

function taskset(args: string[]): void {
  execFileSync("taskset", args, { stdio: "ignore" });
}

function hasTaskset(): boolean {
  try {
    taskset(["--version"]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The CPUs process `pid` may run on, as listed in /proc/<pid>/status ("0-1", "0,2-3"); [] off Linux.
 *
 * @example
 * ```ts
 * allowedCpus(child.pid ?? 0); // [1]
 * ```
 */
export function allowedCpus(pid: number | "self" = "self"): number[] {
  let list: string;
  try {
    list = /^Cpus_allowed_list:\s*(\S+)$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? "";
  } catch {
    return [];
  }
  return list.split(",").filter(Boolean).flatMap((range) => {
    const [from = 0, to = from] = range.split("-").map(Number);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

/**
 * Pins this process (every thread: autocannon's and the runtime's) to the first CPU it may use
 * and returns where server children go (the second), or returns why nothing was pinned. Call
 * `release()` before spawning what must not be pinned.
 *
 * @example
 * ```ts
 * const pinning = pinLoadGenerator();
 * const server = await startChildServer(script, [], { cpu: pinning.servers });
 * console.log(pinning.note);
 * pinning.release();
 * ```
 */
export function pinLoadGenerator(): CpuPinning {
  const off = (why: string): CpuPinning => ({ client: undefined, servers: undefined, note: `not pinned (${why}): the load generator and the servers share the CPUs, so the figures also say who won the scheduler`, release: () => undefined });
  if (process.env.BENCH_PIN === "0") return off("BENCH_PIN=0");
  const cpus = allowedCpus();
  const [client, servers] = cpus;
  if (client === undefined || servers === undefined) return off(cpus.length === 0 ? "no /proc: not Linux" : "only 1 CPU");
  if (!hasTaskset()) return off("taskset not found: install util-linux");
  const pin = (list: string) => taskset(["--all-tasks", "--pid", "--cpu-list", list, String(process.pid)]);
  pin(String(client));
  return {
    client,
    servers,
    note: `pinned with taskset: the load generator on CPU ${client}, every server process on CPU ${servers}`,
    release: () => pin(cpus.join(",")),
  };
}

/**
 * The command that runs `node …nodeArgs` on `cpu` (through taskset, which execs node: the
 * child's pid is node's), or node itself when `cpu` is undefined.
 *
 * @example
 * ```ts
 * const [file, args] = onCpu(1, [script]);
 * spawn(file, args);
 * ```
 */
export function onCpu(cpu: number | undefined, nodeArgs: readonly string[]): [string, string[]] {
  return cpu === undefined ? [process.execPath, [...nodeArgs]] : ["taskset", ["--cpu-list", String(cpu), process.execPath, ...nodeArgs]];
}
