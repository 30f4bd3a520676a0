// catkit icat … end to end: the built bin against the ICAT sandbox, config from an icat.cfg.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startIcatAndIdsSandbox, tutorialFixture, type IcatAndIdsSandbox } from "@catkit/icat/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonLines, runCli, tempDir } from "./helpers.js";

let sandbox: IcatAndIdsSandbox;
const tmp = tempDir();
const cfg = join(tmp.dir, "icat.cfg");
const cache = join(tmp.dir, "sessions.json");
const env = { HOME: tmp.dir, CATKIT_SESSION_CACHE: cache };
const cli = (...args: string[]) => runCli(["-c", cfg, "-s", "sandbox", ...args], { env });

beforeAll(async () => {
  sandbox = await startIcatAndIdsSandbox({ fixture: tutorialFixture });
  writeFileSync(cfg, `[sandbox]\nurl = ${sandbox.icatUrl}\nidsurl = ${sandbox.idsUrl}\nauth = db\nusername = nbour\npassword = secret\n\n[nopass]\nurl = ${sandbox.icatUrl}\nauth = db\nusername = jdoe\n`);
});
afterAll(async () => {
  await sandbox.close();
  tmp.cleanup();
});

describe("catkit icat", () => {
  it("logs in once (session cached with mode 0600, no password) and serves later commands", async () => {
    const login = await cli("icat", "login");
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toContain("as db/nbour");
    expect(statSync(cache).mode & 0o777).toBe(0o600);
    const stored = readFileSync(cache, "utf8");
    expect(stored).not.toContain("secret");
    expect(JSON.parse(stored)).toHaveProperty([sandbox.icatUrl, "sessionId"]);
    const who = await cli("--json", "icat", "whoami");
    expect(jsonLines(who.stdout)).toEqual([expect.objectContaining({ user: "db/nbour" })]);
    expect(sandbox.icat.requests.filter((r) => r.method === "POST" && r.url.endsWith("/session")).length).toBe(1);
  });

  it("search prints a table, or JSON lines with --json; count and get", async () => {
    const table = await cli("icat", "search", "SELECT i FROM Investigation i");
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^ID\s+NAME\s+/);
    expect(table.stdout).toContain("12100409-ST");
    const json = await cli("--json", "icat", "search", "SELECT i.name FROM Investigation i");
    expect(jsonLines(json.stdout)).toEqual([{ value: "12100409-ST" }]);
    const limited = await cli("--json", "icat", "search", "SELECT ds FROM Dataset ds", "--limit", "1");
    expect(jsonLines(limited.stdout)).toHaveLength(1);
    const count = await cli("icat", "count", "Investigation");
    expect(count.stdout.trim()).toBe("1");
    const [first] = jsonLines(json.stdout) as [unknown];
    expect(first).toBeDefined();
    const ids = jsonLines((await cli("--json", "icat", "search", "SELECT i.id FROM Investigation i")).stdout) as { value: number }[];
    const got = await cli("--json", "icat", "get", "Investigation", String(ids[0]?.value));
    expect(jsonLines(got.stdout)).toEqual([expect.objectContaining({ name: "12100409-ST" })]);
  });

  it("maps errors to exit codes with one line on stderr and never echoes secrets", async () => {
    const missing = await cli("icat", "get", "Investigation", "999999");
    expect(missing.code).toBe(3);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    const badId = await cli("icat", "get", "Investigation", "x1");
    expect([badId.code, badId.stderr]).toEqual([2, expect.stringContaining("ID must be a positive integer") as unknown]);
    const session = JSON.parse(readFileSync(cache, "utf8")) as Record<string, { sessionId: string }>;
    expect(missing.stderr).not.toContain(session[sandbox.icatUrl]?.sessionId);
    const noPass = await runCli(["-c", cfg, "-s", "nopass", "icat", "login"], { env: { ...env, CATKIT_SESSION_CACHE: join(tmp.dir, "other.json") } });
    expect(noPass.code).toBe(2);
    expect(noPass.stderr).toContain("no password");
    const wrong = await runCli(["-c", cfg, "-s", "nopass", "icat", "login"], { env: { ...env, CATKIT_PASSWORD: "wrong-pw", CATKIT_SESSION_CACHE: join(tmp.dir, "other.json") } });
    expect(wrong.code).toBe(5);
    expect(wrong.stderr).not.toContain("wrong-pw");
    const notLoggedIn = await runCli(["-c", cfg, "-s", "nopass", "icat", "whoami"], { env: { ...env, CATKIT_SESSION_CACHE: join(tmp.dir, "other.json") } });
    expect([notLoggedIn.code, notLoggedIn.stderr]).toEqual([5, expect.stringContaining("catkit icat login") as unknown]);
    const noSection = await runCli(["-c", cfg, "-s", "nosuch", "icat", "whoami"], { env });
    expect([noSection.code, noSection.stderr]).toEqual([2, expect.stringContaining("[nosuch]") as unknown]);
  });

  it("takes python-icat's ICAT_* environment instead of a config file", async () => {
    const r = await runCli(["--json", "icat", "count", "Dataset"], { env: { ...env, ICAT_SERVICE: sandbox.icatUrl } });
    expect(r.code, r.stderr).toBe(0);
    expect(jsonLines(r.stdout)).toEqual([{ entity: "Dataset", count: expect.any(Number) as unknown }]);
  });

  it("logout ends the session and forgets it", async () => {
    const out = await cli("icat", "logout");
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(readFileSync(cache, "utf8"))).not.toHaveProperty([sandbox.icatUrl]);
    const after = await runCli(["-w", sandbox.icatUrl, "icat", "whoami"], { env });
    expect(after.code).toBe(5);
  });
});
