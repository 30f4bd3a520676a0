// Pins the pipeline's composition order: serialize → retry → sign → send → transport, stable
// within a phase, and signing inside retry so that each attempt is signed afresh.
import { describe, expect, it } from "vitest";
import { type Policy, staticSession, authPolicy } from "../../src/index.ts";
import { createPipeline, retryPolicy } from "../../src/internal.ts";
import type { Credential } from "../../src/index.ts";
import { mockTransport } from "../../src/testing/index.ts";

function tracer(name: string, phase: Policy["phase"], trace: string[]): Policy {
  return {
    name,
    phase,
    async send(request, next) {
      trace.push(`>${name}`);
      const res = await next(request);
      trace.push(`<${name}`);
      return res;
    },
  };
}

describe("pipeline order", () => {
  it("runs policies by phase regardless of the order they are given, stable within a phase", async () => {
    const trace: string[] = [];
    const transport = mockTransport(() => {
      trace.push("transport");
      return { status: 200 };
    });
    const send = createPipeline(transport, [
      tracer("send-1", "send", trace),
      tracer("sign-1", "sign", trace),
      tracer("retry-1", "retry", trace),
      tracer("serialize-1", "serialize", trace),
      tracer("sign-2", "sign", trace),
      tracer("serialize-2", "serialize", trace),
    ]);
    await send({ method: "GET", url: "http://x/" });
    expect(trace).toEqual([
      ">serialize-1", ">serialize-2", ">retry-1", ">sign-1", ">sign-2", ">send-1",
      "transport",
      "<send-1", "<sign-2", "<sign-1", "<retry-1", "<serialize-2", "<serialize-1",
    ]);
  });

  it("signs every retry attempt again, with the token current at that attempt", async () => {
    let n = 0;
    const credential: Credential = { getToken: () => Promise.resolve({ token: `token-${++n}` }) };
    const transport = mockTransport((_req, call) => ({ status: call < 3 ? 503 : 200 }));
    const send = createPipeline(transport, [
      authPolicy({ credential, apply: (req, token) => ({ ...req, headers: { ...req.headers, "x-token": token } }) }),
      retryPolicy({ initialDelayMs: 1, maxDelayMs: 2 }),
    ]);
    const res = await send({ method: "GET", url: "http://x/" });
    expect(res.status).toBe(200);
    expect(transport.calls.map((c) => c.headers?.["x-token"])).toEqual(["token-1", "token-2", "token-3"]);
  });

  it("leaves requests marked auth: false unsigned", async () => {
    const transport = mockTransport(() => ({ status: 200 }));
    const send = createPipeline(transport, [authPolicy({ credential: staticSession("secret-session"), apply: (r, t) => ({ ...r, headers: { t } }) })]);
    await send({ method: "GET", url: "http://x/", auth: false });
    expect(transport.calls[0]?.headers).toBeUndefined();
  });
});
