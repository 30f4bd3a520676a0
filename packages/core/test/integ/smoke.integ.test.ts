import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClientContext, HttpError, readJson, staticSession, tokenAs } from "../../src/index.ts";
import { formBody, readText } from "../../src/internal.ts";
import { pathOf, queryOf, readForm, sendJson, sendText, startSandboxServer, type SandboxServer } from "../../src/testing/index.ts";

const SESSION = "0d9a5f3e-1c2b-4d5e-8f70-a1b2c3d4e5f6";
let server: SandboxServer;

beforeAll(async () => {
  server = await startSandboxServer(async (req, res) => {
    const path = pathOf(req);
    if (path === "/svc/ping") return sendText(res, 200, "OK");
    if (path === "/svc/echo-query") return sendJson(res, 200, { sessionId: queryOf(req).get("sessionId") });
    if (path === "/svc/echo-form") return sendJson(res, 200, Object.fromEntries(await readForm(req)));
    return sendJson(res, 404, { code: "NotFound", message: `no ${path}` });
  });
});
afterAll(() => server.close());

describe("core against a real HTTP server", () => {
  it("sends unauthenticated, query-signed and form-signed requests", async () => {
    const ctx = createClientContext(
      { url: `${server.origin}/svc`, credential: staticSession(SESSION) },
      { name: "catkit-test", version: "0", auth: { apply: tokenAs.sessionParam("sessionId") } },
    );
    const ping = await ctx.send({ method: "GET", url: ctx.url("ping"), auth: false });
    expect(await readText(ping)).toBe("OK");
    const q = await ctx.send({ method: "GET", url: ctx.url("echo-query") });
    expect(await readJson(q)).toEqual({ sessionId: SESSION });
    const f = await ctx.send({ method: "POST", url: ctx.url("echo-form"), body: formBody({ a: 1, b: "x y" }) });
    expect(await readJson(f)).toEqual({ a: "1", b: "x y", sessionId: SESSION });
    await ctx.close();
  });

  it("redacts the session id from an HttpError built from a signed request", async () => {
    const ctx = createClientContext(
      { url: `${server.origin}/svc`, credential: SESSION },
      { name: "catkit-test", version: "0", auth: { apply: tokenAs.sessionParam("sessionId") } },
    );
    const res = await ctx.send({ method: "GET", url: ctx.url("missing") });
    const err = new HttpError({ status: res.status, method: "GET", url: `${res.request.url}?${res.request.query?.toString() ?? ""}`, body: await readJson(res) });
    expect(err.status).toBe(404);
    expect(err.url).toContain("sessionId=[REDACTED]");
    expect(JSON.stringify(err)).not.toContain(SESSION);
    await ctx.close();
  });
});
