import { describe, expect, it } from "vitest";
import { authPolicy, AuthError, bearerToken, createClientContext, HttpError, sessionCredential, tokenAs, type ErrorResponse } from "../../src/index.ts";
import { createPipeline, jwtExpiry, formBody } from "../../src/internal.ts";
import { mockTransport } from "../../src/testing/index.ts";

const jwt = (payload: object) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.sig`;

describe("bearerToken", () => {
  it("decodes exp and refuses a token about to expire with a clear error", async () => {
    const now = 1_800_000_000_000;
    const soon = jwt({ exp: now / 1000 + 10 });
    expect(jwtExpiry(soon)).toBe(now / 1000 + 10);
    await expect(bearerToken(soon, { now: () => now }).getToken()).rejects.toMatchObject({
      code: "CATKIT_TOKEN_EXPIRED",
      message: expect.stringMatching(/expires at .* in 10 s, less than the required 30 s/),
    });
    const ok = jwt({ exp: now / 1000 + 3600 });
    expect((await bearerToken(ok, { now: () => now }).getToken()).expiresAt).toBe(now + 3_600_000);
  });

  it("accepts opaque (non-JWT) tokens", async () => {
    expect(jwtExpiry("opaque-token")).toBeUndefined();
    expect((await bearerToken("opaque-token").getToken()).token).toBe("opaque-token");
  });

  it("fetches a fresh token from a provider when the current one nears expiry", async () => {
    let now = 1_800_000_000_000;
    let n = 0;
    const cred = bearerToken(async () => jwt({ exp: now / 1000 + 60, n: ++n }), { now: () => now });
    const a = await cred.getToken();
    now += 45_000;
    const b = await cred.getToken();
    expect(a.token).not.toBe(b.token);
    expect(n).toBe(2);
  });

  it("the error names no token", async () => {
    const token = jwt({ exp: 1 });
    const err = await bearerToken(token).getToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(JSON.stringify(err)).not.toContain(token);
  });
});

describe("authPolicy", () => {
  // An ICAT-like server: 403 {"code":"SESSION"} for sessions it does not know.
  function icatLike(valid: Set<string>) {
    return mockTransport((req) => {
      const session = req.body?.kind === "form" ? req.body.fields.get("sessionId") : req.query?.get("sessionId");
      return valid.has(session ?? "") ? { status: 200, body: "ok" } : { status: 403, body: '{"code":"SESSION","message":"Session id:x has expired"}' };
    });
  }
  // Looks at the typed error the mapper built (the default mapper: an HttpError with the parsed body).
  const isSessionFailure = (error: Error) => error instanceof HttpError && (error.body as { code?: unknown } | undefined)?.code === "SESSION";

  it("re-logs in once on a session error and retries with the new session (query and form)", async () => {
    const valid = new Set<string>();
    let n = 0;
    const cred = sessionCredential({
      login: async () => {
        const token = `s${++n}`;
        valid.add(token);
        return { token };
      },
    });
    await cred.getToken();
    valid.clear(); // the server forgot the session
    const transport = icatLike(valid);
    const send = createPipeline(transport, [authPolicy({ credential: cred, apply: tokenAs.sessionParam("sessionId"), isAuthFailure: isSessionFailure })]);
    expect((await send({ method: "GET", url: "http://icat/x" })).status).toBe(200);
    expect(transport.calls.map((c) => c.query?.get("sessionId"))).toEqual(["s1", "s2"]);
    valid.clear();
    expect((await send({ method: "POST", url: "http://icat/x", body: formBody({ a: 1 }) })).status).toBe(200);
    expect(transport.calls.slice(2).map((c) => (c.body?.kind === "form" ? c.body.fields.get("sessionId") : undefined))).toEqual(["s2", "s3"]);
  });

  it("gives up after one re-login and hands the error response on with its body intact", async () => {
    const cred = sessionCredential({ login: async () => ({ token: "never-valid" }) });
    const transport = icatLike(new Set());
    const send = createPipeline(transport, [authPolicy({ credential: cred, apply: tokenAs.sessionParam("sessionId"), isAuthFailure: isSessionFailure })]);
    const res = await send({ method: "GET", url: "http://icat/x" });
    expect(res.status).toBe(403);
    expect(transport.calls).toHaveLength(2);
    let text = "";
    for await (const chunk of res.body) text += String(chunk);
    expect(JSON.parse(text)).toMatchObject({ code: "SESSION" });
  });

  it("parses a failed response's error body once: the auth check and the caller's error are one object", async () => {
    const mapped: ErrorResponse[] = [];
    const errorMapper = (r: ErrorResponse) => {
      mapped.push(r);
      return new HttpError({ ...r, message: `mapped ${r.status}` });
    };
    const seen: Error[] = [];
    // A credential that cannot renew: the 403 passes through to the caller.
    const cred = sessionCredential({}, { initial: { token: "stale-session-token" } });
    const transport = mockTransport((req) =>
      req.url.endsWith("/gone") ? { status: 403, body: '{"code":"SESSION","message":"Session id:x has expired"}' } : { status: 404, body: '{"code":"NO_SUCH_OBJECT_FOUND"}' },
    );
    const ctx = createClientContext(
      { url: "http://icat/icat", credential: cred, transport, retry: false },
      { name: "t", version: "1", errorMapper, auth: { apply: tokenAs.sessionParam("sessionId"), isAuthFailure: (e) => (seen.push(e), isSessionFailure(e)) } },
    );
    const err = await ctx.request({ method: "GET", path: "gone", operation: "t.gone" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ message: "mapped 403", body: { code: "SESSION" } });
    expect(mapped).toHaveLength(1);
    expect(seen).toEqual([err]);
    // Any other failure is mapped once too, and the auth check saw the very error thrown.
    const other = await ctx.request({ method: "GET", path: "missing", operation: "t.missing" }).catch((e: unknown) => e);
    expect(other).toMatchObject({ message: "mapped 404", body: { code: "NO_SUCH_OBJECT_FOUND" } });
    expect(mapped).toHaveLength(2);
    expect(seen[1]).toBe(other);
  });

  it("puts bearer tokens in the Authorization header", async () => {
    const transport = mockTransport(() => ({ status: 200 }));
    const send = createPipeline(transport, [authPolicy({ credential: bearerToken("opaque-token-1"), apply: tokenAs.bearer })]);
    await send({ method: "GET", url: "http://scicat/api" });
    expect(transport.calls[0]?.headers?.authorization).toBe("Bearer opaque-token-1");
  });
});
