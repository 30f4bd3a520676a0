// SftpFileTransfer against a real OpenSSH server (tools/sshd, started by vitest's global setup).
import { existsSync } from "node:fs";
import { readdir, readFile, stat, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AbortError } from "@catkit/core";
import { checksumOfFile, Dataset, DatasetUploadError, FileTransferError, localFile, ScicatClient, ScicatErrorCode, SelectFileTransfer, SftpFileTransfer } from "../src/index.ts";
import { startScicatSandbox, type ScicatSandbox } from "../src/testing/index.ts";
import { openSftp } from "../src/transfer/sftp-session.ts";
import { newDataset, tempDir } from "./client-helpers.ts";

const sshd = inject("sshd");
let sandbox: ScicatSandbox;
let work: { path: string; remove: () => Promise<void> };
const sftp = (extra: Partial<ConstructorParameters<typeof SftpFileTransfer>[0]> = {}) =>
  new SftpFileTransfer({ host: sshd.host, port: sshd.port, username: sshd.username, privateKey: sshd.privateKey, hostKey: sshd.hostKey, sourceFolder: `${sshd.dataDir}/{owner}/{uid}`, ...extra });
const listRemote = async (dir: string) => (existsSync(dir) ? (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)) : []);

beforeAll(async () => {
  sandbox = await startScicatSandbox();
  work = await tempDir("sftp");
});
afterAll(async () => {
  await sandbox.close();
  await work.remove();
});

