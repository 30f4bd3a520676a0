// icat-sync-raw end to end: the built bin over a generated /data/visitor-style tree with Bliss
// HDF5 files, against the ICAT+ sandbox over the ICAT sandbox (look-ups go through ICAT+, as in
// pyicat-plus); statuses, categories, CSV and .sh outputs, the cache.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startIcatAndIdsSandbox, tutorialFixture, type IcatAndIdsSandbox } from "@catkit/icat/testing";
import { startIcatPlusSandbox, type IcatPlusSandbox } from "@catkit/icat-plus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalogue, buildTree, datasetDirs, writeBlissFile } from "./raw-tree.js";
import { jsonLines, runCli, tempDir } from "./helpers.js";

let sandbox: IcatAndIdsSandbox;
let icatPlus: IcatPlusSandbox;
let investigationId: number;
const tmp = tempDir();
const root = join(tmp.dir, "visitor");
const save = join(tmp.dir, "summary");
const cacheDir = join(tmp.dir, "cache");
let env: Record<string, string>;
// Messages (dataset XML, add-files JSON) kept in the icat-plus outbox so far.
const outboxed = () => (existsSync(join(tmp.dir, "outbox")) ? readdirSync(join(tmp.dir, "outbox"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);
const sync = (...args: string[]) => runCli(["--root", root, "--icat-plus-url", icatPlus.url, ...args], { env, bin: "icat-sync-raw" });
// ICAT+ look-ups (investigation, dataset) received so far
const lookups = () => icatPlus.requests.filter((r) => r.url.includes("/dataacquisition/")).length;

beforeAll(async () => {
  sandbox = await startIcatAndIdsSandbox({ fixture: tutorialFixture });
  await buildTree(root);
  investigationId = await buildCatalogue(sandbox.icatUrl, sandbox.idsUrl, root);
  icatPlus = await startIcatPlusSandbox({ icat: sandbox.icat });
  env = {
    HOME: tmp.dir,
    // Registration goes to a closed loopback port: icat-plus keeps the messages in this outbox.
    CATKIT_ICATPLUS_OUTBOX_DIR: join(tmp.dir, "outbox"),
    CATKIT_ICATPLUS_QUEUE_TIMEOUT: "1",
  };
});
afterAll(async () => {
  await icatPlus.close();
  await sandbox.close();
  tmp.cleanup();
});

type Row = Record<string, string | number>;

describe("icat-sync-raw", () => {
  it("dry run: a status per dataset, a category per session, CSV and .sh per category", async () => {
    const r = await sync("--save-dir", save, "--json");
    expect(r.code, r.stderr).toBe(0);
    const rows = jsonLines(r.stdout) as Row[];
    expect(rows.map((x) => [x.proposal, x.session, x.category])).toEqual([
      ["hg999", "20240301", "not_in_icat"],
      ["id002207", "20240301", "todo"],
      ["id002207", "20240302", "empty"],
    ]);
    expect(rows[1]).toMatchObject({ registered: 1, registered_without_files: 1, not_uploaded: 1, unregistered: 1, invalid: 2 });
    const d = datasetDirs(root);
    expect(r.stderr).toMatch(new RegExp(`registered_without_files\\s+${d.withoutFiles}`));
    expect(r.stderr).toMatch(new RegExp(`not_uploaded\\s+${d.notUploaded}`));
    expect(r.stderr).toMatch(new RegExp(`unregistered\\s+${d.unregistered}`));
    expect(r.stderr).toContain(`${d.invalidMetadata}  (metadata missing: Sample_name)`);
    expect(r.stderr).toContain(`To fix issues run ${save}/esrfv3/todo.sh`);
    expect(readdirSync(join(save, "esrfv3")).sort()).toEqual(
      ["empty", "has_invalid", "not_in_icat", "ok", "todo", "todo_ongoing"].flatMap((c) => [`${c}.csv`, `${c}.sh`]).sort(),
    );
    const todo = readFileSync(join(save, "esrfv3", "todo.csv"), "utf8").trim().split("\n");
    expect(todo[0]).toBe("beamline,proposal,timeslot,session,url,search_url,path,unregistered,not_uploaded,registered,invalid,registered_without_files");
    // url: the data portal page ICAT+'s investigation look-up gives
    expect(todo[1]).toMatch(new RegExp(`^id00,id002207,FINISHED: 2024-02-29T08:00:00.000Z - 2024-03-03T08:00:00.000Z \\(3.0 days\\),20240301,https://data.esrf.fr/investigation/${investigationId}/datasets,,.*/id002207/id00/20240301,1,1,1,2,1$`));
    const sh = readFileSync(join(save, "esrfv3", "todo.sh"), "utf8");
    expect(sh.split("\n")[0]).toBe("#!/usr/bin/env bash");
    expect(sh).toContain(`icat-sync-raw --beamline id00 --proposal id002207 --session 20240301 --format esrfv3 --save-dir ${save} --root ${root} "$@"`);
    expect(statSync(join(save, "esrfv3", "todo.sh")).mode & 0o777).toBe(0o774);
    execFileSync("bash", ["-n", join(save, "esrfv3", "todo.sh")]); // valid bash
    expect(statSync(join(save, "esrfv3", "todo.csv")).mode & 0o777).toBe(0o664);
  });

  it("filters by beamline/proposal/session (lower-cased) and reads the beamline directory aliases", async () => {
    await writeBlissFile(join(root, "id002207", "id23-1", "20240301", "RAW_DATA", "c", "c_0001"), { sample: "s", start: "2024-03-01T10:00:00+01:00", end: "2024-03-01T10:05:00+01:00" });
    const r = await sync("--beamline", "ID23EH1", "--proposal", "ID002207", "--json");
    expect(r.code, r.stderr).toBe(0);
    expect((jsonLines(r.stdout) as Row[]).map((x) => [x.beamline, x.session, x.category])).toEqual([["id23eh1", "20240301", "not_in_icat"]]);
  });

  it("caches sessions; --invalidate-cache recomputes a session whose datasets changed", async () => {
    const first = await sync("--proposal", "id002207", "--session", "20240301", "--cache-dir", cacheDir, "--no-print");
    expect(first.code, first.stderr).toBe(0);
    const file = join(cacheDir, "esrfv3", "id002207_id00_20240301.json");
    const cached = JSON.parse(readFileSync(file, "utf8")) as { investigation: { id: number }; datasets: unknown[] };
    expect([cached.investigation.id, cached.datasets.length]).toEqual([investigationId, 6]);
    const requests = lookups();
    const again = await sync("--proposal", "id002207", "--session", "20240301", "--cache-dir", cacheDir, "--json", "--no-print");
    expect((jsonLines(again.stdout) as Row[])[0]).toMatchObject({ category: "todo", unregistered: 1 });
    // Served from the cache: no investigation or dataset look-up.
    expect(lookups()).toBe(requests);
    await writeBlissFile(join(root, "id002207", "id00", "20240301", "RAW_DATA", "sample", "sample_0006"), { sample: "x", start: "2024-03-01T11:00:00+01:00", end: "2024-03-01T11:05:00+01:00" });
    const stale = await sync("--proposal", "id002207", "--session", "20240301", "--cache-dir", cacheDir, "--invalidate-cache", "--json", "--no-print");
    expect(stale.stderr).toContain("has 1 new datasets and 0 removed");
    expect((jsonLines(stale.stdout) as Row[])[0]).toMatchObject({ unregistered: 2 });
    writeFileSync(join(cacheDir, "esrfv3", "broken.json"), "{not json");
    const broken = await sync("--proposal", "id002207", "--session", "20240301", "--cache-dir", cacheDir, "--no-print");
    expect(broken.stderr).toContain("broken.json does not parse; removed");
    expect(readdirSync(join(cacheDir, "esrfv3"))).not.toContain("broken.json");
  });

  it("--auto-register sends through @catkit/icat-plus; with no broker the messages are kept in its outbox, not lost", async () => {
    const before = outboxed();
    const r = await sync("--proposal", "id002207", "--session", "20240301", "--auto-register", "--no-print", "--queue", "127.0.0.1:9");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/outbox/);
    expect(outboxed()).toBeGreaterThan(before);
  });

  it("--register asks per status group, answers read line by line from a pipe: no sends nothing, yes registers", async () => {
    const before = outboxed();
    const no = await runCli(["--root", root, "--icat-plus-url", icatPlus.url, "--proposal", "id002207", "--session", "20240301", "--register", "--no-print", "--queue", "127.0.0.1:9"], { env, bin: "icat-sync-raw", input: "n\nn\nn\n" });
    expect(no.code, no.stderr).toBe(0);
    expect(no.stderr).toContain('Upload "not_uploaded" datasets?');
    expect(no.stderr).toContain('Upload "registered_without_files" datasets?');
    expect(outboxed()).toBe(before);
    const yes = await runCli(["--root", root, "--icat-plus-url", icatPlus.url, "--proposal", "id002207", "--session", "20240301", "--register", "--no-print", "--queue", "127.0.0.1:9"], { env, bin: "icat-sync-raw", input: "y\n" });
    expect(yes.code, yes.stderr).toBe(0);
    expect(outboxed()).toBeGreaterThan(before);
  });

  it("ICAT+ not answering: exit 6 and nothing cached (pyicat-plus would file the session as not_in_icat)", async () => {
    const dir = join(tmp.dir, "cache-down");
    const r = await runCli(["--root", root, "--icat-plus-url", "http://127.0.0.1:9", "--proposal", "id002207", "--session", "20240301", "--cache-dir", dir, "--no-print"], { env, bin: "icat-sync-raw" });
    expect([r.code, r.stderr]).toEqual([6, expect.stringContaining("ICAT+ did not answer the investigation look-up") as unknown]);
    expect(existsSync(join(dir, "esrfv3", "id002207_id00_20240301.json"))).toBe(false);
  });

  it("bad input: one line, exit 2, nothing asked of ICAT+", async () => {
    const before = icatPlus.requests.length;
    for (const args of [["--format", "esrfv9"], ["--session", "2023-08"], ["--proposal", "a/b"], ["--register", "--auto-register"]]) {
      const r = await sync(...args);
      expect([args.join(" "), r.code]).toEqual([args.join(" "), 2]);
      expect(r.stderr.trim().split("\n")[0]).toMatch(/^error: /);
    }
    expect(icatPlus.requests.length).toBe(before);
  });
});
