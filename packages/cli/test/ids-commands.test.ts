// catkit ids … end to end: the built bin against the ICAT + IDS sandboxes (two-level storage),
// seeded with the same demo `catkit sandbox` uses.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startIcatAndIdsSandbox, tutorialFixture, type IcatAndIdsSandbox } from "@catkit/icat/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, type DemoSeed } from "../src/commands/sandbox/seed-demo.js";
import { jsonLines, runCli, tempDir } from "./helpers.js";

let sandbox: IcatAndIdsSandbox;
let seed: DemoSeed;
const tmp = tempDir();
let env: Record<string, string>;
const cli = (...args: string[]) => runCli(["-w", sandbox.icatUrl, "--ids-url", sandbox.idsUrl, "-a", "db", "-u", "nbour", ...args], { env, cwd: tmp.dir });

beforeAll(async () => {
  sandbox = await startIcatAndIdsSandbox({ fixture: tutorialFixture, twoLevel: { restoreDelayMs: 200 } });
  seed = await seedDemo(sandbox.icatUrl, sandbox.idsUrl);
  env = { HOME: tmp.dir, CATKIT_SESSION_CACHE: join(tmp.dir, "sessions.json"), CATKIT_PASSWORD: "secret" };
});
afterAll(async () => {
  await sandbox.close();
  tmp.cleanup();
});

describe("catkit ids", () => {
  it("ping, version and status answer; anonymous calls need no session", async () => {
    const ping = await runCli(["--ids-url", sandbox.idsUrl, "ids", "ping"], { env: { HOME: tmp.dir } });
    expect([ping.code, ping.stdout]).toEqual([0, expect.stringContaining("is up") as unknown]);
    const version = await cli("--json", "ids", "version");
    expect(jsonLines(version.stdout)).toEqual([expect.objectContaining({ twoLevel: true, readOnly: false })]);
    const status = await cli("ids", "status", "--dataset", String(seed.datasetId));
    expect(status.stdout.trim()).toBe("ONLINE");
    const size = await cli("--json", "ids", "size", "--dataset", String(seed.datasetId));
    expect(jsonLines(size.stdout)).toEqual([{ size: 15 + 12 + 36 }]);
    const ids = await cli("--json", "ids", "datafile-ids", "--dataset", String(seed.datasetId));
    expect(jsonLines(ids.stdout)).toEqual([expect.objectContaining({ ids: seed.datafileIds })]);
  });

  it("get writes a verified file; --each writes one file per datafile; a wrong --checksum fails and leaves nothing", async () => {
    const one = await cli("ids", "get", "--datafile", String(seed.datafileIds[0]), "-o", "nbour.txt");
    expect(one.code, one.stderr).toBe(0);
    expect(readFileSync(join(tmp.dir, "nbour.txt"), "utf8")).toBe("Hello Nicolas!\n");
    mkdirSync(join(tmp.dir, "each"));
    const each = await cli("--json", "ids", "get", "--dataset", String(seed.datasetId), "--each", "-o", "each");
    expect(each.code, each.stderr).toBe(0);
    expect(readdirSync(join(tmp.dir, "each")).sort()).toEqual(["greet-jdoe.txt", "greet-nbour.txt", "scan-0001.dat"]);
    expect(jsonLines(each.stdout)).toHaveLength(3);
    const bad = await cli("ids", "get", "--datafile", String(seed.datafileIds[1]), "-o", "bad.txt", "--checksum", "deadbeef");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("IDS_CHECKSUM_MISMATCH");
    expect(existsSync(join(tmp.dir, "bad.txt"))).toBe(false);
  });

  it("prepare writes the preparedId to a 0600 file; is-prepared and get take it from the file", async () => {
    const prep = await cli("ids", "prepare", "--dataset", String(seed.datasetId), "-o", "prepared.txt");
    expect(prep.code, prep.stderr).toBe(0);
    expect(prep.stdout).toBe("");
    expect(statSync(join(tmp.dir, "prepared.txt")).mode & 0o777).toBe(0o600);
    const preparedId = readFileSync(join(tmp.dir, "prepared.txt"), "utf8").trim();
    const ready = await cli("ids", "is-prepared", "--prepared-id-file", "prepared.txt");
    expect([ready.code, ready.stdout.trim()]).toEqual([0, "true"]);
    const zip = await cli("ids", "get", "--prepared-id-file", "prepared.txt", "-o", "prepared.zip");
    expect(zip.code, zip.stderr).toBe(0);
    expect(readFileSync(join(tmp.dir, "prepared.zip")).subarray(0, 2).toString()).toBe("PK");
    expect(zip.stdout + zip.stderr).not.toContain(preparedId);
  });

  it("archive makes get fail with exit 4; --wait restores and downloads", async () => {
    const archive = await cli("ids", "archive", "--dataset", String(seed.datasetId));
    expect(archive.code, archive.stderr).toBe(0);
    await expect.poll(async () => (await cli("ids", "status", "--dataset", String(seed.datasetId))).stdout.trim(), { timeout: 5000 }).toBe("ARCHIVED");
    const offline = await cli("ids", "get", "--datafile", String(seed.datafileIds[1]), "-o", "jdoe.txt");
    expect(offline.code).toBe(4);
    const waited = await cli("ids", "get", "--datafile", String(seed.datafileIds[1]), "-o", "jdoe.txt", "--wait");
    expect(waited.code, waited.stderr).toBe(0);
    expect(readFileSync(join(tmp.dir, "jdoe.txt"), "utf8")).toBe("Hello John!\n");
  });

  it("put uploads files and directories (relative names); delete removes; reset and link answer", async () => {
    writeFileSync(join(tmp.dir, "up.txt"), "up\n");
    mkdirSync(join(tmp.dir, "updir", "sub"), { recursive: true });
    writeFileSync(join(tmp.dir, "updir", "a.txt"), "a\n");
    writeFileSync(join(tmp.dir, "updir", "sub", "b.txt"), "b\n");
    const put = await cli("--json", "ids", "put", "--dataset", String(seed.datasetId), "--format-id", String(seed.textFormatId), "up.txt", "updir");
    expect(put.code, put.stderr).toBe(0);
    const rows = jsonLines(put.stdout) as { id: number; name: string; size: number }[];
    expect(rows.map((r) => r.name)).toEqual(["up.txt", "a.txt", "sub/b.txt"]);
    const del = await cli("ids", "delete", "--datafile", String(rows[0]?.id));
    expect(del.code, del.stderr).toBe(0);
    const gone = await cli("ids", "get", "--datafile", String(rows[0]?.id), "-o", "gone.txt");
    expect(gone.code).toBe(3);
    expect((await cli("ids", "reset", "--dataset", String(seed.datasetId))).code).toBe(0);
    const link = await cli("ids", "link", String(seed.datafileIds[0]));
    expect([link.code, link.stderr]).toEqual([1, expect.stringContaining("IDS_NOT_IMPLEMENTED") as unknown]);
  });

  it("bad input: one line, exit 2, nothing sent", async () => {
    const before = sandbox.ids.requests.length;
    for (const args of [["ids", "size"], ["ids", "size", "--dataset", "7,x"], ["ids", "put", "--dataset", "1", "--format-id", "1", "no-such-file"], ["ids", "get", "--dataset", "1", "--each", "-o", "not-a-dir"]]) {
      const r = await cli(...args);
      expect([args.join(" "), r.code]).toEqual([args.join(" "), 2]);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(sandbox.ids.requests.length).toBe(before);
  });
});
