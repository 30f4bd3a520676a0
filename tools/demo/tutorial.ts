// python-icat's IDS tutorial (doc/src/tutorial-ids.rst), step by step, through catkit's public
// API only: log in, create a dataset, upload three files with putData, find them with the Query
// builder, download a file and the dataset's zip, archive, restore, prepareData, and check every
// checksum. Each step prints what it did; any surprise throws.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { crc32 } from "node:zlib";
import { IcatClient, Query, dataSelection, eq, type Datafile } from "@catkit/icat";
import { IdsDataNotOnlineError, crc32Hex } from "@catkit/ids";
import { zipEntries } from "./zip-entries.ts";

/** Where the demo prints. */
export type Say = (line: string) => void;

const GREETINGS = [
  ["greet-jdoe.txt", "Hello John!\n"],
  ["greet-nbour.txt", "Hello Nicolas!\n"],
  ["greet-rbeck.txt", "Hello Rudolph!\n"],
] as const;

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`demo check failed: ${what}`);
}


/**
 * Walks the tutorial against an ICAT and an IDS.
 *
 * @example
 * ```ts
 * await runTutorial({ icatUrl, idsUrl, say: (line) => process.stdout.write(`${line}\n`) });
 * ```
 */
export async function runTutorial(options: { icatUrl: string; idsUrl: string; say: Say }): Promise<void> {
  const { say } = options;
  const icat = new IcatClient({ url: options.icatUrl, idsUrl: options.idsUrl });
  const dir = await mkdtemp(join(tmpdir(), "catkit-demo-"));
  try {
    say("1. Log in");
    await icat.login("db", { username: "nbour", password: "secret" });
    const { userName, remainingMinutes } = await icat.sessionInfo();
    say(`   logged in as ${userName} (${remainingMinutes.toFixed(1)} minutes left); ICAT ${await icat.version()}, IDS two-level: ${await icat.ids.isTwoLevel()}`);

    say("2. Create the dataset \"greetings\" in investigation 12100409-ST");
    const [investigation] = await icat.assertedSearch(new Query("Investigation", { conditions: { name: eq("12100409-ST") } }));
    const [type] = await icat.assertedSearch(new Query("DatasetType", { conditions: { name: eq("other") } }));
    const dataset = icat.new("Dataset", { investigation, type, name: "greetings", complete: false });
    dataset.id = await icat.create(dataset);
    say(`   Dataset ${dataset.id} created`);

    say("3. Upload three files with putData");
    const [format] = await icat.assertedSearch(new Query("DatafileFormat", { conditions: { name: eq("Text") } }));
    const uploaded: Datafile[] = [];
    for (const [name, text] of GREETINGS) {
      const path = join(dir, name);
      await writeFile(path, text);
      const df = await icat.putData(path, { name, dataset, datafileFormat: format });
      check(df.checksum === crc32Hex(crc32(text)) && df.fileSize === Buffer.byteLength(text), `${name}: checksum and size in ICAT`);
      say(`   ${df.name}: id ${df.id}, ${df.fileSize} bytes, checksum ${df.checksum}, location ${df.location}`);
      uploaded.push(df);
    }

    say("4. Search them with the Query builder");
    const query = new Query("Datafile", { conditions: { name: eq("greet-jdoe.txt"), "dataset.name": eq("greetings") }, includes: ["dataset"] });
    say(`   ${String(query)}`);
    const [jdoe] = await icat.assertedSearch(query);
    check(jdoe.dataset?.name === "greetings" && jdoe.datafileModTime instanceof Date, "typed search result");
    const all = await icat.search(new Query("Datafile", { attributes: "name", conditions: { "dataset.id": eq(dataset.id) }, order: ["name"] }));
    say(`   found ${jdoe.name} (modified ${jdoe.datafileModTime?.toISOString()}); the dataset holds ${all.join(", ")}`);

    say("5. Download one file, and the dataset as a zip");
    // getData hands back a stream: pipe it where it belongs (a file here), never into memory.
    const single = await icat.getData([jdoe]);
    await pipeline(single.body, createWriteStream(join(dir, "streamed-jdoe.txt")));
    const content = await readFile(join(dir, "streamed-jdoe.txt"), "utf8");
    check(content === GREETINGS[0][1], "content of greet-jdoe.txt");
    say(`   ${single.fileName}: ${JSON.stringify(content)}`);
    const saved = await icat.download([jdoe], join(dir, "copy-of-jdoe.txt"), { checksum: jdoe.checksum ?? "" });
    say(`   saved to ${saved.path} (${saved.size} bytes, CRC32 ${saved.checksum} verified)`);
    const zipped = await icat.download([dataset], join(dir, "greetings.zip"));
    const entries = await zipEntries(zipped.path);
    for (const entry of entries) say(`   zip entry ${entry.name}: ${JSON.stringify(entry.text)}`);
    check(entries.length === 3, "three files in the dataset zip");

    say("6. Archive the dataset");
    const selection = dataSelection([dataset]);
    await icat.ids.archive(selection);
    const status = await icat.ids.getStatus(selection);
    say(`   status: ${status}`);
    check(status === "ARCHIVED", "ARCHIVED after archive");
    try {
      await icat.getData([dataset]);
      check(false, "getData of archived data must fail");
    } catch (err) {
      check(err instanceof IdsDataNotOnlineError, "503 DataNotOnline");
      say(`   getData now fails: ${(err as Error).name} (a restore was requested)`);
    }

    say("7. Restore and wait");
    await icat.restoreData([dataset], { initialDelayMs: 50, onStatus: (s) => say(`   status: ${s}`) });
    check((await icat.ids.getStatus(selection)) === "ONLINE", "ONLINE after restore");

    say("8. prepareData, then download by preparedId");
    const preparedId = await icat.prepareData([dataset]);
    while (!(await icat.isDataPrepared(preparedId))) await new Promise((r) => setTimeout(r, 50));
    say(`   preparedId ${preparedId} is prepared`);
    const prepared = await zipEntries((await icat.download(preparedId, join(dir, "prepared.zip"))).path);
    say(`   zip: ${prepared.map((e) => e.name).join(", ")}`);

    say("9. Verify checksums");
    for (const df of uploaded) {
      const entry = prepared.find((e) => e.name.endsWith(`/${df.name ?? ""}`));
      let localCrc = 0;
      for await (const chunk of createReadStream(join(dir, df.name ?? "")) as AsyncIterable<Buffer>) localCrc = crc32(chunk, localCrc);
      const local = crc32Hex(localCrc);
      check(entry !== undefined && crc32Hex(entry.crc32) === df.checksum && local === df.checksum, `checksum of ${df.name}`);
      say(`   ${df.name}: ICAT ${df.checksum} = zip ${crc32Hex(entry?.crc32 ?? 0)} = local ${local}`);
    }

    await icat.logout();
    say("Logged out. All steps passed.");
  } finally {
    await icat.close();
    await rm(dir, { recursive: true, force: true });
  }
}
