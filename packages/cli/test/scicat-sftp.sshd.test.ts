// catkit scicat upload | download --transfer sftp end to end: the built bin against the SciCat
// sandbox (real HTTP) and a real OpenSSH server (tools/sshd, started by vitest's global setup),
// logging in with the throw-away client key file as a user would with --sftp-key.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startScicatSandbox, type ScicatSandbox } from "@catkit/scicat/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { jsonLines, runCli, tempDir } from "./helpers.js";

const sshd = inject("sshd");
let sandbox: ScicatSandbox;
const tmp = tempDir();
const remoteRoot = join(sshd.dataDir, "cli");
const env = () => ({ HOME: tmp.dir, CATKIT_SESSION_CACHE: join(tmp.dir, "sessions.json"), CATKIT_SCICAT_URL: sandbox.url });
const sftpFlags = (key = sshd.privateKeyPath) => ["--transfer", "sftp", "--sftp-host", sshd.host, "--sftp-port", String(sshd.port), "--sftp-key", key];
const scicat = (args: string[], extra: Record<string, string> = {}) => runCli(["--json", "scicat", ...args], { env: { ...env(), ...extra } });
const remoteFiles = (dir: string) =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort() : [];

interface Uploaded {
  pid: string;
  sourceFolder: string;
  numberOfFiles: number;
  files: { path: string; size: number; chk?: string }[];
}

beforeAll(async () => {
  sandbox = await startScicatSandbox();
  const src = join(tmp.dir, "scan7");
  mkdirSync(join(src, "raw", "deep"), { recursive: true });
  writeFileSync(join(src, "raw", "scan_001.nxs"), "nexus bytes 1\n");
  writeFileSync(join(src, "raw", "deep", "scan_002.nxs"), Buffer.alloc(300_000, 7));
  writeFileSync(join(src, "notes.txt"), "notes\n");
  writeFileSync(
    join(tmp.dir, "scan7.json"),
    JSON.stringify({ type: "raw", name: "scan series 7", owner: "Ada Lovelace", ownerGroup: "ingestor", contactEmail: "ada@example.org", principalInvestigators: ["Ada"], creationLocation: "beamline" }),
  );
  const login = await runCli(["scicat", "login", "--username", "ingestor"], { env: { ...env(), CATKIT_SCICAT_PASSWORD: "aman" } });
  if (login.code !== 0) throw new Error(`catkit scicat login failed: ${login.stderr}`);
});
afterAll(async () => {
  await sandbox.close();
  tmp.cleanup();
});

