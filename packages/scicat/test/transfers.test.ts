import { existsSync } from "node:fs";
import { lstat, mkdir, readFile, readlink, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortError, type ProgressEvent } from "@catkit/core";
import { checksumOfFile, CopyFileTransfer, createChecksum, Dataset, FileTransferError, LinkFileTransfer, ScicatClient, ScicatErrorCode, type File } from "../src/index.ts";
import { tempDir } from "./client-helpers.ts";

let dir: { path: string; remove: () => Promise<void> };
let server: string;
const files: File[] = [];

beforeAll(async () => {
  dir = await tempDir("transfers");
  server = join(dir.path, "server");
  await mkdir(join(server, "sub"), { recursive: true });
  for (let i = 0; i < 6; i++) {
    const rel = i % 2 ? `sub/f${i}.bin` : `f${i}.bin`;
    await writeFile(join(server, rel), Buffer.alloc(300_000 + i, i));
    files.push({ remotePath: rel, size: 300_000 + i, checksum: await checksumOfFile(join(server, rel), "sha256"), checksumAlgorithm: "sha256" });
  }
});
afterAll(() => dir.remove());

const dataset = () => new Dataset({ type: "raw", pid: "p/1", sourceFolder: server, origDatablocks: [{ checksumAlgorithm: "sha256", files }] });

describe("checksums", () => {
  it("compute hashlib algorithms as hex, cached per path and mtime", async () => {
    const path = join(server, "f0.bin");
    const data = await readFile(path);
    expect(await checksumOfFile(path, "md5")).toBe(createChecksum("md5").update(data).digest("hex"));
    expect((await checksumOfFile(path)).length).toBe(128); // blake2b (hashlib's 64-byte digest)
    expect(() => createChecksum("nope")).toThrow(/unsupported checksum algorithm/);
  });
});

describe("CopyFileTransfer and LinkFileTransfer downloads", () => {
  it("copies several at once with progress events, and hard-links when asked", async () => {
    const events: ProgressEvent[] = [];
    const client = ScicatClient.withoutLogin({ url: "http://127.0.0.1:9", fileTransfer: new CopyFileTransfer() });
    const target = join(dir.path, "copy");
    await client.downloadFiles(dataset(), { target, concurrency: 3, onProgress: (e) => events.push(e) });
    expect(await readFile(join(target, "sub/f1.bin"))).toEqual(await readFile(join(server, "sub/f1.bin")));
    expect(events.at(-1)).toMatchObject({ done: true, itemsDone: 6, itemsTotal: 6, bytesDone: files.reduce((n, f) => n + f.size, 0) });
    const linked = ScicatClient.withoutLogin({ url: "http://127.0.0.1:9", fileTransfer: new CopyFileTransfer({ hardLink: true }) });
    const t2 = join(dir.path, "hard");
    await linked.downloadFiles(dataset(), { target: t2 });
    expect((await stat(join(t2, "f0.bin"))).ino).toBe((await stat(join(server, "f0.bin"))).ino);
  });

  it("links with LinkFileTransfer after verifying the checksum, and cannot upload", async () => {
    const client = ScicatClient.withoutLogin({ url: "http://127.0.0.1:9", fileTransfer: new LinkFileTransfer() });
    const target = join(dir.path, "link");
    await client.downloadFiles(dataset(), { target, select: "f0.bin" });
    expect((await lstat(join(target, "f0.bin"))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(target, "f0.bin"))).toBe(join(server, "f0.bin"));
    await expect(new LinkFileTransfer().connectForUpload()).rejects.toBeInstanceOf(FileTransferError);
  });

  it("stops on abort and reports missing remote files as typed errors", async () => {
    const client = ScicatClient.withoutLogin({ url: "http://127.0.0.1:9", fileTransfer: new CopyFileTransfer() });
    const ac = new AbortController();
    ac.abort();
    await expect(client.downloadFiles(dataset(), { target: join(dir.path, "aborted"), signal: ac.signal })).rejects.toBeInstanceOf(AbortError);
    const missing = new Dataset({ type: "raw", pid: "p/1", sourceFolder: server, origDatablocks: [{ checksumAlgorithm: "md5", files: [{ remotePath: "nope.bin", size: 1 }] }] });
    await expect(client.downloadFiles(missing, { target: join(dir.path, "missing") })).rejects.toMatchObject({ code: ScicatErrorCode.Transfer });
    // Nothing was received, so no empty .part is left behind.
    expect(existsSync(join(dir.path, "missing", "nope.bin.part"))).toBe(false);
  });

  it("uses checksumAlgorithm to override a block's algorithm", async () => {
    const client = ScicatClient.withoutLogin({ url: "http://127.0.0.1:9", fileTransfer: new CopyFileTransfer() });
    const broken = new Dataset({ type: "raw", pid: "p/1", sourceFolder: server, origDatablocks: [{ checksumAlgorithm: "", files: [{ ...files[0] as File, checksumAlgorithm: "" }] }] });
    const got = await client.downloadFiles(broken, { target: join(dir.path, "override"), checksumAlgorithm: "sha256" });
    expect(got.files[0]?.localPath).toBe(join(dir.path, "override", "f0.bin"));
    await expect(client.downloadFiles(broken, { target: join(dir.path, "override2"), checksumAlgorithm: "md5" })).rejects.toMatchObject({ code: ScicatErrorCode.ChecksumMismatch });
  });
});
