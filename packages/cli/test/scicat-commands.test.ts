// catkit scicat … end to end: the built bin against the SciCat sandbox (real HTTP), files moved
// with --transfer copy into a temporary "file server" directory.
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startScicatSandbox, type ScicatSandbox } from "@catkit/scicat/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonLines, runCli, tempDir } from "./helpers.js";

let sandbox: ScicatSandbox;
const tmp = tempDir();
const cache = join(tmp.dir, "sessions.json");
const fileServer = join(tmp.dir, "fs");
const env = () => ({ HOME: tmp.dir, CATKIT_SESSION_CACHE: cache, CATKIT_SCICAT_URL: sandbox.url });
const cli = (args: string[], extra: Record<string, string> = {}) => runCli(["scicat", ...args], { env: { ...env(), ...extra } });
const json = (args: string[], extra: Record<string, string> = {}) => runCli(["--json", "scicat", ...args], { env: { ...env(), ...extra } });
let pid = "";

beforeAll(async () => {
  sandbox = await startScicatSandbox();
  const src = join(tmp.dir, "scan1");
  mkdirSync(join(src, "raw"), { recursive: true });
  writeFileSync(join(src, "raw", "scan_001.nxs"), "nexus bytes 1\n");
  writeFileSync(join(src, "raw", "scan_002.nxs"), "nexus bytes 2\n");
  writeFileSync(join(src, "notes.txt"), "notes\n");
  writeFileSync(
    join(tmp.dir, "scan1.json"),
    JSON.stringify({ type: "raw", name: "scan series 1", owner: "Ada", ownerGroup: "ingestor", contactEmail: "ada@example.org", principalInvestigators: ["Ada"], creationLocation: "beamline", meta: { temperature: { value: 21, unit: "degC" } } }),
  );
});
afterAll(async () => {
  await sandbox.close();
  tmp.cleanup();
});

describe("catkit scicat login | whoami | logout", () => {
  it("caches the token (mode 0600, never the password); exit 5 on a bad password or token", async () => {
    const bad = await cli(["login", "--username", "ingestor"], { CATKIT_SCICAT_PASSWORD: "wrong" });
    expect(bad.code).toBe(5);
    expect(bad.stderr).not.toContain("wrong");
    const noPassword = await cli(["login", "--username", "ingestor"]);
    expect([noPassword.code, noPassword.stderr]).toEqual([2, expect.stringContaining("no password") as unknown]);
    const login = await cli(["login", "--username", "ingestor"], { CATKIT_SCICAT_PASSWORD: "aman" });
    expect(login.code, login.stderr).toBe(0);
    expect(statSync(cache).mode & 0o777).toBe(0o600);
    expect(readFileSync(cache, "utf8")).not.toContain("aman");
    expect(jsonLines((await json(["whoami"])).stdout)).toEqual([expect.objectContaining({ username: "ingestor" })]);
    const garbage = await cli(["whoami"], { CATKIT_SCICAT_TOKEN: "garbage" });
    expect([garbage.code, garbage.stderr]).toEqual([5, expect.stringContaining("SCICAT_UNAUTHORIZED") as unknown]);
    expect(garbage.stderr).not.toContain("garbage");
  });

  it("without a token or login: exit 5 saying how to log in; without a URL: exit 2", async () => {
    const r = await runCli(["scicat", "whoami"], { env: { HOME: tmp.dir, CATKIT_SESSION_CACHE: join(tmp.dir, "none.json"), CATKIT_SCICAT_URL: sandbox.url } });
    expect([r.code, r.stderr]).toEqual([5, expect.stringContaining('run "catkit scicat login"') as unknown]);
    expect((await runCli(["scicat", "whoami"], { env: { HOME: tmp.dir } })).code).toBe(2);
  });
});

