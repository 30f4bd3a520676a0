// Every IDS error code becomes its typed error, from the sandbox's real answers where the
// sandbox can produce them and from injected answers otherwise.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeErrorCode, HttpError, isCatkitError } from "@catkit/core";
import {
  IdsBadRequestError,
  IdsClient,
  IdsDataNotOnlineError,
  IdsError,
  IdsInsufficientPrivilegesError,
  IdsInsufficientStorageError,
  IdsInternalError,
  IdsNotFoundError,
  IdsNotImplementedError,
  IdsErrorCode,
  IdsRestoreFailedError,
} from "../src/index.ts";
import { startFixture, type Fixture } from "./helpers.ts";

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.close());

const body = (code: string, message: string) => JSON.stringify({ code, message });

describe("IDS errors", () => {
  it("registers every IDS code with core, described", () => {
    for (const code of Object.values(IdsErrorCode)) expect(describeErrorCode(code)).toMatch(/^\S.{10,}/);
  });

  it("400 BadRequestException", async () => {
    f.sandbox.faults.respondWith(400, { body: body("BadRequestException", "The datasetIds parameter 'x' is not a valid …") });
    const err = await f.ids.getSize({ datasetIds: [1] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdsBadRequestError);
    expect(err).toMatchObject({ status: 400, code: IdsErrorCode.BadRequest, idsCode: "BadRequestException" });
  });

  it("403 InsufficientPrivilegesException for an unknown session and for data the user may not read", async () => {
    const stranger = new IdsClient({ url: f.sandbox.url, credential: "0d9a5f3e-1c2b-4d5e-8f70-a1b2c3d4e5f6" });
    const err = await stranger.getSize({ datasetIds: [f.seed.dataset.id] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdsInsufficientPrivilegesError);
    expect((err as IdsError).idsMessage).toMatch(/^Unable to find user by sessionid: /);
    // the session id is redacted from everything the error renders
    expect(JSON.stringify(err)).not.toContain("0d9a5f3e-1c2b-4d5e-8f70-a1b2c3d4e5f6");
    const nosy = new IdsClient({ url: f.sandbox.url, credential: f.sandbox.catalogue.createSession("db/nosy", { readable: [] }) });
    await expect(nosy.getData({ datasetIds: [f.seed.dataset.id] })).rejects.toThrow(IdsInsufficientPrivilegesError);
    await stranger.close();
    await nosy.close();
  });

  it("404 NotFoundException for unknown data and prepared ids", async () => {
    const err = await f.ids.getStatus({ datasetIds: [999_999] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdsNotFoundError);
    expect((err as IdsError).idsMessage).toBe("Dataset[id:999999] not found.");
    const unknown = "eb0dd942-7ce9-4ea9-b342-ea326edd4dfe";
    // A preparedId grants data without a session: IDS quotes it, the error masks it.
    await expect(f.ids.isPrepared(unknown)).rejects.toThrow("The preparedId [REDACTED] is not known");
  });

  it("quotes a capped URL and says how to split a selection whose URL the server refuses (431)", async () => {
    const unbounded = new IdsClient({ url: f.sandbox.url, credential: f.seed.sessionId, maxUrlLength: 10_000_000, retry: false });
    const datafileIds = Array.from({ length: 100_000 }, (_, i) => i + 1);
    const err = await unbounded.getStatus({ datafileIds }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 431 });
    const message = (err as HttpError).message;
    expect(message.length).toBeLessThan(1_000);
    expect(message).toMatch(/request URL as too long\. Split the request into smaller ones: lower the IdsClient's maxUrlLength/);
    await unbounded.close();
  });

  it("500 InternalException, and 'Restore failed' as IdsRestoreFailedError", async () => {
    f.sandbox.faults.respondWith(500, { body: body("InternalException", "class java.io.IOException disk on fire") });
    const err = await f.ids.getSize({ datasetIds: [1] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdsInternalError);
    expect(err).not.toBeInstanceOf(IdsRestoreFailedError);
    f.sandbox.faults.respondWith(500, { body: body("InternalException", "Restore failed") });
    const failed = await f.ids.getStatus({ datasetIds: [1] }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(IdsRestoreFailedError);
    expect(failed).toBeInstanceOf(IdsInternalError);
    expect(failed).toMatchObject({ code: IdsErrorCode.RestoreFailed });
  });

  it("500 InsufficientStorageException", async () => {
    f.sandbox.faults.respondWith(500, { body: body("InsufficientStorageException", "no space left") });
    await expect(f.ids.getSize({ datasetIds: [1] })).rejects.toThrow(IdsInsufficientStorageError);
  });

  it("501 NotImplementedException (single-level archive) and NOT_IMPLEMENTED (unknown path)", async () => {
    const err = await f.ids.archive({ datasetIds: [f.seed.dataset.id] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdsNotImplementedError);
    expect((err as IdsError).idsMessage).toBe("This operation is unavailable for single level storage");
    expect((err as Error).message).toMatch(/does not offer the call/);
    f.sandbox.faults.respondWith(501, { body: body("NOT_IMPLEMENTED", "Operation not implemented by this IDS server.") });
    await expect(f.ids.getSize({ datasetIds: [1] })).rejects.toThrow(IdsNotImplementedError);
  });

  it("503 DataNotOnlineException, not retried as a generic 503", async () => {
    const before = f.sandbox.requests.length;
    f.sandbox.faults.respondWith(503, { body: body("DataNotOnlineException", "Data is busy"), match: { path: "/ids/getData" } });
    const err = await f.ids.getData({ datafileIds: [f.files[0]?.id ?? 0] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdsDataNotOnlineError);
    expect(f.sandbox.requests.length - before).toBe(1);
  });

  it("a generic 503 on a safe call is retried by core", async () => {
    f.sandbox.faults.respondWith(503, { times: 2, body: "Service Unavailable", match: { path: "/ids/getStatus" } });
    expect(await f.ids.getStatus({ datasetIds: [f.seed.dataset.id] })).toBe("ONLINE");
  });

  it("a body that is not IDS's JSON gives a plain HttpError", async () => {
    f.sandbox.faults.respondWith(404, { body: "<html>not here</html>" });
    const err = await f.ids.getSize({ datasetIds: [1] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).not.toBeInstanceOf(IdsError);
    expect(isCatkitError(err)).toBe(true);
  });
});
