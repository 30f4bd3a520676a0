// Prometheus metrics (prom-client), one registry per app instance so that tests and two
// instances in one process do not share counters.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { CellCounter, CellHistogram, type CountCell, type HistogramCell } from "./counted-metrics.js";

/**
 * The server's metrics.
 *
 * @example
 * ```ts
 * const metrics = createMetrics();
 * metrics.ingestReceived.inc({ queue: "icatIngest" });
 * const text = await metrics.registry.metrics();
 * ```
 */
export interface ServerMetrics {
  readonly registry: Registry;
  /** Messages taken from a queue. */
  readonly ingestReceived: Counter<"queue">;
  /** Messages applied to ICAT (and acknowledged), by outcome (created, exists, updated, checked). */
  readonly ingestApplied: Counter<"queue" | "outcome">;
  /** Attempts that failed and were retried, by reason (transient, refused). */
  readonly ingestRetried: Counter<"queue" | "reason">;
  /** Messages sent to a dead-letter queue. */
  readonly ingestDeadLettered: Counter<"queue">;
  /** Time from receipt to acknowledgement, seconds. */
  readonly ingestLatency: Histogram<"queue">;
  /** Age of the message when it was received (now − broker timestamp), seconds. */
  readonly ingestLag: Gauge<"queue">;
  /** Messages received but not yet acknowledged. */
  readonly ingestInFlight: Gauge;
  /** Datasets handed to the SciCat mirror queue (after their ICAT write). */
  readonly mirrorQueued: Counter;
  /** Datasets mirrored into SciCat, by outcome (created, exists, completed). */
  readonly mirrorResults: Counter<"outcome">;
  /** Mirror attempts that failed and were retried. */
  readonly mirrorRetried: Counter;
  /** Mirror messages sent to the mirror's dead-letter queue. */
  readonly mirrorDeadLettered: Counter;
  /** Time from receipt of a mirror message to its acknowledgement, seconds. */
  readonly mirrorLatency: Histogram;
  /** Gateway requests, by route and status (count through {@link requestRecorder}). */
  readonly httpRequests: CellCounter<"route" | "method" | "status">;
  readonly httpDuration: CellHistogram<"route" | "method">;
  /** Downloads streaming right now. */
  readonly downloadsActive: Gauge;
  /** Investigation look-up cache hits and misses (count in `cacheLookups.cell(…)`). */
  readonly cacheLookups: CellCounter<"result">;
}

/**
 * Creates a registry with the server's metrics and Node's default ones.
 *
 * @example
 * ```ts
 * const { registry } = createMetrics();
 * ```
 */
export function createMetrics(): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    ingestReceived: new Counter({ name: "catkit_ingest_received_total", help: "Messages received from the broker", labelNames: ["queue"], registers }),
    ingestApplied: new Counter({ name: "catkit_ingest_applied_total", help: "Messages applied to ICAT and acknowledged", labelNames: ["queue", "outcome"], registers }),
    ingestRetried: new Counter({ name: "catkit_ingest_retried_total", help: "Failed attempts that were retried", labelNames: ["queue", "reason"], registers }),
    ingestDeadLettered: new Counter({ name: "catkit_ingest_dead_lettered_total", help: "Messages sent to a dead-letter queue", labelNames: ["queue"], registers }),
    ingestLatency: new Histogram({
      name: "catkit_ingest_latency_seconds", help: "Receipt to acknowledgement", labelNames: ["queue"], registers,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    }),
    ingestLag: new Gauge({ name: "catkit_ingest_lag_seconds", help: "Age of the last message received (now minus broker timestamp)", labelNames: ["queue"], registers }),
    ingestInFlight: new Gauge({ name: "catkit_ingest_in_flight", help: "Messages received and not yet acknowledged", registers }),
    mirrorQueued: new Counter({ name: "catkit_scicat_mirror_queued_total", help: "Datasets queued for the SciCat mirror after their ICAT write", registers }),
    mirrorResults: new Counter({ name: "catkit_scicat_mirror_total", help: "Datasets mirrored into SciCat and acknowledged", labelNames: ["outcome"], registers }),
    mirrorRetried: new Counter({ name: "catkit_scicat_mirror_retried_total", help: "SciCat mirror attempts that failed and were retried", registers }),
    mirrorDeadLettered: new Counter({ name: "catkit_scicat_mirror_dead_lettered_total", help: "SciCat mirror messages sent to the dead-letter queue", registers }),
    mirrorLatency: new Histogram({
      name: "catkit_scicat_mirror_latency_seconds", help: "Receipt of a mirror message to acknowledgement", registers,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    }),
    httpRequests: new CellCounter({ name: "catkit_http_requests_total", help: "Gateway requests", labelNames: ["route", "method", "status"], registers }),
    httpDuration: new CellHistogram({ name: "catkit_http_request_duration_seconds", help: "Gateway request duration (to the last byte)", labelNames: ["route", "method"], registers }),
    downloadsActive: new Gauge({ name: "catkit_downloads_active", help: "Downloads streaming now", registers }),
    cacheLookups: new CellCounter({ name: "catkit_cache_lookups_total", help: "Investigation look-up cache", labelNames: ["result"], registers }),
  };
}

/**
 * Counts the requests of one route in `catkit_http_requests_total` and their durations in
 * `catkit_http_request_duration_seconds`, in cells kept per method and status (a bounded set),
 * so a request costs two Map look-ups and a few additions.
 *
 * @example
 * ```ts
 * const record = requestRecorder(metrics)("/api/v1/datasets");
 * record("GET", 200, 0.012);
 * ```
 */
export function requestRecorder(metrics: ServerMetrics): (route: string) => (method: string, status: number, seconds: number) => void {
  const times = new Map<string, HistogramCell>();
  return (route) => {
    type Cell = { count: CountCell; time: HistogramCell };
    const byMethod = new Map<string, Map<number, Cell>>();
    return (method, status, seconds) => {
      let byStatus = byMethod.get(method);
      if (byStatus === undefined) byMethod.set(method, (byStatus = new Map<number, Cell>()));
      let cell = byStatus.get(status);
      if (cell === undefined) {
        const timeKey = `${method} ${route}`;
        let time = times.get(timeKey);
        if (time === undefined) times.set(timeKey, (time = metrics.httpDuration.cell({ route, method })));
        cell = { count: metrics.httpRequests.cell({ route, method, status: String(status) }), time };
        byStatus.set(status, cell);
      }
      cell.count.count++;
      cell.time.observe(seconds);
    };
  };
}