describe("catkit scicat upload | datasets | download", () => {
  it("uploads every file under DIR with the JSON fields, through the copy transfer", async () => {
    const up = await json(["upload", join(tmp.dir, "scan1"), "--metadata", join(tmp.dir, "scan1.json"), "--source-folder", `${fileServer}/{owner}/{uid}`]);
    expect(up.code, up.stderr).toBe(0);
    const [dataset] = jsonLines(up.stdout) as [{ pid: string; numberOfFiles: number; size: number; sourceFolder: string; files: { path: string }[] }];
    pid = dataset.pid;
    expect(pid).toMatch(/^PID\.prefix\.a0b1\//);
    expect([dataset.numberOfFiles, dataset.size]).toEqual([3, 34]);
    expect(dataset.files.map((f) => f.path).sort()).toEqual(["notes.txt", "raw/scan_001.nxs", "raw/scan_002.nxs"]);
    expect(readFileSync(join(dataset.sourceFolder, "raw", "scan_002.nxs"), "utf8")).toBe("nexus bytes 2\n");
  });

  it("takes the fields from a YAML file too", async () => {
    writeFileSync(
      join(tmp.dir, "scan1.yaml"),
      ["type: raw", "name: scan series 1 (yaml)", "owner: Ada", "ownerGroup: ingestor", "contactEmail: ada@example.org", "principalInvestigators: [Ada]", "creationLocation: beamline", "meta:", "  temperature: { value: 21, unit: degC }", ""].join("\n"),
    );
    const up = await json(["upload", join(tmp.dir, "scan1"), "--metadata", join(tmp.dir, "scan1.yaml"), "--source-folder", `${fileServer}/{owner}/{uid}`]);
    expect(up.code, up.stderr).toBe(0);
    const [dataset] = jsonLines(up.stdout) as [{ pid: string; numberOfFiles: number }];
    const stored = sandbox.state.datasets.get(dataset.pid) as { datasetName?: string; scientificMetadata?: unknown } | undefined;
    expect(stored?.datasetName).toBe("scan series 1 (yaml)");
    expect(stored?.scientificMetadata).toMatchObject({ temperature: { value: 21, unit: "degC" } });
    expect(dataset.numberOfFiles).toBe(3);
    writeFileSync(join(tmp.dir, "bad.yaml"), "type: raw\ntype: derived\n");
    const dup = await cli(["upload", join(tmp.dir, "scan1"), "--metadata", join(tmp.dir, "bad.yaml")]);
    expect([dup.code, dup.stderr]).toEqual([2, expect.stringContaining("is not YAML") as unknown]);
  });

  it("a bad metadata file or directory is exit 2 with nothing uploaded", async () => {
    const before = sandbox.requests.length;
    writeFileSync(join(tmp.dir, "bad.json"), "{not json");
    expect((await cli(["upload", join(tmp.dir, "scan1"), "--metadata", join(tmp.dir, "bad.json")])).code).toBe(2);
    writeFileSync(join(tmp.dir, "pid.json"), '{"pid":"x/y","type":"raw"}');
    expect((await cli(["upload", join(tmp.dir, "scan1"), "--metadata", join(tmp.dir, "pid.json")])).code).toBe(2);
    expect((await cli(["upload", join(tmp.dir, "nope"), "--metadata", join(tmp.dir, "scan1.json")])).code).toBe(2);
    expect(sandbox.requests.length).toBe(before);
    writeFileSync(join(tmp.dir, "invalid.json"), '{"type":"raw","owner":"Ada"}');
    const invalid = await cli(["upload", join(tmp.dir, "scan1"), "--metadata", join(tmp.dir, "invalid.json"), "--source-folder", `${fileServer}/{owner}/{uid}`]);
    expect([invalid.code, invalid.stderr]).toEqual([2, expect.stringContaining("SCICAT_INVALID_DATASET") as unknown]);
  });

  it("searches (table, JSON lines, --where, --limit) and gets a dataset with its files", async () => {
    const table = await cli(["datasets", "search"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^PID\s+DATASETNAME\s+TYPE\s+OWNER/);
    expect(table.stdout).toContain("scan series 1");
    const found = jsonLines((await json(["datasets", "search", "--where", '{"datasetName":"scan series 1"}', "--limit", "5"])).stdout) as { pid: string }[];
    expect(found.map((d) => d.pid)).toEqual([pid]);
    expect(jsonLines((await json(["datasets", "search", "--where", '{"datasetName":"none"}'])).stdout)).toEqual([]);
    expect((await cli(["datasets", "search", "--where", "[1]"])).code).toBe(2);
    const got = jsonLines((await json(["datasets", "get", pid])).stdout) as [{ name: string; files: { path: string; chk: string }[] }];
    expect(got[0].name).toBe("scan series 1");
    expect(got[0].files.every((f) => /^[0-9a-f]{128}$/.test(f.chk))).toBe(true);
    expect((await cli(["datasets", "get", "PID.prefix.a0b1/missing"])).code).toBe(3);
  });

  it("downloads with --select (glob and re:), verified; exit 2 when nothing matches", async () => {
    const target = join(tmp.dir, "dl");
    const first = await json(["download", pid, "--target", target, "--select", "raw/*.nxs"]);
    expect(first.code, first.stderr).toBe(0);
    expect((jsonLines(first.stdout) as { remotePath: string }[]).map((r) => r.remotePath).sort()).toEqual(["raw/scan_001.nxs", "raw/scan_002.nxs"]);
    expect(readFileSync(join(target, "raw", "scan_001.nxs"), "utf8")).toBe("nexus bytes 1\n");
    const notes = await json(["download", pid, "--target", target, "--select", "re:^notes"]);
    expect((jsonLines(notes.stdout) as { remotePath: string }[]).map((r) => r.remotePath)).toEqual(["notes.txt"]);
    const none = await cli(["download", pid, "--target", target, "--select", "*.h5"]);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining("no file of") as unknown]);
    expect((await cli(["download", pid, "--target", target, "--select", "re:("])).code).toBe(2);
  });

  it("a file changed on the file server fails its checksum: exit 1, nothing left in place", async () => {
    const got = jsonLines((await json(["datasets", "get", pid])).stdout) as [{ sourceFolder: string }];
    writeFileSync(join(got[0].sourceFolder, "notes.txt"), "tampered\n");
    const target = join(tmp.dir, "dl-bad");
    const r = await cli(["download", pid, "--target", target, "--select", "notes.txt"]);
    expect([r.code, r.stderr]).toEqual([1, expect.stringContaining("SCICAT_CHECKSUM_MISMATCH") as unknown]);
    expect(() => statSync(join(target, "notes.txt"))).toThrow();
  });
});

