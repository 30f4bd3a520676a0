// Python's str(), os.path.normpath, json.dumps and isoformat as pyicat-plus relies on them, and
// the e-logbook message rules (pyicat-plus.md §1.6, §2.3), plus options from catkit's config.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@catkit/core";
import { describe, expect, it } from "vitest";
import { elogbookMessage } from "../src/elogbook/elogbook-message.js";
import { loadIcatPlusOptions } from "../src/config/index.js";
import { asFloat, parseBrokerUrl, pythonFloatRepr, pythonIsoformat, pythonJsonDumps, pythonNormpath } from "../src/index.js";

describe("Python forms", () => {
  it.each([
    [1, "1.0"], [0.1, "0.1"], [1e-5, "1e-05"], [1.5e-7, "1.5e-07"], [0.0001, "0.0001"], [1e16, "1e+16"], [1e15, "1000000000000000.0"],
    [123456789012345680000, "1.2345678901234568e+20"], [-2.5, "-2.5"], [-0, "-0.0"], [NaN, "nan"], [Infinity, "inf"], [5e-324, "5e-324"],
  ])("repr(%s) is %s", (x, text) => {
    expect(pythonFloatRepr(x)).toBe(text);
  });

  it.each([
    ["/a/b/", "/a/b"], ["a/./b/../c", "a/c"], ["//a//b", "//a/b"], ["///a", "/a"], ["../../a", "../../a"], ["/..", "/"], ["", "."], ["./", "."],
  ])("normpath(%s) is %s", (p, n) => {
    expect(pythonNormpath(p)).toBe(n);
  });

  it("json.dumps: separators, ASCII escapes with surrogate pairs, Python numbers", () => {
    expect(pythonJsonDumps({ a: [1, asFloat(2), "é😀\n\"", null, true], b: {} })).toBe('{"a": [1, 2.0, "\\u00e9\\ud83d\\ude00\\n\\"", null, true], "b": {}}');
    expect(() => pythonJsonDumps({ x: NaN })).toThrow(/finite/);
  });

  it("isoformat at a fixed offset", () => {
    expect(pythonIsoformat(new Date("2024-03-07T16:03:13.120Z"), 60)).toBe("2024-03-07T17:03:13.120000+01:00");
    expect(pythonIsoformat(new Date("2024-03-07T16:03:13Z"), -330)).toBe("2024-03-07T10:33:13-05:30");
  });

  it("broker URLs: host, host:port, tcp://", () => {
    expect(parseBrokerUrl("bcu-mq-01.esrf.fr")).toEqual({ host: "bcu-mq-01.esrf.fr", port: 61613 });
    expect(parseBrokerUrl("tcp://h:1234")).toEqual({ host: "h", port: 1234 });
    expect(() => parseBrokerUrl("http://h")).toThrow(/tcp/);
  });
});

describe("e-logbook message", () => {
  const d = { machine: "m", software: "s", now: () => new Date(0), payload: { type: "broadcast", tags: ["ctor"] }, warn: () => undefined };
  it("constructor payload overrides the computed type; tags merge by name", () => {
    const m = elogbookMessage("x", { messageType: "info" }, { tag: [{ name: "call" }, "ctor"] }, d);
    expect(m).toMatchObject({ type: "broadcast", category: "info", tag: [{ name: "ctor" }, { name: "call" }] });
  });
  it("editable/formatted rules warn and fall back", () => {
    const warnings: string[] = [];
    const w = { ...d, payload: {}, warn: (m: string) => warnings.push(m) };
    expect(elogbookMessage("x", { editable: false }, {}, w).type).toBe("notification");
    expect(elogbookMessage("x", { messageType: "error", editable: true }, {}, w).type).toBe("notification");
    expect(elogbookMessage("x", { editable: true, formatted: true }, {}, w).type).toBe("annotation");
    expect(warnings).toHaveLength(2);
    expect(() => elogbookMessage("x", { messageType: "shout" }, {}, w)).toThrow(/unknown e-logbook message type/);
    expect(() => elogbookMessage("x", { mimetype: "image/png" }, {}, w)).toThrow(/mimetype/);
  });
});

describe("loadIcatPlusOptions", () => {
  it("reads a catkit.cfg section and CATKIT_ICATPLUS_* variables (environment first)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "icatplus-cfg-"));
    const file = join(dir, "catkit.cfg");
    await writeFile(file, "[id00]\nmetadata_urls = a:61613, b\nelogbook_url = https://icatplus.esrf.fr\nqueue_timeout = 2\nbeamline = id00\n");
    const options = loadIcatPlusOptions({ configFile: file, section: "id00", env: { CATKIT_ICATPLUS_BEAMLINE: "id01" } });
    expect(options).toEqual({ metadataUrls: ["a:61613", "b"], elogbookUrl: "https://icatplus.esrf.fr", queueTimeout: 2, beamline: "id01" });
    await writeFile(file, "[id00]\nqueue_timeout = soon\n");
    expect(() => loadIcatPlusOptions({ configFile: file, section: "id00", env: {} })).toThrow(ConfigError);
    await rm(dir, { recursive: true, force: true });
  });
});

describe("error codes", () => {
  it("registers every ICATPLUS_ code with core", async () => {
    const { describeErrorCode } = await import("@catkit/core");
    const { IcatPlusErrorCode } = await import("../src/index.js");
    for (const code of Object.values(IcatPlusErrorCode)) expect(describeErrorCode(code), code).toMatch(/\w+ \w+/);
  });
});
