import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { configCandidates, loadConfig, parseIni } from "../../src/config/index.ts";
import { ConfigError } from "../../src/index.ts";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function world(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), "catkit-config-"));
  roots.push(root);
  const home = join(root, "home");
  const cwd = join(root, "work");
  mkdirSync(cwd, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, text);
  }
  // No real /etc or process env leaks into these tests.
  return { root, home, cwd, env: {} as NodeJS.ProcessEnv };
}

const ICAT_CFG = `# python-icat style
[DEFAULT]
checkCert = No

[myicat_root]
url = https://icat.example.org:8181
auth = simple
username = root
password = sec;ret#1
idsurl = https://icat.example.org:8181

[myicat_nbour]
url: https://icat.example.org:8181
auth: db
username: nbour
`;

describe("parseIni (configparser semantics)", () => {
  it("keeps ; and # inside values, accepts key: value, lower-cases keys, keeps dotted sections", () => {
    const parsed = parseIni("[icat.example.org]\nPassWord = a;b#c\\d\nurl: https://x/y?z=1\nmulti = one\n  two\n", "f.cfg");
    expect(parsed).toEqual({ "icat.example.org": { password: "a;b#c\\d", url: "https://x/y?z=1", multi: "one\ntwo" } });
  });

  it("reports a malformed line with its number", () => {
    expect(() => parseIni("[s]\nthis is not a setting\n", "bad.cfg")).toThrow(/bad\.cfg: line 2 is neither/);
  });
});

