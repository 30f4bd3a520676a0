// The /api/v1 catalogue routes over the ICAT+IDS sandboxes: the caller's session decides what is
// seen (never widened), pages and filters, bad input and missing sessions are 4xx with a body.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGatewayWorld, type GatewayWorld } from "./gateway-helpers.ts";

let world: GatewayWorld;
let nbour: string;
let ahau: string;
const get = (path: string, session?: string) =>
  fetch(`${world.server.url}${path}`, session ? { headers: { authorization: `Bearer ${session}` } } : {});

beforeAll(async () => {
  world = await startGatewayWorld();
  nbour = world.sandbox.icat.login("db/nbour");
  ahau = world.sandbox.icat.login("db/ahau");
});
afterAll(() => world.close());

describe("catalogue routes", () => {
  it("logs in through ICAT and answers who the session is", async () => {
    const res = await fetch(`${world.server.url}/api/v1/session`, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ plugin: "db", credentials: { username: "nbour", password: "secret" } }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { sessionId: string; userName: string };
    expect(body.userName).toBe("db/nbour");
    const who = await get("/api/v1/session", body.sessionId);
    expect(await who.json()).toMatchObject({ userName: "db/nbour" });
    const bad = await fetch(`${world.server.url}/api/v1/session`, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ plugin: "db", credentials: { username: "nbour", password: "wrong" } }),
    });
    expect(bad.status).toBe(403);
    expect(await bad.json()).toMatchObject({ code: "ICAT_SESSION" });
  });

  it("lists what the caller's session may read, and nothing more", async () => {
    const mine = (await (await get("/api/v1/investigations", nbour)).json()) as { items: { name: string; instruments: string[] }[] };
    expect(mine.items.map((i) => i.name)).toEqual(["12100409-ST"]);
    expect(mine.items[0]?.instruments).toEqual(["EDDI"]);
    const theirs = (await (await get("/api/v1/investigations", ahau)).json()) as { items: { name: string }[] };
    expect(theirs.items.map((i) => i.name)).toEqual(["10100601-ST"]);
    const [inv] = mine.items as unknown as { id: number }[];
    const hidden = await get(`/api/v1/investigations/${inv?.id}`, ahau);
    expect(hidden.status).toBe(404);
  });

  it("pages and filters datasets, datafiles and samples", async () => {
    const inv = ((await (await get("/api/v1/investigations?name=12100409-ST", nbour)).json()) as { items: { id: number }[] }).items[0];
    const all = (await (await get(`/api/v1/datasets?investigationId=${inv?.id}`, nbour)).json()) as { items: { id: number; name: string }[]; hasMore: boolean };
    expect(all.items.length).toBeGreaterThan(1);
    expect(all.hasMore).toBe(false);
    const first = (await (await get(`/api/v1/datasets?investigationId=${inv?.id}&limit=1`, nbour)).json()) as { items: { id: number }[]; hasMore: boolean };
    expect(first.items).toHaveLength(1);
    expect(first.hasMore).toBe(true);
    const second = (await (await get(`/api/v1/datasets?investigationId=${inv?.id}&limit=1&offset=1`, nbour)).json()) as { items: { id: number }[] };
    expect(second.items[0]?.id).toBe(all.items[1]?.id);
    const byName = (await (await get(`/api/v1/datasets?name=${encodeURIComponent(all.items[0]?.name ?? "")}`, nbour)).json()) as { items: { id: number }[] };
    expect(byName.items.map((d) => d.id)).toEqual([all.items[0]?.id]);
    const files = (await (await get(`/api/v1/datafiles?datasetId=${all.items[0]?.id}`, nbour)).json()) as { items: { datasetId: number }[] };
    for (const f of files.items) expect(f.datasetId).toBe(all.items[0]?.id);
    const samples = (await (await get(`/api/v1/samples?investigationId=${inv?.id}`, nbour)).json()) as { items: { investigationId: number }[] };
    expect(samples.items.length).toBeGreaterThan(0);
    for (const s of samples.items) expect(s.investigationId).toBe(inv?.id);
  });

  it("answers bad input and missing sessions with 4xx and a clear body", async () => {
    const noSession = await get("/api/v1/datasets");
    expect(noSession.status).toBe(401);
    expect(((await noSession.json()) as { message: string }).message).toMatch(/Authorization: Bearer/);
    const badId = await get("/api/v1/datasets/abc", nbour);
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as { message: string }).message).toMatch(/params\.id|id/);
    const badLimit = await get("/api/v1/datasets?limit=100000", nbour);
    expect(badLimit.status).toBe(400);
    const unknown = await get("/api/v1/nothing-here", nbour);
    expect(unknown.status).toBe(404);
    const expired = await get("/api/v1/investigations", "0d9a6b7c-0000-4000-8000-000000000000");
    expect(expired.status).toBe(403);
  });

  it("serves OpenAPI generated from the route schemas, health and metrics", async () => {
    const spec = (await (await get("/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/api/v1/datasets", "/api/v1/datafiles/{id}/content", "/health"]));
    expect((await get("/docs/")).status).toBe(200);
    const health = await get("/health");
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", checks: { icat: { ok: true }, ids: { ok: true } } });
    const metrics = await (await get("/metrics")).text();
    expect(metrics).toMatch(/catkit_http_requests_total\{route="\/api\/v1\/datasets",method="GET",status="200"\} [1-9]/);
    // Refused by validation, unmatched, and a route left out of the rate limit: each counted too.
    expect(metrics).toMatch(/catkit_http_requests_total\{route="\/api\/v1\/datasets",method="GET",status="400"\} [1-9]/);
    expect(metrics).toMatch(/catkit_http_requests_total\{route="unmatched",method="GET",status="404"\} [1-9]/);
    expect(metrics).toMatch(/catkit_http_requests_total\{route="\/health",method="GET",status="200"\} 1\n/);
    expect(metrics).toMatch(/catkit_http_request_duration_seconds_count\{route="\/api\/v1\/datasets",method="GET"\} [1-9]/);
  });

  it("logs one line per request, with its method, URL (secrets redacted) and status; never a session id", async () => {
    const res = await get(`/api/v1/investigations?sessionId=${nbour}&limit=1`);
    expect(res.status).toBe(200);
    const lines = world.logLines.map((l) => JSON.parse(l) as { msg: string; req?: { method: string; url: string }; res?: { statusCode: number }; responseTime?: number });
    const line = lines.find((l) => l.msg === "request completed" && l.req?.url.startsWith("/api/v1/investigations?sessionId="));
    expect(line).toMatchObject({ req: { method: "GET" }, res: { statusCode: 200 } });
    expect(line?.req?.url).toMatch(/^\/api\/v1\/investigations\?sessionId=[^&]+&limit=1$/);
    expect(line?.responseTime).toBeGreaterThan(0);
    expect(lines.filter((l) => l.msg === "incoming request")).toEqual([]);
    const text = world.logLines.join("");
    expect(text).not.toContain(nbour);
    expect(text).not.toContain(ahau);
  });
});