describe("catkit scicat upload | download --transfer sftp (OpenSSH)", () => {
  let dataset: Uploaded;

  it("uploads every file under DIR to the source folder on the SFTP server, then registers the dataset", async () => {
    const up = await scicat(["upload", join(tmp.dir, "scan7"), "--metadata", join(tmp.dir, "scan7.json"), ...sftpFlags(), "--sftp-user", sshd.username, "--source-folder", `${remoteRoot}/{owner}/{uid}`]);
    expect(up.code, up.stderr).toBe(0);
    [dataset] = jsonLines(up.stdout) as [Uploaded];
    expect(dataset.sourceFolder.startsWith(`${remoteRoot}/Ada Lovelace/`)).toBe(true);
    expect(dataset.numberOfFiles).toBe(3);
    expect(remoteFiles(dataset.sourceFolder)).toEqual(["notes.txt", "raw/deep/scan_002.nxs", "raw/scan_001.nxs"]);
    expect(readFileSync(join(dataset.sourceFolder, "raw", "scan_001.nxs"), "utf8")).toBe("nexus bytes 1\n");
    expect(readFileSync(join(dataset.sourceFolder, "raw", "deep", "scan_002.nxs")).equals(Buffer.alloc(300_000, 7))).toBe(true);
    // SciCat holds the dataset with the files' checksums, as the transfer computed them.
    const stored = sandbox.state.datasets.get(dataset.pid) as { datasetName?: string; sourceFolder?: string } | undefined;
    expect(stored).toMatchObject({ datasetName: "scan series 7", sourceFolder: dataset.sourceFolder });
    expect(dataset.files.every((f) => /^[0-9a-f]{128}$/.test(f.chk ?? ""))).toBe(true);
  });

  it("downloads the dataset's files over SFTP, checksum-verified, as $USER when --sftp-user is not given", async () => {
    const target = join(tmp.dir, "dl");
    const down = await scicat(["download", dataset.pid, "--target", target, ...sftpFlags()], { USER: sshd.username });
    expect(down.code, down.stderr).toBe(0);
    const rows = jsonLines(down.stdout) as { path: string; remotePath: string; size: number }[];
    expect(rows.map((r) => [r.remotePath, r.size]).sort()).toEqual([
      ["notes.txt", 6],
      ["raw/deep/scan_002.nxs", 300_000],
      ["raw/scan_001.nxs", 14],
    ]);
    expect(readFileSync(join(target, "raw", "scan_001.nxs"), "utf8")).toBe("nexus bytes 1\n");
    expect(readFileSync(join(target, "raw", "deep", "scan_002.nxs")).equals(Buffer.alloc(300_000, 7))).toBe(true);
    expect(readdirSync(target, { recursive: true }).filter((p) => String(p).endsWith(".part"))).toEqual([]);
  });

  it("downloads only what --select picks, and a file changed on the server fails its checksum (exit 1, nothing left)", async () => {
    const target = join(tmp.dir, "dl-select");
    const picked = await scicat(["download", dataset.pid, "--target", target, "--select", "re:^raw/deep/", ...sftpFlags(), "--sftp-user", sshd.username]);
    expect(picked.code, picked.stderr).toBe(0);
    expect((jsonLines(picked.stdout) as { remotePath: string }[]).map((r) => r.remotePath)).toEqual(["raw/deep/scan_002.nxs"]);
    expect(existsSync(join(target, "notes.txt"))).toBe(false);
    writeFileSync(join(dataset.sourceFolder, "notes.txt"), "tampered\n");
    const bad = await scicat(["download", dataset.pid, "--target", target, "--select", "notes.txt", ...sftpFlags(), "--sftp-user", sshd.username]);
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining("SCICAT_CHECKSUM_MISMATCH") as unknown]);
    expect(readdirSync(target)).not.toContain("notes.txt");
  });

  it("a key the server refuses is exit 1: nothing uploaded or registered, nothing downloaded", async () => {
    const key = join(tmp.dir, "stranger_ed25519");
    const { execFileSync } = await import("node:child_process");
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key], { stdio: "ignore" });
    const datasets = sandbox.state.datasets.size;
    const before = remoteFiles(remoteRoot);
    const r = await scicat(["upload", join(tmp.dir, "scan7"), "--metadata", join(tmp.dir, "scan7.json"), ...sftpFlags(key), "--sftp-user", sshd.username, "--source-folder", `${remoteRoot}/{owner}/{uid}`]);
    expect([r.code, r.stderr]).toEqual([1, expect.stringContaining("was refused") as unknown]);
    expect(sandbox.state.datasets.size).toBe(datasets);
    expect(remoteFiles(remoteRoot)).toEqual(before);
    const target = join(tmp.dir, "dl-refused");
    const down = await scicat(["download", dataset.pid, "--target", target, ...sftpFlags(key), "--sftp-user", sshd.username]);
    expect([down.code, down.stderr]).toEqual([1, expect.stringContaining("was refused") as unknown]);
    expect(remoteFiles(target)).toEqual([]);
  });

  it("--sftp-host-key pins the server's key: its fingerprint or key line connects, another key is exit 1 with nothing written", async () => {
    const { createHash } = await import("node:crypto");
    const blob = Buffer.from(sshd.hostKey.split(/\s+/)[1] ?? "", "base64");
    const fingerprint = `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
    const pinned = await scicat(["download", dataset.pid, "--target", join(tmp.dir, "dl-pinned"), "--select", "raw/scan_001.nxs", ...sftpFlags(), "--sftp-user", sshd.username, "--sftp-host-key", fingerprint]);
    expect(pinned.code, pinned.stderr).toBe(0);
    expect(readFileSync(join(tmp.dir, "dl-pinned", "raw", "scan_001.nxs"), "utf8")).toBe("nexus bytes 1\n");
    const byEnv = await scicat(["download", dataset.pid, "--target", join(tmp.dir, "dl-pinned-env"), "--select", "raw/scan_001.nxs", ...sftpFlags(), "--sftp-user", sshd.username], { CATKIT_SFTP_HOST_KEY: sshd.hostKey });
    expect(byEnv.code, byEnv.stderr).toBe(0);
    const target = join(tmp.dir, "dl-impostor");
    const impostor = await scicat(["download", dataset.pid, "--target", target, ...sftpFlags(), "--sftp-user", sshd.username, "--sftp-host-key", "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]);
    expect([impostor.code, impostor.stderr]).toEqual([1, expect.stringMatching(/host key|Host denied/i) as unknown]);
    expect(remoteFiles(target)).toEqual([]);
  });

  it("--transfer sftp without --sftp-host is a usage error (exit 2) before anything is sent", async () => {
    const requests = sandbox.requests.length;
    const r = await scicat(["download", dataset.pid, "--target", join(tmp.dir, "none"), "--transfer", "sftp"]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining("--sftp-host") as unknown]);
    expect(sandbox.requests.length).toBe(requests);
  });
});
