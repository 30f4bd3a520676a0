// Sessions through the client: login, info, refresh, logout, expiry, the automatic refresh with
// one request in flight, and the transparent re-login on SESSION (icat-ids.md §1.3, §5 #4).
import { AuthError } from "@catkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IcatClient, IcatSessionError, Query, icatLogin } from "../../src/index.ts";
import { startIcatSandbox, tutorialFixture, type IcatSandbox } from "../../src/testing/index.ts";
import { FAST_RETRY } from "../support/sandbox.ts";

let sandbox: IcatSandbox;
beforeAll(async () => {
  sandbox = await startIcatSandbox({ fixture: tutorialFixture });
});
afterAll(() => sandbox.close());

const count = (method: string, path: RegExp, since: number) => sandbox.requests.slice(since).filter((r) => r.method === method && path.test(r.url)).length;

describe("IcatClient sessions", () => {
  it("logs in, tells user, minutes, version and properties, and logs out", async () => {
    const icat = new IcatClient({ url: sandbox.url });
    const sessionId = await icat.login("db", { username: "nbour", password: "secret" });
    expect(sandbox.sessions.userName(sessionId)).toBe("db/nbour");
    expect(await icat.getUserName()).toBe("db/nbour");
    expect(await icat.getRemainingMinutes()).toBeGreaterThan(119);
    expect(await icat.isLoggedIn("db/nbour")).toBe(true);
    expect(await icat.version()).toBe("6.2.0");
    const props = await icat.properties();
    expect(props).toMatchObject({ maxEntities: 10000, lifetimeMinutes: 120, authenticators: [{ mnemonic: "db" }] });
    await icat.refresh();
    await icat.logout();
    expect(() => sandbox.sessions.userName(sessionId)).toThrow(/Unable to find user/);
    await expect(icat.search("Facility")).rejects.toBeInstanceOf(AuthError);
    await icat.close();
  });

  it("reports a failed login as IcatSessionError with ICAT's message", async () => {
    const icat = new IcatClient({ url: sandbox.url });
    const err = await icat.login("db", { username: "nbour", password: "wrong" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IcatSessionError);
    expect(err).toMatchObject({ status: 403, icatCode: "SESSION", icatMessage: "The username and password do not match " });
    await expect(icat.login("ldap", { username: "x", password: "y" })).rejects.toThrow(/Authenticator mnemonic ldap not recognised/);
    await icat.close();
  });

  it("uses an existing session id, and reports its expiry as SESSION (nothing to log in with)", async () => {
    const id = sandbox.login("db/nbour");
    const icat = new IcatClient({ url: sandbox.url, credential: id });
    expect(await icat.search("SELECT COUNT(i) FROM Investigation i")).toEqual([1]);
    sandbox.sessions.expire(id);
    const err = await icat.search("Facility").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IcatSessionError);
    // ICAT quotes the session id; the error keeps its text with the id masked.
    expect((err as IcatSessionError).icatMessage).toBe("Session id:[REDACTED] has expired");
    // icat.server refreshes an expired session until it is purged.
    await icat.refresh();
    expect(await icat.search("SELECT COUNT(i) FROM Investigation i")).toEqual([1]);
    await icat.close();
  });

  it("logs in again, once and transparently, when ICAT forgets the session", async () => {
    const icat = new IcatClient({ url: sandbox.url, retry: FAST_RETRY });
    const first = await icat.login("db", { username: "nbour", password: "secret" });
    sandbox.sessions.logout(first);
    const since = sandbox.requests.length;
    expect(await icat.search(new Query("Investigation", { attributes: "name" }))).toEqual(["12100409-ST"]);
    expect(count("POST", /\/session$/, since)).toBe(1);
    const second = (await icat.credential.getToken()).token;
    expect(second).not.toBe(first);
    expect(sandbox.sessions.userName(second)).toBe("db/nbour");
    await icat.close();
  });

  it("does not log in again on INSUFFICIENT_PRIVILEGES (also a 403)", async () => {
    const icat = new IcatClient({ url: sandbox.url });
    await icat.login("db", { username: "nbour", password: "secret" });
    const since = sandbox.requests.length;
    await expect(icat.create("Facility", { name: "not mine" })).rejects.toMatchObject({ status: 403, icatCode: "INSUFFICIENT_PRIVILEGES" });
    expect(count("POST", /\/session$/, since)).toBe(0);
    await icat.close();
  });

  it("refreshes before expiry, with one refresh in flight for concurrent calls", async () => {
    let now = Date.now();
    const short = await startIcatSandbox({ fixture: tutorialFixture, lifetimeMinutes: 10 });
    try {
      const credential = icatLogin({ url: short.url, plugin: "db", credentials: { username: "jdoe", password: "secret" }, now: () => now });
      const icat = new IcatClient({ url: short.url, credential });
      await icat.search("SELECT COUNT(d) FROM Dataset d");
      const since = short.requests.length;
      now += 6 * 60_000; // 4 of 10 minutes left: inside the window (half the lifetime)
      await Promise.all(Array.from({ length: 5 }, () => icat.search("SELECT COUNT(d) FROM Dataset d")));
      const refreshes = short.requests.slice(since).filter((r) => r.method === "PUT" && /\/session\//.test(r.url));
      expect(refreshes).toHaveLength(1);
      expect(credential.peek()?.expiresAt).toBeGreaterThan(now + 9 * 60_000);
      await credential.logout();
      expect(short.sessions.size).toBe(0);
      await icat.close();
    } finally {
      await short.close();
    }
  });

  it("keeps a session of a short lifetime alive across its expiry by refreshing it", async () => {
    const short = await startIcatSandbox({ fixture: tutorialFixture, lifetimeMinutes: 0.01 }); // 600 ms
    try {
      const icat = new IcatClient({ url: short.url });
      const id = await icat.login("db", { username: "nbour", password: "secret" });
      for (let i = 0; i < 4; i++) {
        await new Promise((r) => setTimeout(r, 250));
        expect(await icat.search("SELECT COUNT(d) FROM Dataset d")).toEqual([2]);
      }
      expect((await icat.credential.getToken()).token).toBe(id); // refreshed, never re-logged in
      // A static session of the same lifetime simply expires.
      const fixed = new IcatClient({ url: short.url, credential: short.login("db/nbour") });
      await new Promise((r) => setTimeout(r, 700));
      await expect(fixed.search("Facility")).rejects.toThrow(/has expired/);
      await icat.close();
      await fixed.close();
    } finally {
      await short.close();
    }
  });

  it("shares one icatLogin between clients", async () => {
    const credential = icatLogin({ url: sandbox.url, plugin: "db", credentials: { username: "rbeck", password: "secret" } });
    const a = new IcatClient({ url: sandbox.url, credential });
    const b = new IcatClient({ url: sandbox.url, credential });
    expect(await a.getUserName()).toBe("db/rbeck");
    expect(await b.getUserName()).toBe("db/rbeck");
    expect((await a.credential.getToken()).token).toBe((await b.credential.getToken()).token);
    await a.logout();
    await a.close();
    await b.close();
  });
});
