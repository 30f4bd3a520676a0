// issue 7 item 14: per-call timeouts on IDS calls, not only transport-wide ones.
import { TimeoutError } from "@catkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixture, type Fixture } from "./helpers.ts";

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.close());

describe("per-call timeouts", () => {
  it("timeoutMs ends a slow call with TimeoutError, and the next call is unaffected", async () => {
    f.sandbox.faults.delay(2_000, { match: { path: "/ids/getSize" }, times: 1 });
    const started = performance.now();
    const err = await f.ids.getSize({ datasetIds: [f.seed.dataset.id] }, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(await f.ids.getSize({ datasetIds: [f.seed.dataset.id] })).toBeGreaterThan(0);
  });

  it("timeouts.headersMs overrides the transport's header timeout for one call", async () => {
    // Every attempt is slow (a header timeout is retried like any transient failure).
    f.sandbox.faults.delay(2_000, { match: { path: "/ids/getStatus" }, times: 10 });
    const err = await f.ids.getStatus({ datasetIds: [f.seed.dataset.id] }, { timeouts: { headersMs: 200 }, signal: AbortSignal.timeout(5_000) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).phase).toBe("headers");
    f.sandbox.faults.clear();
  });
});
