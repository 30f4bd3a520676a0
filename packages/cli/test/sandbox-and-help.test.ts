// `catkit sandbox` spawned as a user runs it: it prints a working icat.cfg, other commands work
// against it, and Ctrl-C (SIGINT) stops it cleanly. Also: every command has --help with examples.
import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN_DIR, runCli, tempDir } from "./helpers.js";

describe("catkit sandbox", () => {
  it("starts ICAT + IDS, ICAT+ and SciCat with the demo, serves other commands through its env exports, stops on Ctrl-C", async () => {
    const tmp = tempDir();
    const cfg = join(tmp.dir, "icat.cfg");
    const child = spawn(process.execPath, [join(BIN_DIR, "catkit.js"), "sandbox", "--cfg", cfg], { env: { PATH: process.env.PATH ?? "", HOME: tmp.dir }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    try {
      await expect.poll(() => stdout, { timeout: 20_000 }).toContain("Ctrl-C stops the sandbox.");
      expect(stdout).toMatch(/ICAT: http:\/\/127\.0\.0\.1:\d+\/icat/);
      expect(stdout).toContain("[sandbox]");
      expect(statSync(cfg).mode & 0o777).toBe(0o600);
      expect(readFileSync(cfg, "utf8")).toMatch(/^\[sandbox\]\nurl = http:\/\/127\.0\.0\.1:\d+\/icat\nidsurl = /);
      const datasetId = /demo dataset (\d+)/.exec(stdout)?.[1] ?? "";
      const env = { HOME: tmp.dir, CATKIT_SESSION_CACHE: join(tmp.dir, "s.json") };
      const login = await runCli(["-c", cfg, "-s", "sandbox", "icat", "login"], { env });
      expect(login.code, login.stderr).toBe(0);
      const get = await runCli(["-c", cfg, "-s", "sandbox", "ids", "get", "--dataset", datasetId, "--each", "-o", "."], { env, cwd: tmp.dir });
      expect(get.code, get.stderr).toBe(0);
      expect(readFileSync(join(tmp.dir, "greet-jdoe.txt"), "utf8")).toBe("Hello John!\n");
      // the printed exports point the ICAT+ and SciCat commands at the sandbox
      const exported = Object.fromEntries([...stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1] ?? "", m[2] ?? ""]));
      expect(Object.keys(exported)).toEqual(expect.arrayContaining(["ICAT_SERVICE", "CATKIT_ICATPLUS_ELOGBOOK_URL", "CATKIT_ICATPLUS_ELOGBOOK_TOKEN", "CATKIT_SCICAT_URL"]));
      const info = await runCli(["--json", "icat-plus", "investigation", "--beamline", "EDDI", "--proposal", "12100409-ST", "--date", "2012-07-30"], { env: { ...env, ...exported } });
      expect(info.code, info.stderr).toBe(0);
      expect(JSON.parse(info.stdout)).toMatchObject({ proposal: "12100409-ST", beamline: "EDDI", title: "NiO SC OF1 JUH HHL" });
      const pid = /demo dataset (PID\S+);/.exec(stdout)?.[1] ?? "";
      const dl = await runCli(["--json", "scicat", "download", pid, "--target", join(tmp.dir, "sc"), "--select", "*.dat"], { env: { ...env, ...exported, CATKIT_SCICAT_PASSWORD: "aman" } });
      expect(dl.code, dl.stderr).toBe(0);
      expect(readFileSync(join(tmp.dir, "sc", "scan_001.dat"), "utf8")).toBe("# energy counts\n7.10 1234\n7.11 1302\n");
      child.kill("SIGINT");
      expect(await exited).toBe(0);
      expect(stderr).toContain("sandbox stopped");
    } finally {
      child.kill("SIGKILL");
      tmp.cleanup();
    }
  });

  it("refuses a non-loopback address (exit 2)", async () => {
    const r = await runCli(["sandbox", "--host", "0.0.0.0"]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining("loopback") as unknown]);
  });
});

describe("--help", () => {
  it("every command prints usage and examples; --version prints the version", async () => {
    const commands = [
      [],
      ["ids"],
      ...["ping", "version", "status", "size", "archive", "restore", "reset", "prepare", "is-prepared", "datafile-ids", "get", "put", "delete", "link"].map((c) => ["ids", c]),
      ["icat"],
      ...["login", "logout", "whoami", "search", "get", "count"].map((c) => ["icat", c]),
      ["sandbox"],
      ["icat-plus"],
      ...[["investigation"], ["datasets"], ["elog"], ["elog", "send"], ["elog", "image"], ["outbox"], ["outbox", "status"], ["outbox", "flush"]].map((c) => ["icat-plus", ...c]),
      ["scicat"],
      ...[["login"], ["logout"], ["whoami"], ["datasets", "search"], ["datasets", "get"], ["samples", "get"], ["proposals", "get"], ["download"], ["upload"]].map((c) => ["scicat", ...c]),
    ];
    for (const path of commands) {
      const r = await runCli([...path, "--help"]);
      expect([path.join(" "), r.code]).toEqual([path.join(" "), 0]);
      expect([path.join(" "), r.stdout]).toEqual([path.join(" "), expect.stringContaining("Examples:\n  $ catkit") as unknown]);
    }
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect((await runCli(["--version"])).stdout).toBe(`${pkg.version}\n`);
    const unknown = await runCli(["idz"]);
    expect(unknown.code).toBe(2);
  });
});
