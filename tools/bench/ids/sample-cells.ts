// The cells of the ids benchmark's table, from the samples of each client's runs: medians of
// speed and CPU time, worst peak RSS and event-loop lag, ratios, and the goal checks (issue 11).
import { median, type Row } from "../shared/table.ts";

/** One measured run of a client. */
export interface Sample {
  seconds: number;
  rss: number;
  lag?: number;
  idle: number;
  /** CPU seconds of the client process and of the sandbox during the run. */
  cpu: number;
  server: number;
}

const seconds = (samples: Sample[]) => median(samples.map((s) => s.seconds));
const worstRss = (samples: Sample[]) => Math.max(...samples.map((s) => s.rss));
const worstLag = (samples: Sample[]) => Math.max(...samples.map((s) => s.lag ?? 0));

/**
 * Formatters of the table's cells.
 *
 * @example
 * ```ts
 * cells.mibps(dl.curl); // 1064 (the median run's MiB/s)
 * cells.cpu(dl.curl); // "0.95 / 0.51": client / sandbox CPU seconds, medians
 * ```
 */
export const cells = {
  mibps: (samples: Sample[]) => 1024 / seconds(samples),
  filesps: (samples: Sample[]) => 1000 / seconds(samples),
  rss: (samples: Sample[]) => `${Math.round(worstRss(samples))} MiB`,
  lag: (samples: Sample[]) => (samples.every((s) => s.lag !== undefined) ? `${worstLag(samples).toFixed(1)} ms` : "—"),
  // On 2 cores the sum of the client's and the sandbox's CPU time bounds the speed.
  cpu: (samples: Sample[]) => `${median(samples.map((s) => s.cpu)).toFixed(2)} / ${median(samples.map((s) => s.server)).toFixed(2)}`,
  ratio: (a: number, b: number) => `${(a / b).toFixed(2)}×`,
  check: (ok: boolean) => (ok ? "✓" : "✗"),
  worstRss,
};

/**
 * The row of a catkit download client with issue 11's goals checked against curl (and
 * python-icat when it ran).
 *
 * @example
 * ```ts
 * goalRow("catkit download (CRC32 verified)", dl.download, cells.mibps(dl.curl), undefined);
 * ```
 */
export function goalRow(client: string, samples: Sample[], curl: number, py: number | undefined): Row {
  const speed = cells.mibps(samples);
  const goals = [speed >= curl, py === undefined || speed >= 1.2 * py, worstRss(samples) <= 64, worstLag(samples) <= 20];
  return {
    case: "1 GiB download",
    client,
    speed: `${Math.round(speed)} MiB/s`,
    "vs reference": `${cells.ratio(speed, curl)} curl${py === undefined ? "" : `, ${cells.ratio(speed, py)} python-icat`}`,
    "peak RSS": cells.rss(samples),
    "worst lag": cells.lag(samples),
    "CPU s client / sandbox": cells.cpu(samples),
    goal: `≥ 1.0× curl, ≥ 1.2× python-icat, ≤ 64 MiB, ≤ 20 ms ${goals.map(cells.check).join("")}`,
  };
}

/**
 * The row of a reference client (or of anything without a goal), its speed against `base`.
 *
 * @example
 * ```ts
 * reference("1 GiB download", "curl -o", dl.curl, cells.mibps(dl.curl));
 * ```
 */
export function reference(c: string, client: string, samples: Sample[], base: number): Row {
  return {
    case: c,
    client,
    speed: `${Math.round(cells.mibps(samples))} MiB/s`,
    "vs reference": cells.ratio(cells.mibps(samples), base),
    "peak RSS": cells.rss(samples),
    "worst lag": cells.lag(samples),
    "CPU s client / sandbox": cells.cpu(samples),
    goal: "",
  };
}

/**
 * The row of catkit's put with issue 11's goals checked against `curl -T`'s speed.
 *
 * @example
 * ```ts
 * putRow("catkit put (CRC32 checked)", up.put, cells.mibps(up.curl));
 * ```
 */
export function putRow(client: string, samples: Sample[], curl: number): Row {
  const speed = cells.mibps(samples);
  return {
    case: "1 GiB upload",
    client,
    speed: `${Math.round(speed)} MiB/s`,
    "vs reference": `${cells.ratio(speed, curl)} curl`,
    "peak RSS": cells.rss(samples),
    "worst lag": cells.lag(samples),
    "CPU s client / sandbox": cells.cpu(samples),
    goal: `≥ 0.95× curl, ≤ 64 MiB ${cells.check(speed >= 0.95 * curl)}${cells.check(worstRss(samples) <= 64)}`,
  };
}

/**
 * The rows of the many-files case: the sequential loop, and downloadMany against it (goal ≥ 3×).
 *
 * @example
 * ```ts
 * manyFilesRows("1,000 × 1 MiB, 10 ms ICAT latency", many.sequential, many.parallel);
 * ```
 */
export function manyFilesRows(c: string, sequential: Sample[], parallel: Sample[]): Row[] {
  const [one, eight] = [cells.filesps(sequential), cells.filesps(parallel)];
  const row = (client: string, samples: Sample[], speed: number, vs: string, goal: string): Row => ({
    case: c,
    client,
    speed: `${Math.round(speed)} files/s`,
    "vs reference": vs,
    "peak RSS": cells.rss(samples),
    "worst lag": "—",
    "CPU s client / sandbox": cells.cpu(samples),
    goal,
  });
  return [
    row("catkit sequential download loop", sequential, one, "1.00×", ""),
    row("catkit downloadMany (concurrency 8)", parallel, eight, cells.ratio(eight, one), `≥ 3× ${cells.check(eight >= 3 * one)}`),
  ];
}
