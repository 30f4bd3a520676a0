// issue 7 item 2: a live session id must never be logged or put in an error, and a session the
// client will not hand out must be ended on the server.
import { inspect } from "node:util";
import type { Logger } from "@catkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IcatClient, IcatInternalError } from "../../src/index.ts";
import { startIcatSandbox, tutorialFixture, type IcatSandbox } from "../../src/testing/index.ts";

let sandbox: IcatSandbox;
beforeAll(async () => {
  sandbox = await startIcatSandbox({ fixture: tutorialFixture });
});
afterAll(() => sandbox.close());

function capture(): { logger: Logger; text: () => string } {
  const lines: string[] = [];
  const log = (first: unknown, message?: string) => lines.push(`${JSON.stringify(first)} ${message ?? ""}`);
  return { logger: { trace: log, debug: log, info: log, warn: log, error: log }, text: () => lines.join("\n") };
}

const SESSION_PATH = /\/session\/([0-9a-f-]{36})$/;

describe("session ids in clear", () => {
  it("logs the session calls of a login with the session id masked", async () => {
    const { logger, text } = capture();
    const icat = new IcatClient({ url: sandbox.url, logger });
    const sessionId = await icat.login("db", { username: "nbour", password: "secret" });
    await icat.refresh();
    await icat.logout();
    expect(text()).toMatch(/icat\/session\/\[REDACTED\]/);
    expect(text()).not.toContain(sessionId);
    await icat.close();
  });

  it("a failed expiry lookup after login names no session id and logs the new session out", async () => {
    const since = sandbox.requests.length;
    sandbox.faults.respondWith(500, { match: { method: "GET", path: SESSION_PATH }, body: '{"code":"INTERNAL","message":"boom"}' });
    const { logger, text } = capture();
    const icat = new IcatClient({ url: sandbox.url, logger, retry: false });
    const err = await icat.login("db", { username: "nbour", password: "secret" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IcatInternalError);

    const lookup = sandbox.requests.slice(since).find((r) => r.method === "GET" && SESSION_PATH.test(r.url));
    const sessionId = SESSION_PATH.exec(lookup?.url ?? "")?.[1];
    expect(sessionId).toBeDefined();
    const rendered = [(err as IcatInternalError).message, (err as IcatInternalError).url, JSON.stringify(err), inspect(err), text()];
    for (const r of rendered) expect(r).not.toContain(sessionId);
    expect((err as IcatInternalError).url).toMatch(/\/session\/\[REDACTED\]$/);
    // The session the client could not return was ended, not left live until it expires.
    expect(sandbox.requests.slice(since).some((r) => r.method === "DELETE" && r.url.endsWith(`/session/${sessionId}`))).toBe(true);
    expect(() => sandbox.sessions.userName(sessionId)).toThrow(/Unable to find user/);
    await icat.close();
  });
});
