import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { AbortError, NetworkError, TimeoutError, type CatkitRequest, type RetryOptions } from "../../src/index.ts";
import { backoffDelay, createPipeline, formBody, parseRetryAfter, retryPolicy, streamBody } from "../../src/internal.ts";
import { mockTransport, type MockReply } from "../../src/testing/index.ts";

const fast: Partial<RetryOptions> = { initialDelayMs: 1, maxDelayMs: 5 };

function run(replies: Array<MockReply | Error>, request: Partial<CatkitRequest> = {}, options: Partial<RetryOptions> = fast) {
  const transport = mockTransport((_req, call) => {
    const reply = replies[Math.min(call, replies.length) - 1];
    if (reply instanceof Error) throw reply;
    return reply ?? { status: 200 };
  });
  const send = createPipeline(transport, [retryPolicy(options)]);
  return { transport, result: send({ method: "GET", url: "http://x/", ...request }) };
}

describe("retry policy", () => {
  it.each([429, 502, 503, 504])("retries an idempotent GET answered %i, then succeeds", async (status) => {
    const { transport, result } = run([{ status }, { status: 200 }]);
    expect((await result).status).toBe(200);
    expect(transport.calls).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 412, 422])("never retries %i, even when listed in statusCodes", async (status) => {
    const { transport, result } = run([{ status }, { status: 200 }], {}, { ...fast, statusCodes: [status, 503] });
    expect((await result).status).toBe(status);
    expect(transport.calls).toHaveLength(1);
  });

  it("does not retry a POST unless marked idempotent", async () => {
    const post = run([{ status: 503 }, { status: 200 }], { method: "POST", body: formBody({ a: 1 }) });
    expect((await post.result).status).toBe(503);
    expect(post.transport.calls).toHaveLength(1);
    const marked = run([{ status: 503 }, { status: 200 }], { method: "POST", idempotent: true, body: formBody({ a: 1 }) });
    expect((await marked.result).status).toBe(200);
  });

  it("does not retry a PUT marked idempotent: false (IDS put creates a datafile)", async () => {
    const { transport, result } = run([{ status: 503 }, { status: 201 }], { method: "PUT", idempotent: false });
    expect((await result).status).toBe(503);
    expect(transport.calls).toHaveLength(1);
  });

  it("retries a replayable stream body and reopens it, but sends a one-shot stream only once", async () => {
    let opened = 0;
    const replayable = run([{ status: 503 }, { status: 200 }], {
      method: "PUT",
      body: streamBody(() => {
        opened++;
        return Readable.from([Buffer.from("abc")]);
      }),
    });
    expect((await replayable.result).status).toBe(200);
    const bodies = replayable.transport.calls.map((c) => (c.body?.kind === "stream" ? c.body.open() : undefined));
    expect(bodies.every((b) => b !== undefined)).toBe(true);
    expect(opened).toBe(2);

    const oneShot = run([{ status: 503 }, { status: 200 }], { method: "PUT", body: streamBody(Readable.from([Buffer.from("abc")])) });
    expect((await oneShot.result).status).toBe(503);
    expect(oneShot.transport.calls).toHaveLength(1);
  });

  it("retries network errors and connect/headers timeouts, not body timeouts", async () => {
    const network = run([new NetworkError("reset", { errno: "ECONNRESET" }), { status: 200 }]);
    expect((await network.result).status).toBe(200);
    const headers = run([new TimeoutError("slow", { phase: "headers" }), { status: 200 }]);
    expect((await headers.result).status).toBe(200);
    const body = run([new TimeoutError("slow", { phase: "body" }), { status: 200 }]);
    await expect(body.result).rejects.toBeInstanceOf(TimeoutError);
    expect(body.transport.calls).toHaveLength(1);
  });

  it("stops after maxAttempts and returns the last response", async () => {
    const { transport, result } = run([{ status: 503 }], {}, { ...fast, maxAttempts: 3 });
    expect((await result).status).toBe(503);
    expect(transport.calls).toHaveLength(3);
  });

  it("rethrows the last network error after maxAttempts", async () => {
    const { transport, result } = run([new NetworkError("refused", { errno: "ECONNREFUSED" })], {}, { ...fast, maxAttempts: 2 });
    await expect(result).rejects.toMatchObject({ code: "CATKIT_NETWORK", errno: "ECONNREFUSED" });
    expect(transport.calls).toHaveLength(2);
  });

  it("honours Retry-After and gives up when it exceeds the time budget", async () => {
    const started = Date.now();
    const honoured = run([{ status: 503, headers: { "retry-after": "1" } }, { status: 200 }], {}, { ...fast, maxElapsedMs: 5_000 });
    expect((await honoured.result).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);

    const tooLong = run([{ status: 429, headers: { "retry-after": "3600" } }, { status: 200 }], {}, { ...fast, maxElapsedMs: 10_000 });
    expect((await tooLong.result).status).toBe(429);
    expect(tooLong.transport.calls).toHaveLength(1);
  });

  it("can be turned off or tuned per call", async () => {
    const off = run([{ status: 503 }, { status: 200 }], { retry: false });
    expect((await off.result).status).toBe(503);
    const tuned = run([{ status: 500 }, { status: 200 }], { retry: { statusCodes: [500] } });
    expect((await tuned.result).status).toBe(200);
  });

  it("stops waiting when the caller aborts", async () => {
    const controller = new AbortController();
    const { transport, result } = run([{ status: 503 }], { signal: controller.signal }, { initialDelayMs: 10_000, maxDelayMs: 10_000 });
    setTimeout(() => controller.abort(), 20);
    await expect(result).rejects.toBeInstanceOf(AbortError);
    expect(transport.calls).toHaveLength(1);
  });
});

describe("backoff", () => {
  it("grows exponentially with jitter inside [ceiling/2, ceiling], capped", () => {
    expect(backoffDelay(1, 500, 30_000, () => 0)).toBe(250);
    expect(backoffDelay(1, 500, 30_000, () => 1)).toBe(500);
    expect(backoffDelay(4, 500, 30_000, () => 0.5)).toBe(3000);
    expect(backoffDelay(20, 500, 30_000, () => 1)).toBe(30_000);
  });

  it("parses Retry-After seconds and dates", () => {
    expect(parseRetryAfter("120")).toBe(120_000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 07:27:00 GMT"))).toBe(60_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
