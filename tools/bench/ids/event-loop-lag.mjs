// Plain JavaScript, as users run catkit (compiled): a .ts file would make Node load its type
// stripper, 17 MiB of resident memory that is not the client's.
// The worst event-loop delay while a benchmark client runs: a 1 ms timer's lateness, measured by
// Node's histogram (perf_hooks.monitorEventLoopDelay). Issue 11's goal: never above 20 ms.
import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * Starts measuring; the returned function stops and gives the worst delay in ms.
 *
 * @example
 * ```ts
 * const stop = watchLag();
 * await ids.download(sel, path);
 * const worstMs = stop();
 * ```
 */
export function watchLag() {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  return () => {
    histogram.disable();
    // The histogram counts the whole delay, including the 1 ms resolution itself.
    return Math.max(0, histogram.max / 1e6 - 1);
  };
}
