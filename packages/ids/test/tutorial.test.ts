// The python-icat IDS tutorial (seed 004), step by step, on the sandbox: upload three files,
// download one file and the dataset zip, archive and restore, prepareData then getData.
import { readFile, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataSelection, IdsClient, IdsDataNotOnlineError } from "../src/index.ts";
import { seedTutorial, startIdsSandbox, type IdsSandbox, type TutorialSeed } from "../src/testing/index.ts";
import { collect, tempDir, unzip } from "./helpers.ts";

let sandbox: IdsSandbox;
let seed: TutorialSeed;
let ids: IdsClient;
let dir: Awaited<ReturnType<typeof tempDir>>;
const uploaded: { id: number; name: string }[] = [];

beforeAll(async () => {
  sandbox = await startIdsSandbox({ twoLevel: { restoreDelayMs: 50 } });
  seed = seedTutorial(sandbox.catalogue);
  ids = new IdsClient({ url: sandbox.url, credential: seed.sessionId });
  dir = await tempDir();
});
afterAll(async () => {
  await ids.close();
  await sandbox.close();
  await dir.remove();
});

describe("the python-icat IDS tutorial", () => {
  it("uploads three files; IDS computes checksum, size and location, and the times come from the files", async () => {
    expect(await ids.isReadOnly()).toBe(false);
    const modTime = new Date("2023-06-28T12:11:52Z");
    for (const [user, name] of [["jdoe", "John"], ["nbour", "Nicolas"], ["rbeck", "Rudolph"]] as const) {
      const path = join(dir.path, `greet-${user}.txt`);
      await writeFile(path, `Hello ${name}!\n`);
      await utimes(path, modTime, modTime);
      const result = await ids.put(path, { datasetId: seed.dataset.id, datafileFormatId: seed.datafileFormat.id });
      uploaded.push({ id: result.id, name: `greet-${user}.txt` });
      const df = sandbox.catalogue.datafile(result.id);
      expect(df?.name).toBe(`greet-${user}.txt`);
      expect(df?.checksum).toBe(result.checksum);
      expect(df?.fileSize).toBe(result.size);
      expect(df?.datafileModTime?.getTime()).toBe(modTime.getTime());
      expect(df?.createId).toBe("db/nbour");
      expect(result.location).toMatch(new RegExp(`^${seed.investigation.id}/${seed.dataset.id}/[0-9a-f-]{36}$`));
    }
    // The checksums of the tutorial's output.
    expect(uploaded.map((u) => sandbox.catalogue.datafile(u.id)?.checksum)).toEqual(["bef32c73", "9012de77", "cc830993"]);
  });

  it("downloads one file, then the dataset as a zip", async () => {
    const single = await ids.getData([{ entityType: "Datafile", id: uploaded[0]?.id }]);
    expect((await collect(single.body)).toString()).toBe("Hello John!\n");
    expect(single.zip).toBe(false);

    const zip = await ids.getData([{ Dataset: { id: seed.dataset.id } }]);
    expect(zip.zip).toBe(true);
    const entries = await unzip(await collect(zip.body));
    expect([...entries.keys()]).toEqual([
      "ids/ESNF/12100409-ST/1.1-P/greetings/greet-jdoe.txt",
      "ids/ESNF/12100409-ST/1.1-P/greetings/greet-nbour.txt",
      "ids/ESNF/12100409-ST/1.1-P/greetings/greet-rbeck.txt",
    ]);
    expect(entries.get("ids/ESNF/12100409-ST/1.1-P/greetings/greet-rbeck.txt")?.data.toString()).toBe("Hello Rudolph!\n");

    const saved = await ids.download({ datafileIds: [uploaded[1]?.id ?? 0] }, join(dir.path, "copy.txt"));
    expect(await readFile(saved.path, "utf8")).toBe("Hello Nicolas!\n");
  });

  it("archives the dataset, gets DataNotOnline, and reads it again after the automatic restore", async () => {
    const selection = new DataSelection([{ entityType: "Dataset", id: seed.dataset.id }]);
    await ids.archive(selection);
    expect(await ids.getStatus(selection)).toBe("ARCHIVED");
    const err = await ids.getData(selection).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdsDataNotOnlineError);
    expect((err as IdsDataNotOnlineError).idsMessage).toBe(
      "Before putting, getting or deleting a datafile, its dataset has to be restored, restoration requested automatically",
    );
    await ids.restoreAndWait(selection, { initialDelayMs: 20 });
    expect(await ids.getStatus(selection)).toBe("ONLINE");
    const again = await ids.download(selection, join(dir.path, "greetings.zip"));
    expect(again.zip).toBe(true);
    expect((await stat(again.path)).size).toBeGreaterThan(0);
  });

  it("prepares the data and fetches it by preparedId", async () => {
    const selection = new DataSelection([{ entityType: "Dataset", id: seed.dataset.id }]);
    const preparedId = await ids.prepareData(selection);
    expect(preparedId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await ids.isPrepared(preparedId)).toBe(true);
    const data = await ids.getData(preparedId);
    const entries = await unzip(await collect(data.body));
    expect(entries.size).toBe(3);
  });
});
