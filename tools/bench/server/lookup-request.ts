// The cached look-up both gateway benchmarks send (run.ts against the hello route,
// head-to-head.ts between two builds): the API key the gateway child accepts, and the path of an
// ICAT+ investigation look-up of the tutorial world's investigation, which the cache answers
// after the first request.

/**
 * The e-logbook API key passed to gateway-child.ts.
 *
 * @example
 * ```ts
 * await startChildServer(here("gateway-child.ts"), [infoFile, BENCH_API_KEY]);
 * ```
 */
export const BENCH_API_KEY = "elogbook-bench-00000000000000000000";

/**
 * Path and query of the look-up, to append to the gateway's origin.
 *
 * @example
 * ```ts
 * await autocannon({ url: `${gateway.origin}${LOOKUP_PATH}`, connections: 10, duration: 3 });
 * ```
 */
export const LOOKUP_PATH = `/dataacquisition/${BENCH_API_KEY}/investigation?instrumentName=EDDI&investigationName=12100409-ST`;
