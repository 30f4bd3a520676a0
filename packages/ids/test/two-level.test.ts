import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IdsClient, IdsDataNotOnlineError, IdsRestoreFailedError, IdsRestoreTimeoutError, type DataStatus } from "../src/index.ts";
import { startFixture, collect, tempDir, type Fixture } from "./helpers.ts";

let f: Fixture;
let root: IdsClient;
const selection = () => ({ datasetIds: [f.seed.dataset.id] });

beforeAll(async () => {
  f = await startFixture({ twoLevel: { restoreDelayMs: 80 } });
  root = new IdsClient({ url: f.sandbox.url, credential: f.sandbox.rootSessionId });
});
afterAll(async () => {
  await root.close();
  await f.close();
});

describe("two-level storage", () => {
  it("archive → ARCHIVED; getData → 503 and a restore queued automatically → RESTORING → ONLINE", async () => {
    expect(await f.ids.isTwoLevel()).toBe(true);
    await f.ids.archive(selection());
    expect(await f.ids.getStatus(selection())).toBe("ARCHIVED");
    const anonymous = new IdsClient({ url: f.sandbox.url });
    expect(await anonymous.getStatus(selection())).toBe("ARCHIVED"); // no session: IDS's reader account
    await expect(f.ids.getData(selection())).rejects.toThrow(IdsDataNotOnlineError);
    expect(await f.ids.getStatus(selection())).toBe("RESTORING");
    const status = await root.getServiceStatus();
    expect(status.opsQueue).toEqual([
      { data: `${f.seed.investigation.id}/${f.seed.dataset.id} (ESNF/12100409-ST/1.1-P/greetings)`, request: "RESTORE_REQUESTED" },
    ]);
    const seen: DataStatus[] = [];
    await f.ids.restoreAndWait(selection(), { initialDelayMs: 20, onStatus: (s) => seen.push(s) });
    expect(seen.at(-1)).toBe("ONLINE");
    expect(await f.ids.getStatus(selection())).toBe("ONLINE");
    await anonymous.close();
  });

  it("getData and download wait for the restore when asked to", async () => {
    await f.ids.archive(selection());
    const data = await f.ids.getData({ datafileIds: [f.files[0]?.id ?? 0] }, { waitForRestore: { initialDelayMs: 20 } });
    expect((await collect(data.body)).toString()).toBe("Hello John!\n");
    await f.ids.archive(selection());
    const out = await tempDir();
    const result = await f.ids.download({ datafileIds: [f.files[1]?.id ?? 0] }, join(out.path, "n.txt"), { waitForRestore: { initialDelayMs: 20 } });
    expect(await readFile(result.path, "utf8")).toBe("Hello Nicolas!\n");
    await out.remove();
  });

  it("a failed restore is remembered (500 'Restore failed') until reset; restoreAndWait resets once and succeeds", async () => {
    await f.ids.archive(selection());
    f.sandbox.twoLevel?.failNextRestore();
    await f.ids.restore(selection());
    await new Promise((r) => setTimeout(r, 120));
    await expect(f.ids.getStatus(selection())).rejects.toThrow(IdsRestoreFailedError);
    expect((await root.getServiceStatus()).failures).toEqual([f.seed.dataset.id]);
    const before = f.sandbox.requests.filter((r) => r.url.endsWith("/reset")).length;
    await f.ids.restoreAndWait(selection(), { initialDelayMs: 20 });
    expect(f.sandbox.requests.filter((r) => r.url.endsWith("/reset")).length - before).toBe(1);
    expect(await f.ids.getStatus(selection())).toBe("ONLINE");
  });

  it("restoreAndWait reports a second failure, and a timeout", async () => {
    await f.ids.archive(selection());
    f.sandbox.twoLevel?.failNextRestore();
    f.sandbox.twoLevel?.failNextRestore();
    await expect(f.ids.restoreAndWait(selection(), { initialDelayMs: 100, maxDelayMs: 100 })).rejects.toThrow(IdsRestoreFailedError);
    await f.ids.reset(selection());
    await f.ids.archive(selection());
    const err = await f.ids.restoreAndWait(selection(), { timeoutMs: 30, initialDelayMs: 20 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdsRestoreTimeoutError);
    // Still archived or restoring when the 30 ms ran out (on a loaded machine, the first poll may
    // come after the timeout), never ONLINE.
    expect(err).toMatchObject({ timeoutMs: 30 });
    expect(["ARCHIVED", "RESTORING"]).toContain((err as IdsRestoreTimeoutError).lastStatus);
    await f.ids.restoreAndWait(selection(), { initialDelayMs: 20 });
  });

  it("prepareData starts the restore; isPrepared turns true; getData by preparedId waits", async () => {
    await f.ids.archive(selection());
    const preparedId = await f.ids.prepareData(selection());
    expect(await f.ids.isPrepared(preparedId)).toBe(false);
    expect(await f.ids.getStatus(preparedId)).toBe("RESTORING");
    await f.ids.restoreAndWait(preparedId, { initialDelayMs: 20 });
    expect(await f.ids.isPrepared(preparedId)).toBe(true);
    await f.ids.archive(selection());
    const data = await f.ids.getData(preparedId, { waitForRestore: { initialDelayMs: 20 } });
    expect((await collect(data.body)).length).toBeGreaterThan(0);
  });

  it("put and write need the dataset online; write queues when it is", async () => {
    await f.ids.archive(selection());
    const put = f.ids.put(Readable.from(["x"]), { name: "late.txt", datasetId: f.seed.dataset.id, datafileFormatId: f.seed.datafileFormat.id });
    await expect(put).rejects.toThrow(IdsDataNotOnlineError);
    await expect(f.ids.write(selection())).rejects.toThrow("Requested data is not online, write request refused");
    await f.ids.restoreAndWait(selection(), { initialDelayMs: 20 });
    await expect(f.ids.write(selection())).resolves.toBeUndefined();
  });

  it("an empty dataset is never offline", async () => {
    const empty = f.sandbox.catalogue.addDataset({ investigationId: f.seed.investigation.id, name: "empty" });
    await f.ids.archive({ datasetIds: [empty.id] });
    expect(await f.ids.getStatus({ datasetIds: [empty.id] })).toBe("ONLINE");
  });
});

describe("two-level storage by datafile", () => {
  it("archives and restores single datafiles, with the datafile message", async () => {
    const g = await startFixture({ twoLevel: { storageUnit: "datafile", restoreDelayMs: 30 } });
    const one = { datafileIds: [g.files[0]?.id ?? 0] };
    await g.ids.archive(one);
    expect(await g.ids.getStatus(one)).toBe("ARCHIVED");
    expect(await g.ids.getStatus({ datafileIds: [g.files[1]?.id ?? 0] })).toBe("ONLINE");
    expect(await g.ids.getStatus({ datasetIds: [g.seed.dataset.id] })).toBe("ARCHIVED");
    const err = await g.ids.getData(one).catch((e: unknown) => e);
    expect((err as IdsDataNotOnlineError).idsMessage).toBe("Before getting a datafile, it must be restored, restoration requested automatically");
    await g.ids.restoreAndWait(one, { initialDelayMs: 10 });
    expect(await g.ids.getStatus({ datasetIds: [g.seed.dataset.id] })).toBe("ONLINE");
    await g.close();
  });
});
