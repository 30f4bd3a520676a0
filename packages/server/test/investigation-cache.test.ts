// Investigation look-ups are cached for gateway.cacheTtlMs: a second look-up within it is a hit
// (ICAT is not asked again), one after it a miss; clearing (as the ingest service does after a
// registration in the same process) makes a new investigation show at once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { counted } from "./broker-helpers.ts";
import { startGatewayWorld, type GatewayWorld } from "./gateway-helpers.ts";

const TOKEN = "elogbook-cache-test-000000000000";
// Not a static path as it is ("+" and ":"): served by the route with the key as a parameter.
const ODD_TOKEN = "elogbook+cache:test-000000000000";
let world: GatewayWorld;
beforeAll(async () => {
  world = await startGatewayWorld({
    CATKIT_SERVER__GATEWAY__API_KEYS: JSON.stringify([TOKEN, ODD_TOKEN]), CATKIT_SERVER__GATEWAY__CACHE_TTL_MS: "300",
    CATKIT_SERVER__ICAT__INGESTER: JSON.stringify({ plugin: "db", username: "root", password: "secret" }),
  });
});
afterAll(() => world.close());

it("serves repeated investigation look-ups from a short-lived cache", async () => {
  const lookup = async () => (await (await fetch(`${world.server.url}/dataacquisition/${TOKEN}/investigation?instrumentName=EDDI&investigationName=12100409-ST`)).json()) as { name: string }[];
  const icatSearches = () => world.sandbox.icat.requests.filter((r) => r.url.includes("/entityManager") && r.method === "GET").length;
  expect((await lookup()).map((i) => i.name)).toEqual(["12100409-ST"]);
  const searches = icatSearches();
  expect((await lookup()).map((i) => i.name)).toEqual(["12100409-ST"]);
  expect(icatSearches()).toBe(searches);
  expect(await counted(world.server.metrics.cacheLookups, { result: "hit" })).toBe(1);
  await new Promise((r) => setTimeout(r, 400));
  await lookup();
  expect(icatSearches()).toBeGreaterThan(searches);
  expect(await counted(world.server.metrics.cacheLookups, { result: "miss" })).toBe(2);
});

it("answers every configured key, 403 for others, and shows no key in OpenAPI or the metrics", async () => {
  const status = async (key: string) => (await fetch(`${world.server.url}/dataacquisition/${encodeURIComponent(key)}/investigation?instrumentName=EDDI&investigationName=12100409-ST`)).status;
  expect(await status(TOKEN)).toBe(200);
  expect(await status(ODD_TOKEN)).toBe(200);
  expect(await status("elogbook-not-a-key-00000000000")).toBe(403);
  const spec = await (await fetch(`${world.server.url}/openapi.json`)).text();
  expect(spec).toContain("/dataacquisition/{apiKey}/investigation");
  const metrics = await (await fetch(`${world.server.url}/metrics`)).text();
  expect(metrics).toMatch(/catkit_http_requests_total\{route="\/dataacquisition\/:apiKey\/investigation",method="GET",status="200"\} [2-9]/);
  expect(metrics).toMatch(/route="\/dataacquisition\/:apiKey\/investigation",method="GET",status="403"\} 1\n/);
  for (const text of [spec, metrics]) {
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain("elogbook+cache");
  }
});