describe("catkit scicat samples | proposals", () => {
  it("gets a sample and a proposal; exit 3 for unknown ids", async () => {
    const login = await runCli(["scicat", "login", "--username", "admin"], { env: { ...env(), CATKIT_SESSION_CACHE: join(tmp.dir, "admin.json"), CATKIT_SCICAT_PASSWORD: "2jf70TPNZsS" } });
    const admin = { CATKIT_SESSION_CACHE: join(tmp.dir, "admin.json") };
    expect(login.code, login.stderr).toBe(0);
    const { ScicatClient } = await import("@catkit/scicat");
    const client = await ScicatClient.fromCredentials({ url: sandbox.url, username: "admin", password: "2jf70TPNZsS" });
    await client.scicat.samples.create({ sampleId: "s-1", sampleName: "NiO", owner: "Ada", ownerGroup: "ingestor", description: "NiO crystal" });
    await client.scicat.proposals.create({ proposalId: "p-1", title: "NiO", email: "ada@example.org", ownerGroup: "ingestor", type: "Default Proposal" });
    await client.close();
    const s = await json(["samples", "get", "s-1"], admin);
    expect(s.code, s.stderr).toBe(0);
    expect(jsonLines(s.stdout)).toEqual([expect.objectContaining({ description: "NiO crystal" })]);
    const p = await json(["proposals", "get", "p-1"], admin);
    expect(p.code, p.stderr).toBe(0);
    expect(jsonLines(p.stdout)).toEqual([expect.objectContaining({ title: "NiO" })]);
    expect((await cli(["samples", "get", "nope"], admin)).code).toBe(3);
    expect((await cli(["proposals", "get", "nope"], admin)).code).toBe(3);
    const out = await cli(["logout"], admin);
    expect([out.code, out.stdout]).toEqual([0, `logged out of ${sandbox.url}\n`]);
    expect(JSON.parse(readFileSync(join(tmp.dir, "admin.json"), "utf8"))).toEqual({});
    expect((await cli(["whoami"], admin)).code).toBe(5);
  });
});
