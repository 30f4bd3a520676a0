import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResponseValidationError } from "@catkit/core";
import { mockTransport } from "@catkit/core/testing";
import { IdsClient, IdsInsufficientPrivilegesError } from "../src/index.ts";
import { startFixture, type Fixture } from "./helpers.ts";

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ icatUrl: "https://icat.example.org:8181", version: "2.1.1" });
});
afterAll(() => f.close());

describe("calls about the server", () => {
  it("ping, version, getApiVersion, getIcatUrl, isReadOnly, isTwoLevel", async () => {
    await expect(f.ids.ping()).resolves.toBeUndefined();
    expect(await f.ids.version()).toEqual({ version: "2.1.1" });
    expect(await f.ids.getApiVersion()).toBe("2.1.1");
    expect(await f.ids.getIcatUrl()).toBe("https://icat.example.org:8181");
    expect(await f.ids.isReadOnly()).toBe(false);
    expect(await f.ids.isTwoLevel()).toBe(false);
  });

  it("sends no session id on calls that take none", async () => {
    const before = f.sandbox.requests.length;
    await f.ids.ping();
    await f.ids.isReadOnly();
    expect(f.sandbox.requests.slice(before).every((r) => !r.url.includes("sessionId"))).toBe(true);
  });

  it("getServiceStatus answers root users and refuses others", async () => {
    const root = new IdsClient({ url: f.sandbox.url, credential: f.sandbox.rootSessionId });
    expect(await root.getServiceStatus()).toEqual({ opsQueue: [], lockCount: 0, locks: [], failures: [] });
    const err = await f.ids.getServiceStatus().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdsInsufficientPrivilegesError);
    expect((err as IdsInsufficientPrivilegesError).idsMessage).toBe("db/nbour is not included in the ids rootUserNames set.");
    await root.close();
  });

  // issue 7 item 13: a 403 for a missing privilege must not tell the user to log in again.
  it("a 403 says 'log in again' only when IDS's message is about the session", async () => {
    const notRoot = (await f.ids.getServiceStatus().catch((e: unknown) => e)) as IdsInsufficientPrivilegesError;
    expect(notRoot.sessionInvalid).toBe(false);
    expect(notRoot.message).toMatch(/lacks the privilege for this call or data: ask the facility for access\.$/);
    expect(notRoot.message).not.toMatch(/log in again|invalid or expired/i);

    const nosy = new IdsClient({ url: f.sandbox.url, credential: f.sandbox.catalogue.createSession("db/nosy", { readable: [] }) });
    const denied = (await nosy.getSize({ datasetIds: [f.seed.dataset.id] }).catch((e: unknown) => e)) as IdsInsufficientPrivilegesError;
    expect(denied).toBeInstanceOf(IdsInsufficientPrivilegesError);
    expect(denied).toMatchObject({ sessionInvalid: false });
    expect(denied.message).not.toMatch(/log in again/i);

    const stranger = new IdsClient({ url: f.sandbox.url, credential: "0d9a5f3e-1c2b-4d5e-8f70-a1b2c3d4e5f6" });
    const gone = (await stranger.getServiceStatus().catch((e: unknown) => e)) as IdsInsufficientPrivilegesError;
    expect(gone).toBeInstanceOf(IdsInsufficientPrivilegesError);
    expect(gone.sessionInvalid).toBe(true);
    expect(gone.message).toMatch(/The ICAT session is invalid or expired: log in again\.$/);
    expect(gone.toJSON()).toMatchObject({ sessionInvalid: true });
    await nosy.close();
    await stranger.close();
  });

  it("rejects a server that is not an IDS", async () => {
    const other = new IdsClient({ url: "https://x.example.org/ids", transport: mockTransport(() => ({ status: 200, body: "<html>hello</html>" })) });
    await expect(other.ping()).rejects.toThrow(ResponseValidationError);
    await expect(other.isReadOnly()).rejects.toThrow(/expected true or false/);
  });
});

describe("version on older servers (python-icat's legacy probes)", () => {
  const notFound = { status: 404, body: "Not Found" };
  it("uses getApiVersion on 1.3–1.12", async () => {
    const t = mockTransport((r) => (r.url.endsWith("/getApiVersion") ? { status: 200, body: "1.12.0" } : notFound));
    const ids = new IdsClient({ url: "https://old.example.org/ids", transport: t });
    expect(await ids.version()).toEqual({ version: "1.12.0" });
    expect(await ids.getApiVersion()).toBe("1.12.0");
  });
  it("reports 1.2.0 when only isReadOnly exists, 1.0.0 when not even that", async () => {
    const t120 = mockTransport((r) => (r.url.endsWith("/ping") ? { status: 200, body: "IdsOK" } : r.url.endsWith("/isReadOnly") ? { status: 200, body: "false" } : notFound));
    expect(await new IdsClient({ url: "https://old.example.org/ids", transport: t120 }).version()).toEqual({ version: "1.2.0" });
    const t100 = mockTransport((r) => (r.url.endsWith("/ping") ? { status: 200, body: "IdsOK" } : notFound));
    expect(await new IdsClient({ url: "https://old.example.org/ids", transport: t100 }).version()).toEqual({ version: "1.0.0" });
  });
  it("does not mistake a dead server for an old one", async () => {
    const t = mockTransport((r) => (r.url.endsWith("/ping") ? { status: 502, body: "bad gateway" } : notFound));
    const ids = new IdsClient({ url: "https://old.example.org/ids", transport: t, retry: false });
    await expect(ids.version()).rejects.toMatchObject({ status: 502 });
  });
});
