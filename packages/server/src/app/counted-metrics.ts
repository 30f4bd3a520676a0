// Metrics counted on the request path in plain numbers and handed to prom-client only when they
// are read (GET /metrics, or a metric's get()). prom-client resolves, validates and hashes the
// label set on every inc() and observe(), even through labels(): 2–3 µs a request, the largest
// cost of the gateway's hooks in the cached look-up of tools/bench/server. Here a label set is
// resolved once into a cell, and a request adds to numbers in it.
import { Counter, Histogram, type Aggregator, type HistogramConfiguration, type LabelValues, type MetricValueWithName } from "prom-client";

/**
 * A counter's cell for one label set: add to `count`.
 *
 * @example
 * ```ts
 * const hits = requests.cell({ result: "hit" });
 * hits.count++;
 * ```
 */
export interface CountCell {
  count: number;
}

/**
 * A prom-client Counter fed from cells: each cell's new counts are added to the counter (its
 * public inc) when the counter is read (get()).
 *
 * @example
 * ```ts
 * const lookups = new CellCounter({ name: "catkit_cache_lookups_total", help: "…", labelNames: ["result"], registers });
 * lookups.cell({ result: "hit" }).count++;
 * ```
 */
export class CellCounter<L extends string> extends Counter<L> {
  readonly #cells: { labels: LabelValues<L>; cell: CountCell; flushed: number }[] = [];

  /** The cell of a label set (create it once per set and keep it: each call makes a new one). */
  cell(labels: LabelValues<L>): CountCell {
    const cell = { count: 0 };
    this.#cells.push({ labels, cell, flushed: 0 });
    return cell;
  }

  /** The counter's values, the cells' new counts added first (prom-client's Registry reads a counter through get()). */
  override get(): ReturnType<Counter<L>["get"]> {
    for (const c of this.#cells) {
      if (c.cell.count === c.flushed) continue;
      this.inc(c.labels, c.cell.count - c.flushed);
      c.flushed = c.cell.count;
    }
    return super.get();
  }
}

/**
 * A histogram's cell for one label set: {@link HistogramCell.observe} it.
 *
 * @example
 * ```ts
 * durations.cell({ route: "/x", method: "GET" }).observe(0.004);
 * ```
 */
export interface HistogramCell {
  observe(value: number): void;
}

interface Sums {
  labels: LabelValues<string>;
  /** Observations per bucket (not cumulative), the last one for +Inf. */
  buckets: Float64Array;
  sum: number;
  count: number;
}

type Value = MetricValueWithName<string> & { sharedLabels: LabelValues<string> };

/** A histogram as prom-client's Registry reads it. */
interface Exposed {
  name: string;
  help: string;
  type: "histogram";
  aggregator: Aggregator;
  values: Value[];
}

/**
 * A prom-client Histogram whose observations are summed in cells and reported from them: its
 * get() (and the registry's exposition) list each cell's cumulative buckets, sum and count, as
 * prom-client's own histogram does. Observe through cells only.
 *
 * @example
 * ```ts
 * const durations = new CellHistogram({ name: "catkit_http_request_duration_seconds", help: "…", labelNames: ["route", "method"], registers });
 * durations.cell({ route: "/api/v1/datasets", method: "GET" }).observe(0.012);
 * ```
 */
export class CellHistogram<L extends string> extends Histogram<L> {
  readonly #bounds: readonly number[];
  readonly #cells: Sums[] = [];
  readonly #name: string;
  readonly #help: string;
  readonly #aggregator: Aggregator;

  constructor(config: Omit<HistogramConfiguration<L>, "collect">) {
    const bounds = config.buckets ?? [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    super({ ...config, buckets: bounds });
    this.#bounds = bounds;
    this.#name = config.name;
    this.#help = config.help;
    this.#aggregator = config.aggregator ?? "sum";
  }

  /** The cell of a label set (create it once per set and keep it). */
  cell(labels: LabelValues<L>): HistogramCell {
    const sums: Sums = { labels, buckets: new Float64Array(this.#bounds.length + 1), sum: 0, count: 0 };
    this.#cells.push(sums);
    const bounds = this.#bounds;
    return {
      observe(value: number) {
        let i = 0;
        while (i < bounds.length && value > (bounds[i] as number)) i++;
        sums.buckets[i] = (sums.buckets[i] ?? 0) + 1;
        sums.sum += value;
        sums.count++;
      },
    };
  }

  /**
   * The values in prom-client's Histogram's shape (`le`, then the label set as shared labels):
   * prom-client's Registry reads this method of a histogram to write the exposition text, and
   * Histogram.get() returns it with the labels merged (a test compares both with prom-client's).
   */
  getForPromString(): Exposed {
    const name = this.#name;
    const values: Value[] = [];
    for (const c of this.#cells) {
      let cumulative = 0;
      this.#bounds.forEach((le, i) => {
        cumulative += c.buckets[i] ?? 0;
        values.push({ metricName: `${name}_bucket`, labels: { le }, sharedLabels: c.labels, value: cumulative });
      });
      values.push({ metricName: `${name}_bucket`, labels: { le: "+Inf" }, sharedLabels: c.labels, value: c.count });
      values.push({ metricName: `${name}_sum`, labels: {}, sharedLabels: c.labels, value: c.sum });
      values.push({ metricName: `${name}_count`, labels: {}, sharedLabels: c.labels, value: c.count });
    }
    return { name, help: this.#help, type: "histogram", values, aggregator: this.#aggregator };
  }
}
