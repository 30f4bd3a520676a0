import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScicatSandbox, type ScicatSandbox } from "../src/testing/index.ts";
import { call, login } from "./sandbox-helpers.ts";

let sandbox: ScicatSandbox;
beforeAll(async () => {
  sandbox = await startScicatSandbox({ jwtExpiresIn: 60 });
});
afterAll(() => sandbox.close());

describe("sandbox auth (BE auth.controller / jwt-auth.guard)", () => {
  it("login answers 201 with the ReturnedAuthLoginDto shape, id === access_token", async () => {
    const res = await call(sandbox, "POST", "/api/v3/auth/login", { body: { username: "ingestor", password: "aman" } });
    expect(res.status).toBe(201);
    const body = res.json as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["access_token", "created", "expires_in", "id", "ttl", "user", "userId"]);
    expect(body.id).toBe(body.access_token);
    expect(body.expires_in).toBe(60);
    expect((body.user as Record<string, unknown>).username).toBe("ingestor");
    expect(JSON.stringify(body.user)).not.toContain("aman");
  });

  it("bad credentials give a bare 401", async () => {
    const res = await call(sandbox, "POST", "/api/v3/auth/login", { body: { username: "ingestor", password: "wrong" } });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ message: "Unauthorized", statusCode: 401 });
  });

  it("auth/ldap and its legacy twin auth/msad log directory users in with the same answer; each route knows only its own users", async () => {
    for (const path of ["/api/v3/auth/ldap", "/api/v3/auth/msad"]) {
      const res = await call(sandbox, "POST", path, { body: { username: "ldapuser", password: "ldap-s3cret" } });
      expect(res.status).toBe(201);
      const body = res.json as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(["access_token", "created", "expires_in", "id", "ttl", "user", "userId"]);
      expect(body.id).toBe(body.access_token);
      expect(body.user).toMatchObject({ username: "ldapuser", authStrategy: "ldap" });
      const who = await call(sandbox, "GET", "/api/v3/auth/whoami", { token: body.id as string });
      expect(who.json).toMatchObject({ username: "ldapuser", currentGroups: ["group1"], authStrategy: "ldap" });
    }
    const refusals = [
      ["/api/v3/auth/msad", { username: "ldapuser", password: "wrong" }],
      ["/api/v3/auth/msad", { username: "ingestor", password: "aman" }],
      ["/api/v3/auth/ldap", {}],
      ["/api/v3/auth/login", { username: "ldapuser", password: "ldap-s3cret" }],
    ] as const;
    for (const [path, body] of refusals) {
      const res = await call(sandbox, "POST", path, { body });
      expect([path, res.status, res.json]).toEqual([path, 401, { message: "Unauthorized", statusCode: 401 }]);
    }
  });

  it("the deprecated Users/login answers 201 with an empty body (any case)", async () => {
    const res = await call(sandbox, "POST", "/api/v3/Users/login", { body: { username: "user1", password: "a609316768619f154ef58db4d847b75e" } });
    expect(res.status).toBe(201);
    expect(res.text).toBe("");
  });

  it("accepts the Bearer header; access_token is copied verbatim, so a bare jwt is anonymous", async () => {
    const token = await login(sandbox);
    expect((await call(sandbox, "GET", "/api/v3/auth/whoami", { token })).json).toMatchObject({ username: "ingestor", currentGroups: ["ingestor"] });
    expect((await call(sandbox, "GET", `/api/v3/auth/whoami?access_token=${token}`)).status).toBe(401);
    const prefixed = await call(sandbox, "GET", `/api/v3/auth/whoami?access_token=${encodeURIComponent(`Bearer ${token}`)}`);
    expect(prefixed.status).toBe(200);
  });

  it("an expired token is a 401 SESSION_EXPIRED; a forged one is anonymous", async () => {
    const token = await login(sandbox);
    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await call(sandbox, "GET", "/api/v4/datasets", { token: forged })).status).toBe(403);
    sandbox.advanceTime(61_000);
    const res = await call(sandbox, "GET", "/api/v4/datasets", { token });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ message: "SESSION_EXPIRED", error: "Unauthorized", statusCode: 401 });
  });

  it("admins mint never-expiring tokens; others get 403", async () => {
    const admin = await login(sandbox, "admin", "2jf70TPNZsS");
    const who = (await call(sandbox, "GET", "/api/v3/auth/whoami", { token: admin })).json as { _id: string };
    const res = await call(sandbox, "POST", `/api/v3/users/${who._id}/jwt`, { token: admin, body: { expiresIn: "never" } });
    expect(res.status).toBe(201);
    const jwt = (res.json as { jwt: string }).jwt;
    const payload = JSON.parse(Buffer.from(jwt.split(".")[1] as string, "base64url").toString()) as Record<string, unknown>;
    expect(payload.exp).toBeUndefined();
    sandbox.advanceTime(10 * 365 * 86_400_000);
    expect((await call(sandbox, "GET", "/api/v3/auth/whoami", { token: jwt })).status).toBe(200);
    const user = await login(sandbox, "user1", "a609316768619f154ef58db4d847b75e");
    expect((await call(sandbox, "POST", `/api/v3/users/${who._id}/jwt`, { token: user, body: {} })).status).toBe(403);
  });

  it("unknown routes answer Nest's 404", async () => {
    const res = await call(sandbox, "GET", "/api/v4/nothing");
    expect(res.json).toEqual({ message: "Cannot GET /api/v4/nothing", error: "Not Found", statusCode: 404 });
  });
});
