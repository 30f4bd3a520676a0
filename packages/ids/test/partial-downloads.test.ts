// issue 7 item 8: a download killed with SIGKILL leaves a part file with a deterministic name;
// the next call for the same data continues it with a Range request (the final CRC32 decides),
// and listPartialDownloads / removePartialDownloads find and clean the ones nobody resumes.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crc32Hex, IdsChecksumMismatchError, listPartialDownloads, removePartialDownloads } from "../src/index.ts";
import { startFixture, tempDir, type Fixture } from "./helpers.ts";

const hooks = join(import.meta.dirname, "../../../tools/vitest/source-hooks.ts");
const client = join(import.meta.dirname, "../src/index.ts");
let f: Fixture;
let big: { id: number; content: Buffer; checksum: string };
beforeAll(async () => {
  f = await startFixture();
  const content = randomBytes(8 * 1024 * 1024);
  const stored = await f.sandbox.addDatafile({ datasetId: f.seed.dataset.id, name: "big.bin", content });
  big = { id: stored.id, content, checksum: stored.checksum };
});
afterAll(() => f.close());

// A child process that downloads big.bin and kills itself (SIGKILL: no clean-up runs) once
// `after` bytes are on disk.
function killedDownload(destination: string, after: number): Promise<NodeJS.Signals | null> {
  const script = `const { IdsClient } = await import(${JSON.stringify(client)});
const ids = new IdsClient({ url: ${JSON.stringify(f.sandbox.url)}, credential: ${JSON.stringify(f.seed.sessionId)} });
await ids.download({ datafileIds: [${big.id}] }, ${JSON.stringify(destination)}, {
  checksum: ${JSON.stringify(big.checksum)},
  onProgress: (e) => { if (e.bytesDone >= ${after}) process.kill(process.pid, "SIGKILL"); },
});`;
  const child = spawn(process.execPath, ["--conditions=@catkit/source", "--import", hooks, "--input-type=module", "-e", script], { stdio: "ignore" });
  return new Promise((resolve) => child.on("close", (_code, signal) => resolve(signal)));
}

describe("partial downloads", () => {
  it("a download killed by SIGKILL is continued by the next call, from where it stopped", async () => {
    const dir = await tempDir();
    const destination = join(dir.path, "big.bin");
    expect(await killedDownload(destination, 2 * 1024 * 1024)).toBe("SIGKILL");
    const [part] = await listPartialDownloads(dir.path);
    expect(part?.size).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    const before = f.sandbox.requests.length;
    const result = await f.ids.download({ datafileIds: [big.id] }, destination, { checksum: big.checksum });
    expect(result).toMatchObject({ size: big.content.length, checksum: big.checksum, resumes: 1 });
    const range = f.sandbox.requests.slice(before).find((r) => r.url.includes("getData"))?.headers.range;
    expect(range).toBe(`bytes=${part?.size}-`);
    expect((await readFile(destination)).equals(big.content)).toBe(true);
    expect(await listPartialDownloads(dir.path)).toEqual([]);
    await dir.remove();
  });

  it("a stale part (other bytes) fails the CRC32 check and is removed, so the next call starts over", async () => {
    const dir = await tempDir();
    const destination = join(dir.path, "big.bin");
    expect(await killedDownload(destination, 1024 * 1024)).toBe("SIGKILL");
    const [part] = await listPartialDownloads(dir.path);
    await writeFile(part?.path ?? "", randomBytes(1024 * 1024)); // not what IDS has
    const err = await f.ids.download({ datafileIds: [big.id] }, destination, { checksum: big.checksum }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdsChecksumMismatchError);
    expect((err as Error).message).toContain("left by an earlier attempt");
    expect(await listPartialDownloads(dir.path)).toEqual([]);
    const again = await f.ids.download({ datafileIds: [big.id] }, destination, { checksum: big.checksum });
    expect(again.checksum).toBe(crc32Hex(crc32(big.content)));
    await dir.remove();
  });

  it("removePartialDownloads cleans parts, or only those older than a limit", async () => {
    const dir = await tempDir();
    await killedDownload(join(dir.path, "a.bin"), 1024 * 1024);
    await writeFile(join(dir.path, ".old.nxs.0123456789ab.part"), "x");
    await utimes(join(dir.path, ".old.nxs.0123456789ab.part"), new Date(0), new Date(0));
    await writeFile(join(dir.path, "keep.txt"), "not a part");
    expect((await listPartialDownloads(dir.path)).length).toBe(2);
    const old = await removePartialDownloads(dir.path, { olderThanMs: 24 * 3_600_000 });
    expect(old.map((p) => p.path)).toEqual([join(dir.path, ".old.nxs.0123456789ab.part")]);
    expect((await removePartialDownloads(dir.path)).length).toBe(1);
    expect(await dir.list()).toEqual(["keep.txt"]);
    await dir.remove();
  });
});
