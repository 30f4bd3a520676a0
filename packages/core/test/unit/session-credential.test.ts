import { describe, expect, it } from "vitest";
import { AuthError, NetworkError, sessionCredential, type SessionSource } from "../../src/index.ts";

const MIN = 60_000;

function fakeServer(lifetimeMs = 120 * MIN) {
  let clock = 1_000_000;
  let n = 0;
  const live = new Set<string>();
  const log: string[] = [];
  const source: SessionSource = {
    async login() {
      await new Promise((r) => setTimeout(r, 5));
      const token = `session-${++n}`;
      live.add(token);
      log.push(`login ${token}`);
      return { token, expiresAt: clock + lifetimeMs };
    },
    async refresh(token) {
      await new Promise((r) => setTimeout(r, 5));
      log.push(`refresh ${token}`);
      return live.has(token) ? { expiresAt: clock + lifetimeMs } : null;
    },
    async logout(token) {
      log.push(`logout ${token}`);
      live.delete(token);
    },
  };
  return { source, log, live, now: () => clock, advance: (ms: number) => (clock += ms) };
}

describe("sessionCredential", () => {
  it("logs in once for concurrent first callers", async () => {
    const s = fakeServer();
    const cred = sessionCredential(s.source, { now: s.now });
    const tokens = await Promise.all([cred.getToken(), cred.getToken(), cred.getToken()]);
    expect(new Set(tokens.map((t) => t.token))).toEqual(new Set(["session-1"]));
    expect(s.log).toEqual(["login session-1"]);
  });

  it("refreshes inside the 30-minute window, once for concurrent callers (python-icat AutoRefreshRemain)", async () => {
    const s = fakeServer();
    const cred = sessionCredential(s.source, { now: s.now });
    await cred.getToken();
    s.advance(80 * MIN); // 40 min left: outside the window
    await cred.getToken();
    expect(s.log).toEqual(["login session-1"]);
    s.advance(15 * MIN); // 25 min left: inside
    const tokens = await Promise.all([cred.getToken(), cred.getToken(), cred.getToken()]);
    expect(tokens.every((t) => t.token === "session-1")).toBe(true);
    expect(s.log).toEqual(["login session-1", "refresh session-1"]);
    expect(cred.peek()?.expiresAt).toBe(s.now() + 120 * MIN);
  });

  it("caps the window at half the lifetime for short sessions", async () => {
    const s = fakeServer(10 * MIN);
    const cred = sessionCredential(s.source, { now: s.now });
    await cred.getToken();
    s.advance(4 * MIN);
    await cred.getToken();
    expect(s.log).toEqual(["login session-1"]);
    s.advance(2 * MIN);
    await cred.getToken();
    expect(s.log).toEqual(["login session-1", "refresh session-1"]);
  });

  it("keeps a still-valid session when a refresh fails for a network reason", async () => {
    const s = fakeServer();
    const cred = sessionCredential({ ...s.source, refresh: () => Promise.reject(new NetworkError("reset")) }, { now: s.now });
    await cred.getToken();
    s.advance(100 * MIN);
    expect((await cred.getToken()).token).toBe("session-1");
    s.advance(30 * MIN); // now expired: the failure must surface
    await expect(cred.getToken()).rejects.toBeInstanceOf(NetworkError);
  });

  it("logs in again when the server says the session is gone", async () => {
    const s = fakeServer();
    const cred = sessionCredential(s.source, { now: s.now });
    await cred.getToken();
    s.live.clear();
    s.advance(100 * MIN);
    expect((await cred.getToken()).token).toBe("session-2");
  });

  it("renew() re-logs in once for a rejected token and is a no-op for a stale rejection", async () => {
    const s = fakeServer();
    const cred = sessionCredential(s.source, { now: s.now });
    const first = await cred.getToken();
    const [a, b] = await Promise.all([cred.renew?.(first.token), cred.renew?.(first.token)]);
    expect([a, b]).toEqual([true, true]);
    expect(s.log.filter((l) => l.startsWith("login"))).toEqual(["login session-1", "login session-2"]);
    expect(await cred.renew?.(first.token)).toBe(true);
    expect(s.log.filter((l) => l.startsWith("login"))).toHaveLength(2);
  });

  it("wraps an existing session without credentials: refreshes, cannot renew", async () => {
    const s = fakeServer();
    const cred = sessionCredential({ refresh: s.source.refresh! }, { initial: { token: "given", expiresAt: s.now() + 10 * MIN }, now: s.now });
    expect((await cred.getToken()).token).toBe("given");
    expect(await cred.renew?.("given")).toBe(false);
    await expect(sessionCredential({}).getToken()).rejects.toBeInstanceOf(AuthError);
  });

  it("logs out and forgets the session", async () => {
    const s = fakeServer();
    const cred = sessionCredential(s.source, { now: s.now });
    await cred.getToken();
    await cred.logout();
    expect(cred.peek()).toBeUndefined();
    expect(s.log).toContain("logout session-1");
  });
});
