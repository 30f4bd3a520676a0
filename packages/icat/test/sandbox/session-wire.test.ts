// The sandbox's session resource on the wire, as icat.server answers it (icat-ids.md §1.2, §1.3).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIcatSandbox, type IcatSandbox } from "../../src/testing/index.ts";

let sandbox: IcatSandbox;
beforeAll(async () => {
  sandbox = await startIcatSandbox({
    authenticators: [
      { mnemonic: "db", users: { nbour: "secret" } },
      { mnemonic: "simple", users: { root: "pw" }, mechanism: null, admin: true, friendly: "Simple" },
    ],
  });
});
afterAll(() => sandbox.close());

const login = (json: string | undefined) =>
  fetch(`${sandbox.url}/session`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" },
    body: json === undefined ? "" : new URLSearchParams({ json }).toString(),
  });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("login", () => {
  it("answers a UUID session id, for credentials as one object per key or all in one", async () => {
    for (const credentials of [[{ username: "nbour" }, { password: "secret" }], [{ username: "nbour", password: "secret" }]]) {
      const res = await login(JSON.stringify({ plugin: "db", credentials }));
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      const { sessionId } = (await res.json()) as { sessionId: string };
      expect(sessionId).toMatch(UUID);
      expect(sandbox.sessions.userName(sessionId)).toBe("db/nbour");
    }
  });

  it("names the user with the authenticator's mechanism, or without when it has none", async () => {
    const res = await login(JSON.stringify({ plugin: "simple", credentials: [{ username: "root" }, { password: "pw" }] }));
    const { sessionId } = (await res.json()) as { sessionId: string };
    expect(sandbox.sessions.userName(sessionId)).toBe("root");
  });

  it.each([
    [undefined, 400, { code: "BAD_PARAMETER", message: "json must not be null" }],
    ['{"plugin":"ldap","credentials":[]}', 403, { code: "SESSION", message: "Authenticator mnemonic ldap not recognised" }],
    ['{"plugin":"db","credentials":[{"username":"nbour"},{"password":"wrong"}]}', 403, { code: "SESSION", message: "The username and password do not match " }],
    ['{"plugin":"db","credentials":[{"username":"ghost"},{"password":"secret"}]}', 403, { code: "SESSION", message: "The username and password do not match " }],
    ['{"plugin":"db","credentials":[{"password":"secret"}]}', 403, { code: "SESSION", message: "username cannot be null or empty." }],
    ['{"plugin":"db","credentials":[{"username":"nbour"}]}', 403, { code: "SESSION", message: "password cannot be null or empty." }],
  ])("rejects %s with %i %j", async (json, status, body) => {
    const res = await login(json);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual(body);
  });

  it("answers JSON that does not parse as the Java exception icat.server would let through (500 INTERNAL)", async () => {
    const res = await login("{not json");
    expect(res.status).toBe(500);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe("INTERNAL");
    expect(body.message).toMatch(/^class jakarta\.json\.stream\.JsonParsingException /);
  });
});

describe("session/{id}", () => {
  it("tells user and remaining minutes (a fraction), refreshes and logs out with 204", async () => {
    const id = sandbox.login("db/nbour");
    const info = (await (await fetch(`${sandbox.url}/session/${id}`)).json()) as { userName: string; remainingMinutes: number };
    expect(info.userName).toBe("db/nbour");
    expect(info.remainingMinutes).toBeGreaterThan(119.9);
    expect(info.remainingMinutes).toBeLessThanOrEqual(120);
    expect((await fetch(`${sandbox.url}/session/${id}`, { method: "PUT" })).status).toBe(204);
    const out = await fetch(`${sandbox.url}/session/${id}`, { method: "DELETE" });
    expect(out.status).toBe(204);
    expect(await out.text()).toBe("");
    const gone = await fetch(`${sandbox.url}/session/${id}`);
    expect(gone.status).toBe(403);
    expect(await gone.json()).toEqual({ code: "SESSION", message: `Unable to find user by sessionid: ${id}` });
  });

  it("refuses an expired session, but refreshes it until it is purged (allowExpired)", async () => {
    const id = sandbox.login("db/nbour");
    sandbox.sessions.expire(id);
    const expired = await fetch(`${sandbox.url}/session/${id}`);
    expect(expired.status).toBe(403);
    expect(await expired.json()).toEqual({ code: "SESSION", message: `Session id:${id} has expired` });
    expect((await fetch(`${sandbox.url}/session/${id}`, { method: "PUT" })).status).toBe(204);
    expect((await fetch(`${sandbox.url}/session/${id}`)).status).toBe(200);
    sandbox.sessions.expire(id);
    expect(sandbox.sessions.purgeExpired()).toBeGreaterThanOrEqual(1);
    const purged = await fetch(`${sandbox.url}/session/${id}`, { method: "PUT" });
    expect(await purged.json()).toEqual({ code: "SESSION", message: `Unable to find user by sessionid: ${id}` });
  });

  it("tells whether a user is logged in, with or without the mechanism in the path", async () => {
    sandbox.login("db/nbour");
    expect(await (await fetch(`${sandbox.url}/user/db/nbour`)).json()).toEqual({ loggedIn: true });
    expect(await (await fetch(`${sandbox.url}/user/db/nobody`)).json()).toEqual({ loggedIn: false });
    expect(await (await fetch(`${sandbox.url}/user/nobody`)).json()).toEqual({ loggedIn: false });
  });
});

describe("version and properties", () => {
  it("answers without a session", async () => {
    expect(await (await fetch(`${sandbox.url}/version`)).json()).toEqual({ version: "6.2.0" });
    expect(await (await fetch(`${sandbox.url}/properties`)).json()).toEqual({
      maxEntities: 10000,
      lifetimeMinutes: 120,
      authenticators: [
        { mnemonic: "db", keys: [{ name: "username" }, { name: "password", hide: true }] },
        { mnemonic: "simple", keys: [{ name: "username" }, { name: "password", hide: true }], admin: true, friendly: "Simple" },
      ],
      containerType: "Glassfish",
    });
  });
});

describe("paths", () => {
  it("answers unknown paths with 501 NOT_IMPLEMENTED, and a known path with the wrong method as JAX-RS's 405 mapped to INTERNAL", async () => {
    for (const path of ["nothing", "lucene/data", "session/a/b"]) {
      const res = await fetch(`${sandbox.url}/${path}`);
      expect(res.status).toBe(501);
      expect(await res.json()).toEqual({ code: "NOT_IMPLEMENTED", message: "Operation not implemented by this ICAT server." });
    }
    const wrong = await fetch(`${sandbox.url}/version`, { method: "POST" });
    expect(wrong.status).toBe(500);
    expect(await wrong.json()).toEqual({ code: "INTERNAL", message: "class jakarta.ws.rs.NotAllowedException HTTP 405 Method Not Allowed" });
  });
});