describe("SftpFileTransfer on OpenSSH", () => {
  it("uploads three files, then downloads one by RegExp and reads it back", async () => {
    const client = await ScicatClient.fromCredentials({ url: sandbox.url, username: "ingestor", password: "aman", fileTransfer: sftp() });
    const up = await client.uploadNewDatasetNow(await newDataset(work.path));
    const folder = String(up.fields.sourceFolder);
    expect(folder.startsWith(`${sshd.dataDir}/Ada Lovelace/`)).toBe(true);
    expect((await listRemote(folder)).length).toBe(3);
    const scan = up.files.find((f) => f.remotePath === "raw/scan_001.nxs");
    expect(scan?.remotePerm).toBe("-rw-r--r--");
    expect(scan?.checksum).toBe(await checksumOfFile(join(folder, "raw/scan_001.nxs"), "blake2b"));
    const target = join(work.path, "dl1");
    const got = await client.downloadFiles(await client.getDataset(String(up.pid)), { target, select: /001\.nxs$/ });
    expect(got.files.filter((f) => f.localPath).length).toBe(1);
    expect(await readFile(join(target, "raw/scan_001.nxs"), "utf8")).toContain("content of scan_001.nxs");
    await client.close();
  });

  it("never overwrites a remote file and reverts the batch", async () => {
    const folder = join(sshd.dataDir, "fixed");
    await mkdir(join(folder, "raw"), { recursive: true });
    await writeFile(join(folder, "raw/scan_002.nxs"), "precious");
    const client = await ScicatClient.fromCredentials({ url: sandbox.url, username: "ingestor", password: "aman", fileTransfer: sftp({ sourceFolder: folder }) });
    const err = await client.uploadNewDatasetNow(await newDataset(work.path)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileTransferError);
    expect((err as FileTransferError).code).toBe(ScicatErrorCode.FileExists);
    expect(await readFile(join(folder, "raw/scan_002.nxs"), "utf8")).toBe("precious");
    expect((await listRemote(folder)).map((p) => p.slice(folder.length))).toEqual(["/raw/scan_002.nxs"]);
    await client.close();
  });

  it("removes uploaded files and the empty source folder when SciCat refuses the dataset", async () => {
    const client = await ScicatClient.fromCredentials({ url: sandbox.url, username: "ingestor", password: "aman", fileTransfer: sftp({ sourceFolder: `${sshd.dataDir}/refused/{uid}` }) });
    sandbox.faults.respondWith(400, { match: { method: "POST", path: "/api/v4/datasets" }, body: '{"message":["nope"],"error":"Bad Request","statusCode":400}' });
    const err = await client.uploadNewDatasetNow(await newDataset(work.path)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetUploadError);
    expect((err as DatasetUploadError).filesReverted).toBe(true);
    expect(await readdir(join(sshd.dataDir, "refused"))).toEqual([]);
    await client.close();
  });

  it("uploads with pipelined writes, then resumes an interrupted download from its partial file", async () => {
    const src = join(work.path, "big.bin");
    const size = 8 * 1024 * 1024 + 4321; // not a whole number of read or write chunks
    await writeFile(src, randomBytes(size));
    const client = await ScicatClient.fromCredentials({ url: sandbox.url, username: "ingestor", password: "aman", fileTransfer: sftp() });
    const up = await client.uploadNewDatasetNow(new Dataset({ type: "raw", name: "big", owner: "Ada", ownerGroup: "ingestor", contactEmail: "a@b.org", creationTime: new Date(), sourceFolder: "/x" } as never).withFiles([await localFile(src)]));
    const target = join(work.path, "dl-resume");
    const ac = new AbortController();
    const first = await client.downloadFiles(up, { target, signal: ac.signal, concurrency: 1, onProgress: (e) => e.bytesDone > 3 * 1024 * 1024 && ac.abort() }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(AbortError);
    const partial = (await stat(join(target, "big.bin.part"))).size;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(size);
    const remote = join(String(up.fields.sourceFolder), "big.bin");
    // Buffer.equals: vitest's deep equality walks 8 MiB element by element (seconds)
    expect((await readFile(remote)).equals(await readFile(src))).toBe(true);
    let second = 0;
    await client.downloadFiles(up, { target, onProgress: (e) => (second = e.bytesDone) });
    expect(second).toBe(size - partial);
    expect((await readFile(join(target, "big.bin"))).equals(await readFile(src))).toBe(true);
    expect(existsSync(join(target, "big.bin.part"))).toBe(false);
    await client.close();
  });

  it("uses the largest read and write requests the server takes (limits@openssh.com), as OpenSSH's sftp does", async () => {
    // ssh2 keeps the negotiated limits private; a renamed field would silently fall back to ~30 KiB
    const session = await openSftp({ host: sshd.host, port: sshd.port, username: sshd.username, privateKey: sshd.privateKey });
    try {
      expect(session.maxRead).toBe(261_120); // OpenSSH sftp-server: 256 KiB messages less 1 KiB
      expect(session.maxWrite).toBe(261_120);
    } finally {
      session.close();
    }
  });

  it("logs in with a password (tools/sshd's nss_wrapper user), uploads as that user and reads back", async () => {
    const { username, password, home } = sshd.passwordUser;
    const transfer = new SftpFileTransfer({ host: sshd.host, port: sshd.port, username, password, hostKey: sshd.hostKey, sourceFolder: `${home}/{owner}/{uid}` });
    const client = await ScicatClient.fromCredentials({ url: sandbox.url, username: "ingestor", password: "aman", fileTransfer: transfer });
    const up = await client.uploadNewDatasetNow(await newDataset(work.path));
    const folder = String(up.fields.sourceFolder);
    expect(folder.startsWith(`${home}/`)).toBe(true);
    expect((await listRemote(folder)).length).toBe(3);
    const scan = up.files.find((f) => f.remotePath === "raw/scan_001.nxs");
    // written by the password user, not by the key user running the tests
    if (process.getuid?.() === 0) expect((await stat(join(folder, "raw/scan_001.nxs"))).uid).toBe(65534);
    expect(scan?.remoteUid).toBe(String((await stat(join(folder, "raw/scan_001.nxs"))).uid));
    const target = join(work.path, "dl-password");
    await client.downloadFiles(await client.getDataset(String(up.pid)), { target, select: "raw/scan_001.nxs" });
    expect(await readFile(join(target, "raw/scan_001.nxs"), "utf8")).toContain("content of scan_001.nxs");
    await client.close();
    const wrong = new SftpFileTransfer({ host: sshd.host, port: sshd.port, username, password: `${password}x` });
    await expect(wrong.connectForDownload(up)).rejects.toThrow(/refused/);
  });

  it("gives typed errors for refused logins, wrong host keys and missing files", async () => {
    const ds = new Dataset({ type: "raw", pid: "p/1", sourceFolder: sshd.dataDir, origDatablocks: [{ checksumAlgorithm: "md5", files: [{ remotePath: "missing.bin", size: 1 }] }] });
    const wrongPassword = new SftpFileTransfer({ host: sshd.host, port: sshd.port, username: sshd.username, password: "not-the-password" });
    await expect(wrongPassword.connectForDownload(ds)).rejects.toThrow(/refused/);
    const wrongHost = new SftpFileTransfer({ host: sshd.host, port: sshd.port, username: sshd.username, privateKey: sshd.privateKey, hostKey: "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    await expect(wrongHost.connectForDownload(ds)).rejects.toBeInstanceOf(FileTransferError);
    const client = ScicatClient.withoutLogin({ url: sandbox.url, fileTransfer: new SelectFileTransfer([wrongPassword, sftp()]) });
    const err = await client.downloadFiles(ds, { target: join(work.path, "dl-missing") }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileTransferError);
    expect((err as Error).message).toContain("does not exist on the file server");
    expect(existsSync(join(work.path, "dl-missing", "missing.bin"))).toBe(false);
  });
});
