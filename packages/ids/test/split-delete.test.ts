// issue 7 item 1: a delete too long for one URL is sent in parts, but ids.server deletes one
// selection all-or-nothing. The client checks every part before deleting anything, and reports
// a part that still fails with the exact lists of what was and was not deleted.
import { afterEach, describe, expect, it } from "vitest";
import { IdsClient, IdsIncompleteDeleteError, IdsInsufficientPrivilegesError, IdsNotFoundError } from "../src/index.ts";
import { CatalogueError, InMemoryCatalogue, seedTutorial, startIdsSandbox, type IdsSandbox } from "../src/testing/index.ts";

// Fails ICAT's deleteMany on the n-th call, as ICAT does for a user who may read but not delete.
class FailingDeleteCatalogue extends InMemoryCatalogue {
  calls = 0;
  readonly failOn: number;
  constructor(failOn: number) {
    super();
    this.failOn = failOn;
  }
  override deleteDatafiles(sessionId: string, datafileIds: readonly number[]): Promise<void> {
    if (++this.calls === this.failOn) return Promise.reject(new CatalogueError("INSUFFICIENT_PRIVILEGES", "Delete access to this Datafile is not allowed."));
    return super.deleteDatafiles(sessionId, datafileIds);
  }
}

let sandbox: IdsSandbox<InMemoryCatalogue>;
let ids: IdsClient;
let datasetId: number;
afterEach(async () => {
  await ids.close();
  await sandbox.close();
});

async function start(catalogue: InMemoryCatalogue, count = 300): Promise<number[]> {
  sandbox = await startIdsSandbox({ catalogue });
  const seed = seedTutorial(sandbox.catalogue);
  datasetId = seed.dataset.id;
  const fileIds: number[] = [];
  for (let i = 0; i < count; i++) fileIds.push((await sandbox.addDatafile({ datasetId: seed.dataset.id, name: `f${i}.txt`, content: `file ${i}\n` })).id);
  ids = new IdsClient({ url: sandbox.url, credential: seed.sessionId, maxUrlLength: 400, retry: false });
  return fileIds;
}

const remaining = async () => (await ids.getDatafileIds({ datasetIds: [datasetId] })).ids;
const deletes = () => sandbox.requests.filter((r) => r.method === "DELETE").length;

describe("delete of a selection too long for one request", () => {
  it("deletes nothing when one id is unknown (300 datafiles + 1 unknown id, maxUrlLength 400)", async () => {
    const fileIds = await start(new InMemoryCatalogue());
    const err = await ids.delete({ datafileIds: [...fileIds, 999_999] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdsNotFoundError);
    expect((err as IdsNotFoundError).idsMessage).toContain("999999");
    expect(deletes()).toBe(0);
    expect(await remaining()).toEqual(fileIds);
    const stored = await Promise.all(fileIds.map(async (id) => sandbox.storage.size((await sandbox.catalogue.getDatafile(sandbox.rootSessionId, id)).location ?? "")));
    expect(stored.every((size) => size !== undefined && size > 0)).toBe(true);
  });

  it("deletes everything, in several requests, when every part passes the checks", async () => {
    const fileIds = await start(new InMemoryCatalogue());
    await ids.delete({ datafileIds: fileIds });
    expect(deletes()).toBeGreaterThan(1);
    expect(await remaining()).toEqual([]);
  });

  it("reports exactly what was deleted when a later part fails (fault injected in ICAT's deleteMany)", async () => {
    const fileIds = await start(new FailingDeleteCatalogue(2));
    const err = await ids.delete({ datafileIds: fileIds }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdsIncompleteDeleteError);
    const e = err as IdsIncompleteDeleteError;
    expect(e.code).toBe("IDS_INCOMPLETE_DELETE");
    expect(e.cause).toBeInstanceOf(IdsInsufficientPrivilegesError);
    expect(e.deleted.length).toBeGreaterThan(0);
    expect([...e.deleted, ...e.notDeleted]).toEqual(fileIds);
    expect(e.uncertain).toEqual([]);
    // The lists are the truth: what is left in the catalogue is exactly notDeleted.
    expect(await remaining()).toEqual(e.notDeleted);
    expect(e.message).toContain(`${e.deleted.length} datafiles were deleted`);
    expect(e.message).toContain(`${e.notDeleted.length} were NOT deleted`);
    expect(e.toJSON()).toMatchObject({ code: "IDS_INCOMPLETE_DELETE", deleted: e.deleted, notDeleted: e.notDeleted });
  });

  it("throws IDS's own error when the first part is refused: nothing was deleted", async () => {
    const fileIds = await start(new FailingDeleteCatalogue(1), 120);
    await expect(ids.delete({ datafileIds: fileIds })).rejects.toThrow(IdsInsufficientPrivilegesError);
    expect(await remaining()).toHaveLength(120);
  });
});