describe("loadConfig", () => {
  it("reads python-icat's icat.cfg from ~/.config/icat with a section, DEFAULT applied", () => {
    const w = world({ "home/.config/icat/icat.cfg": ICAT_CFG });
    const { settings, sources, files } = loadConfig({ home: w.home, cwd: w.cwd, env: w.env, section: "myicat_root" });
    expect(files).toEqual([join(w.home, ".config/icat/icat.cfg")]);
    expect(settings).toMatchObject({
      url: "https://icat.example.org:8181",
      idsUrl: "https://icat.example.org:8181",
      auth: "simple",
      username: "root",
      password: "sec;ret#1",
      checkCert: false,
      promptPass: false,
    });
    expect(sources.url).toEqual({ kind: "file", file: join(w.home, ".config/icat/icat.cfg"), section: "myicat_root" });
    expect(sources.promptPass).toEqual({ kind: "default" });
  });

  it("layers flags > environment (CATKIT_* before ICAT_*) > file > defaults", () => {
    const w = world({ "work/icat.cfg": ICAT_CFG });
    const env = { ICAT_CFG_SECTION: "myicat_nbour", ICAT_USER: "from-icat-env", ICAT_AUTH: "ldap", CATKIT_AUTH: "db2", CATKIT_CHECK_CERT: "yes" };
    const { settings, sources, section } = loadConfig({ home: w.home, cwd: w.cwd, env, flags: { url: "https://flag.example.org/icat" } });
    expect(section).toBe("myicat_nbour");
    expect(settings.url).toBe("https://flag.example.org/icat");
    expect(sources.url).toEqual({ kind: "flag" });
    expect(settings.username).toBe("from-icat-env");
    expect(settings.auth).toBe("db2");
    expect(sources.auth).toEqual({ kind: "env", name: "CATKIT_AUTH" });
    expect(settings.checkCert).toBe(true);
  });

  it("lets catkit.cfg override icat.cfg key by key, later files winning", () => {
    const w = world({
      "home/.icat/icat.cfg": ICAT_CFG,
      "work/catkit.cfg": "[myicat_root]\nusername = override\n",
    });
    const { settings, files } = loadConfig({ home: w.home, cwd: w.cwd, env: w.env, section: "myicat_root" });
    expect(files).toHaveLength(2);
    expect(settings.username).toBe("override");
    expect(settings.auth).toBe("simple");
  });

  it("uses only the explicit file from ICAT_CFG, and fails clearly when it is missing", () => {
    const w = world({ "elsewhere/my.cfg": "[x]\nurl = https://only.example.org\n", "work/icat.cfg": ICAT_CFG });
    const env = { ICAT_CFG: join(w.root, "elsewhere/my.cfg") };
    expect(loadConfig({ home: w.home, cwd: w.cwd, env, section: "x" }).settings.url).toBe("https://only.example.org");
    expect(() => loadConfig({ home: w.home, cwd: w.cwd, env: { ICAT_CFG: join(w.root, "nope.cfg") }, section: "x" })).toThrow(/nope\.cfg: the configuration file does not exist/);
  });

  it("fails with the file list when the section does not exist", () => {
    const w = world({ "work/icat.cfg": ICAT_CFG });
    expect(() => loadConfig({ home: w.home, cwd: w.cwd, env: w.env, section: "typo" })).toThrow(/section \[typo\] not found in .*icat\.cfg/);
  });

  it("reports bad values with file, section and key", () => {
    const w = world({ "work/icat.cfg": "[s]\ncheckCert = maybe\nurl = https://ok.example.org\n" });
    const err = (() => {
      try {
        loadConfig({ home: w.home, cwd: w.cwd, env: w.env, section: "s" });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).location).toEqual({ file: join(w.cwd, "icat.cfg"), section: "s", key: "checkcert" });
    expect((err as Error).message).toMatch(/checkCert must be a boolean .*the value given is not one/);
    expect((err as Error).message).not.toContain("maybe"); // values are never quoted back (issue 7 item 3)
    const badUrl = world({ "work/icat.cfg": "[s]\nurl = icat.example.org\n" });
    expect(() => loadConfig({ home: badUrl.home, cwd: badUrl.cwd, env: badUrl.env, section: "s" })).toThrow(/\[s\] "url": url must be an http\(s\) URL/);
    expect(() => loadConfig({ home: w.home, cwd: w.cwd, env: { CATKIT_IDS_URL: "nope" } })).toThrow(/"\$CATKIT_IDS_URL": idsUrl must be/);
  });

  it("reports unknown keys as diagnostics, or as errors when strict", () => {
    const w = world({ "work/icat.cfg": "[s]\nurl = https://x.example.org\nldap_uri = ldap://x\n" });
    const { diagnostics } = loadConfig({ home: w.home, cwd: w.cwd, env: w.env, section: "s" });
    expect(diagnostics).toEqual([expect.objectContaining({ file: join(w.cwd, "icat.cfg"), section: "s", key: "ldap_uri" })]);
    expect(() => loadConfig({ home: w.home, cwd: w.cwd, env: w.env, section: "s", strict: true })).toThrow(/\[s\] "ldap_uri": unknown key/);
  });

  it("ignores config files when no section is chosen (python-icat)", () => {
    const w = world({ "work/icat.cfg": ICAT_CFG });
    expect(loadConfig({ home: w.home, cwd: w.cwd, env: w.env }).settings.url).toBeUndefined();
  });

  it("never shows the password when settings are logged or serialised", () => {
    const w = world({ "work/icat.cfg": ICAT_CFG });
    const { settings } = loadConfig({ home: w.home, cwd: w.cwd, env: w.env, section: "myicat_root" });
    expect(settings.password).toBe("sec;ret#1");
    expect(JSON.stringify(settings)).not.toContain("sec;ret");
    expect(inspect(settings)).not.toContain("sec;ret");
    expect(JSON.stringify(settings)).toContain("[REDACTED]");
  });

  it("searches python-icat's locations, then catkit's", () => {
    const { files } = configCandidates({ home: "/home/ada", cwd: "/work", env: {} });
    expect(files).toEqual([
      "/etc/icat/icat.cfg",
      "/home/ada/.config/icat/icat.cfg",
      "/home/ada/.icat/icat.cfg",
      "/work/icat.cfg",
      "/etc/catkit/catkit.cfg",
      "/home/ada/.config/catkit/catkit.cfg",
      "/work/catkit.cfg",
    ]);
  });
});
