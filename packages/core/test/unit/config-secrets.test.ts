// issue 7 item 3: configuration errors never quote a value (a password, a URL with
// user:password), python-icat's configparser rules hold where its users rely on them, and a
// copy of the settings keeps the password masked.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig, parseIni } from "../../src/config/index.ts";
import { ConfigError } from "../../src/index.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function cfg(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "catkit-config-secrets-"));
  dirs.push(dir);
  const file = join(dir, "icat.cfg");
  writeFileSync(file, text);
  return file;
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

const rendered = (err: ConfigError) => [err.message, JSON.stringify(err), inspect(err)].join("\n");

describe("configuration errors never quote a value", () => {
  it("a line without '=' names the line, not its text", () => {
    const err = errorOf(() => parseIni("[root]\nurl = https://icat.example.org\npassword Hunter2-Pw\n", "icat.cfg"));
    expect(err.message).toContain("line 3");
    expect(rendered(err)).not.toContain("Hunter2");
  });

  it("a URL with user:password that is not http(s) is refused without quoting it", () => {
    const file = cfg("[root]\nurl = ftp://admin:S3cret-Pw@icat.example.org/\n");
    const err = errorOf(() => loadConfig({ configFile: file, section: "root", env: {} }));
    expect(err.message).toMatch(/url must be an http\(s\) URL/);
    expect(rendered(err)).not.toContain("S3cret");
  });

  it("a bad boolean is refused without quoting it", () => {
    const file = cfg("[root]\ncheckCert = Hunter2-Pw\n");
    expect(rendered(errorOf(() => loadConfig({ configFile: file, section: "root", env: {} })))).not.toContain("Hunter2");
  });
});

describe("configparser's rules (python-icat reads icat.cfg with configparser)", () => {
  it("keeps quotes as part of the value", () => {
    expect(parseIni(`[s]\npassword = "quoted secret"\nname = 'x'\n`, "f")).toEqual({ s: { password: '"quoted secret"', name: "'x'" } });
  });

  it("refuses a key set twice in a section, and a section twice in a file", () => {
    expect(errorOf(() => parseIni("[s]\nurl = a\nURL = b\n", "f")).message).toMatch(/line 3: "url" is set twice in \[s\]/);
    expect(errorOf(() => parseIni("[s]\na = 1\n[t]\n[s]\nb = 2\n", "f")).message).toMatch(/line 4: section \[s\] appears twice/);
  });

  it("accepts a UTF-8 byte order mark", () => {
    expect(parseIni("\uFEFF[root]\nurl = https://x\n", "f")).toEqual({ root: { url: "https://x" } });
  });

  it("reads password[] as a key of its own, not as password", () => {
    expect(parseIni("[s]\npassword[] = x\n", "f")).toEqual({ s: { "password[]": "x" } });
    const file = cfg("[root]\nurl = https://icat.example.org\npassword[] = Hunter2-Pw\n");
    const { settings, diagnostics } = loadConfig({ configFile: file, section: "root", env: {} });
    expect(settings.password).toBeUndefined();
    expect(diagnostics.map((d) => d.key)).toEqual(["password[]"]);
  });

  it("refuses a key before any section", () => {
    expect(errorOf(() => parseIni("url = https://x\n[s]\n", "f")).message).toMatch(/line 1: "url" appears before any \[section\]/);
  });
});

describe("messages about a key named password stay readable", () => {
  it("a duplicate or empty password is reported in full, nothing masked away", () => {
    const twice = errorOf(() => parseIni("[root]\npassword = a\npassword = b\n", "icat.cfg"));
    expect(twice.message).toBe('icat.cfg [root] "password": line 3: "password" is set twice in [root]; keep one');
    const file = cfg("[root]\nurl = https://icat.example.org\npassword =\n");
    const empty = errorOf(() => loadConfig({ configFile: file, section: "root", env: {} }));
    expect(empty.message).toMatch(/"password": password is empty; give a value or remove the line$/);
  });
});

describe("masking of secrets survives a copy", () => {
  it("{ ...settings } still masks the password in JSON and inspect", () => {
    const file = cfg("[root]\nurl = https://icat.example.org\nusername = jdoe\npassword = Hunter2-Pw\n");
    const { settings } = loadConfig({ configFile: file, section: "root", env: {} });
    expect(settings.password).toBe("Hunter2-Pw");
    const copy = { ...settings, username: "other" };
    expect(copy.password).toBe("Hunter2-Pw");
    for (const text of [JSON.stringify(settings), JSON.stringify(copy), inspect(settings), inspect(copy)]) {
      expect(text).not.toContain("Hunter2");
      expect(text).toContain("[REDACTED]");
    }
    expect(JSON.stringify(copy)).toContain('"username":"other"');
  });
});
