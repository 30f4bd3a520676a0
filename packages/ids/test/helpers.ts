// Shared test fixtures: a sandbox seeded with python-icat's tutorial content and a client on it.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Entry } from "yauzl";
import { IdsClient, type IdsClientOptions } from "../src/index.ts";
import { seedTutorial, startIdsSandbox, type IdsSandbox, type IdsSandboxOptions, type TutorialSeed } from "../src/testing/index.ts";

export interface Fixture {
  sandbox: IdsSandbox;
  seed: TutorialSeed;
  ids: IdsClient;
  /** Datafile ids of greet-jdoe.txt, greet-nbour.txt, greet-rbeck.txt. */
  files: { id: number; name: string; content: string; checksum: string }[];
  close(): Promise<void>;
}

export const GREETINGS = [
  ["greet-jdoe.txt", "Hello John!\n"],
  ["greet-nbour.txt", "Hello Nicolas!\n"],
  ["greet-rbeck.txt", "Hello Rudolph!\n"],
] as const;

/** A sandbox with the tutorial dataset holding the three greeting files. */
export async function startFixture(options: IdsSandboxOptions = {}, client: Partial<IdsClientOptions> = {}): Promise<Fixture> {
  const sandbox = await startIdsSandbox(options);
  const seed = seedTutorial(sandbox.catalogue);
  const files = [];
  for (const [name, content] of GREETINGS) {
    const stored = await sandbox.addDatafile({ datasetId: seed.dataset.id, name, content, datafileFormatId: seed.datafileFormat.id });
    files.push({ id: stored.id, name, content, checksum: stored.checksum });
  }
  const ids = new IdsClient({ url: sandbox.url, credential: seed.sessionId, retry: { initialDelayMs: 10, maxDelayMs: 50 }, ...client });
  return {
    sandbox,
    seed,
    ids,
    files,
    close: async () => {
      await ids.close();
      await sandbox.close();
    },
  };
}

/** A fresh temporary directory. */
export async function tempDir(prefix = "catkit-ids-test-"): Promise<{ path: string; list(): Promise<string[]>; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, list: () => readdir(path, { recursive: true }), remove: () => rm(path, { recursive: true, force: true }) };
}

/** Reads a zip's entries (name → content) with yauzl. */
export async function unzip(buffer: Buffer): Promise<Map<string, { data: Buffer; method: number }>> {
  const yauzl = await import("yauzl");
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const out = new Map<string, { data: Buffer; method: number }>();
      zip.on("entry", (entry: Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            out.set(entry.fileName, { data: Buffer.concat(chunks), method: entry.compressionMethod });
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(out));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

/** Reads a stream to a Buffer. */
export async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
