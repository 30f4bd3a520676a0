// Metrics counted in cells expose exactly what prom-client's own Counter and Histogram expose
// for the same observations, in the exposition text and through get(); counters read twice do
// not count twice.
import { Counter, Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { CellCounter, CellHistogram } from "../src/app/counted-metrics.ts";
import { createMetrics, requestRecorder } from "../src/app/metrics.ts";

const observations: [string, string, number][] = [
  ["/a", "GET", 0.003], ["/a", "GET", 0.004], ["/a", "GET", 0.2], ["/a", "POST", 12], ["/b", "GET", 0.01], ["/b", "GET", 0.0100001],
];

describe("cell metrics", () => {
  it("a CellHistogram exposes what prom-client's Histogram does", async () => {
    const [ours, theirs] = [new Registry(), new Registry()];
    const config = { name: "t_seconds", help: "durations", labelNames: ["route", "method"] as const };
    const cells = new CellHistogram({ ...config, labelNames: [...config.labelNames], registers: [ours] });
    const reference = new Histogram({ ...config, labelNames: [...config.labelNames], registers: [theirs] });
    const byKey = new Map<string, ReturnType<typeof cells.cell>>();
    for (const [route, method, value] of observations) {
      const key = `${method} ${route}`;
      if (!byKey.has(key)) byKey.set(key, cells.cell({ route, method }));
      byKey.get(key)?.observe(value);
      reference.observe({ route, method }, value);
    }
    expect(await ours.metrics()).toBe(await theirs.metrics());
    // prom-client's values also carry `exemplar: null`; the rest is equal.
    const plain = (m: Awaited<ReturnType<typeof cells.get>>) => m.values.map(({ labels, value, metricName }) => ({ labels, value, metricName }));
    expect(plain(await cells.get())).toEqual(plain(await reference.get()));
  });

  it("a CellCounter exposes what prom-client's Counter does, read any number of times", async () => {
    const [ours, theirs] = [new Registry(), new Registry()];
    const cells = new CellCounter({ name: "t_total", help: "count", labelNames: ["result"], registers: [ours] });
    const reference = new Counter({ name: "t_total", help: "count", labelNames: ["result"], registers: [theirs] });
    const hit = cells.cell({ result: "hit" });
    const miss = cells.cell({ result: "miss" });
    hit.count += 3;
    miss.count++;
    reference.inc({ result: "hit" }, 3);
    reference.inc({ result: "miss" });
    expect(await ours.metrics()).toBe(await theirs.metrics());
    hit.count++;
    reference.inc({ result: "hit" });
    expect(await ours.metrics()).toBe(await theirs.metrics());
    expect(await cells.get()).toEqual(await reference.get());
  });

  it("requestRecorder counts requests by route, method and status and times them by route and method", async () => {
    const metrics = createMetrics();
    const recorder = requestRecorder(metrics);
    const routes = new Map(["/a", "/b"].map((r) => [r, recorder(r)]));
    for (const [route, method, value] of observations) routes.get(route)?.(method, value > 1 ? 500 : 200, value);
    const text = await metrics.registry.metrics();
    expect(text).toContain('catkit_http_requests_total{route="/a",method="GET",status="200"} 3');
    expect(text).toContain('catkit_http_requests_total{route="/a",method="POST",status="500"} 1');
    expect(text).toContain('catkit_http_request_duration_seconds_count{route="/b",method="GET"} 2');
    expect(text).toContain('catkit_http_request_duration_seconds_bucket{le="0.005",route="/a",method="GET"} 2');
  });
});
