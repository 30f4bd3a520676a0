// Rate limits per API key (X-Api-Key or the ICAT+ path's key), else per address: the budget,
// the headers, 429 with retry-after, separate budgets per key, exempt routes, and a new budget
// when the window ends.
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replyError } from "../src/app/error-reply.ts";
import { registerRateLimit } from "../src/app/rate-limit.ts";
import { startGatewayWorld, type GatewayWorld } from "./gateway-helpers.ts";

const KEY_A = "elogbook-rate-a-000000000000000000";
const KEY_B = "elogbook-rate-b-000000000000000000";

describe("the gateway's rate limit", () => {
  let world: GatewayWorld;
  beforeAll(async () => {
    world = await startGatewayWorld({
      CATKIT_SERVER__GATEWAY__API_KEYS: JSON.stringify([KEY_A, KEY_B]),
      CATKIT_SERVER__GATEWAY__RATE_LIMIT__MAX: "3",
      CATKIT_SERVER__ICAT__INGESTER: JSON.stringify({ plugin: "db", username: "root", password: "secret" }),
    });
  });
  afterAll(() => world.close());
  const lookup = (key: string) => fetch(`${world.server.url}/dataacquisition/${key}/investigation?instrumentName=EDDI&investigationName=12100409-ST`);

  it("counts each API key on its own and answers 429 with retry-after past the budget", async () => {
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await lookup(KEY_A);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-ratelimit-limit")).toBe("3");
      remaining.push(res.headers.get("x-ratelimit-remaining"));
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const refused = await lookup(KEY_A);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await refused.json()) as { statusCode: number; code: string; message: string };
    expect(body).toMatchObject({ statusCode: 429, code: "RATE_LIMITED" });
    expect(body.message).not.toContain(KEY_A);
    // The same key in a header counts against the same budget; another key has its own.
    expect((await fetch(`${world.server.url}/api/v1/investigations`, { headers: { "x-api-key": KEY_A } })).status).toBe(429);
    expect((await lookup(KEY_B)).status).toBe(200);
  });

  it("counts an unknown path key against the caller's address, not a budget of its own", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await lookup(`not-a-key-${i}-0000000000000000`)).status);
    // 403 for each unknown key while the address has budget left, then 429.
    expect(statuses.slice(0, 3)).toEqual([403, 403, 403]);
    expect(statuses[3]).toBe(429);
  });

  it("leaves /health and /metrics out, and counts them nowhere", async () => {
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${world.server.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-ratelimit-limit")).toBeNull();
    }
    expect((await fetch(`${world.server.url}/health`)).headers.get("x-ratelimit-limit")).toBeNull();
  });
});

describe("registerRateLimit", () => {
  it("gives every key a new budget when the window ends, and counts callers without a configured key by address", async () => {
    let now = 1_000_000;
    const app = Fastify();
    app.setErrorHandler(replyError);
    registerRateLimit(app, { max: 2, windowMs: 10_000, now: () => now, apiKeys: new Set(["k"]) });
    app.get("/x", () => "ok");
    const hit = async (headers: Record<string, string> = {}) => {
      const res = await app.inject({ url: "/x", headers });
      return [res.statusCode, res.headers["x-ratelimit-remaining"], res.headers["x-ratelimit-reset"]];
    };
    expect(await hit()).toEqual([200, "1", "10"]);
    now += 4_000;
    expect(await hit()).toEqual([200, "0", "6"]);
    expect(await hit()).toEqual([429, "0", "6"]);
    // A made-up key is not a way round the limit: it counts against the address.
    expect(await hit({ "x-api-key": "made-up" })).toEqual([429, "0", "6"]);
    expect(await hit({ "x-api-key": "k" })).toEqual([200, "1", "6"]);
    now += 6_000;
    expect(await hit()).toEqual([200, "1", "10"]);
    await app.close();
  });
});
