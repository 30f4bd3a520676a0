// Every ICAT error code through the client: the typed class, catkit's code, the HTTP status and
// ICAT's own code and message (icat-ids.md §1.6); bodies that are not ICAT's stay plain HttpErrors.
import { CoreErrorCode, describeErrorCode, HttpError, isCatkitError } from "@catkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  IcatBadParameterError,
  IcatClient,
  IcatError,
  IcatErrorCode,
  IcatInsufficientPrivilegesError,
  IcatInternalError,
  IcatNoSuchObjectFoundError,
  IcatNotImplementedError,
  IcatObjectAlreadyExistsError,
  IcatSessionError,
  IcatValidationError,
  Query,
  eq,
  icatErrorMapper,
  inList,
  type DatasetType,
  type Investigation,
} from "../../src/index.ts";
import type { IcatSandbox } from "../../src/testing/index.ts";
import { icatFixture } from "../support/sandbox.ts";

let icat: IcatClient;
let sandbox: IcatSandbox;
let close: () => Promise<void>;
let datasetId: number;
beforeAll(async () => {
  ({ icat, sandbox, close } = await icatFixture({ maxEntities: 4 }));
  [datasetId] = (await icat.search(new Query("Dataset", { attributes: "id", limit: [0, 1] }))) as [number];
});
afterAll(() => close());

const failure = (work: () => Promise<unknown>) => work().then(() => undefined, (e: unknown) => e);

describe("ICAT error codes", () => {
  it("registers every ICAT code with core, described", () => {
    for (const code of Object.values(IcatErrorCode)) expect(describeErrorCode(code)).toMatch(/^\S.{10,}/);
  });

  it.each([
    ["BAD_PARAMETER", IcatBadParameterError, IcatErrorCode.BadParameter, 400, () => icat.search("SELECT d FROM Dataset d WHERE")],
    ["SESSION", IcatSessionError, IcatErrorCode.Session, 403, () => new IcatClient({ url: sandbox.url, credential: "0d9a3706-80d4-4d29-9ff3-4d65d4308a24" }).search("Facility")],
    ["INSUFFICIENT_PRIVILEGES", IcatInsufficientPrivilegesError, IcatErrorCode.InsufficientPrivileges, 403, () => icat.create("Facility", { name: "mine" })],
    ["NO_SUCH_OBJECT_FOUND", IcatNoSuchObjectFoundError, IcatErrorCode.NoSuchObjectFound, 404, () => icat.get("Datafile", 424242)],
    ["OBJECT_ALREADY_EXISTS", IcatObjectAlreadyExistsError, IcatErrorCode.ObjectAlreadyExists, 412, async () => {
      const [inv] = (await icat.search(new Query("Investigation", { limit: [0, 1] }))) as [Investigation];
      const [type] = (await icat.search(new Query("DatasetType", { conditions: { name: eq("raw") } }))) as [DatasetType];
      return icat.create("Dataset", { investigation: inv, type, name: "e201215", complete: true });
    }],
    ["VALIDATION", IcatValidationError, IcatErrorCode.Validation, 412, () => icat.search(new Query("ParameterType"))],
    ["INTERNAL", IcatInternalError, IcatErrorCode.Internal, 500, () => icat.update("Dataset", { id: datasetId, fileCount: "many" as never })],
    ["NOT_IMPLEMENTED", IcatNotImplementedError, IcatErrorCode.NotImplemented, 501, () => new IcatClient({ url: `${sandbox.url}/lucene` }).version()],
  ] as const)("%s → %o", async (icatCode, ErrorClass, code, status, work) => {
    const err = await failure(work);
    expect(err).toBeInstanceOf(ErrorClass);
    expect(err).toBeInstanceOf(IcatError);
    expect(err).toBeInstanceOf(HttpError);
    expect(isCatkitError(err)).toBe(true);
    expect(err).toMatchObject({ code, status, icatCode });
    expect((err as IcatError).icatMessage).toEqual(expect.any(String));
    // Session ids never reach messages, URLs or JSON.
    expect(JSON.stringify((err as IcatError).toJSON())).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it("keeps the offset of a failing batch element, in the error and its JSON", async () => {
    const err = (await failure(() => icat.deleteMany("Dataset", [datasetId, 999999]))) as IcatError;
    expect(err).toBeInstanceOf(IcatNoSuchObjectFoundError);
    expect(err.offset).toBe(1);
    expect(err.toJSON()).toMatchObject({ icatCode: "NO_SUCH_OBJECT_FOUND", offset: 1 });
    // Nothing was deleted: one transaction.
    expect(await icat.get("Dataset", datasetId)).toMatchObject({ id: datasetId });
  });

  it("leaves answers that are not ICAT's JSON as plain HttpErrors", async () => {
    const plain = new IcatClient({ url: sandbox.url, credential: sandbox.login("db/root"), retry: false });
    sandbox.faults.respondWith(502, { body: "<html>Bad Gateway</html>", match: { path: /entityManager$/ } });
    const err = await failure(() => plain.search("Facility"));
    expect(err).toBeInstanceOf(HttpError);
    expect(err).not.toBeInstanceOf(IcatError);
    expect(err).toMatchObject({ status: 502, code: CoreErrorCode.Http });
    await plain.close();
  });

  it("quotes a capped URL and says how to split a search whose URL the server refuses (431)", async () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => i + 1);
    const err = await failure(() => icat.search(new Query("Datafile", { conditions: { id: inList(ids) } })));
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 431 });
    const message = (err as HttpError).message;
    expect(message.length).toBeLessThan(1_000);
    expect(message).toMatch(/request URL as too long\. Split the request into smaller ones: search a long IN list in slices with icat\.searchInSlices/);
    // … and the helper it names does the job (issue 7 item 12).
    const found = await icat.searchInSlices(ids, (slice) => new Query("Datafile", { conditions: { id: inList(slice) } }), { sliceSize: 1_000 });
    const all = await icat.search(new Query("Datafile", {}));
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((df) => df.id).sort()).toEqual(all.map((df) => df.id).filter((id) => id !== undefined && id <= 100_000).sort());
    await expect(icat.searchInSlices(ids, (slice) => new Query("Datafile", { conditions: { id: inList(slice) } }), { sliceSize: 0 })).rejects.toThrow(/sliceSize/);
  });

  it("maps by code, not by status", () => {
    const at = { method: "GET", url: "https://icat.example.org/icat/entityManager" };
    expect(icatErrorMapper({ ...at, status: 403, body: { code: "SESSION", message: "x" } })).toBeInstanceOf(IcatSessionError);
    expect(icatErrorMapper({ ...at, status: 403, body: { code: "INSUFFICIENT_PRIVILEGES", message: "x" } })).toBeInstanceOf(IcatInsufficientPrivilegesError);
    expect(icatErrorMapper({ ...at, status: 412, body: { code: "VALIDATION", message: "x", offset: 3 } })).toMatchObject({ offset: 3 });
    expect(icatErrorMapper({ ...at, status: 412, body: { code: "SOMETHING_NEW", message: "x" } })).not.toBeInstanceOf(IcatError);
  });
});
