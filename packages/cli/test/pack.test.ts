// The npx path: `pnpm pack` of @catkit/cli (and of the workspace packages it depends on, which
// are not on a registry yet) installed with npm into an empty directory; the bins run from there.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { packPackage } from "../../../tools/vitest/pack-package.ts";
import { tempDir } from "./helpers.js";

const PACKAGES = ["core", "icat", "ids", "icat-plus", "scicat", "cli"].map((p) => fileURLToPath(new URL(`../../${p}/`, import.meta.url)));
const tmp = tempDir("catkit-pack-");
afterAll(() => tmp.cleanup());

describe("npm pack → npm install → bins", () => {
  it("runs catkit --help and icat-store-raw --help from an empty directory", () => {
    const tgz = join(tmp.dir, "tgz");
    const app = join(tmp.dir, "app");
    mkdirSync(app);
    const tarballs = PACKAGES.map((dir) => packPackage(dir, tgz));
    writeFileSync(join(app, "package.json"), '{ "name": "npx-path", "private": true }\n');
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs], { cwd: app, stdio: "ignore" });
    const bin = (name: string) => join(app, "node_modules", ".bin", name);
    expect(execFileSync(bin("catkit"), ["--help"], { encoding: "utf8" })).toContain("Usage: catkit [options] [command]");
    expect(execFileSync(bin("icat-store-raw"), ["--help"], { encoding: "utf8" })).toContain("Usage: icat-store-raw [options]");
    expect(execFileSync(bin("icat-sync-raw"), ["--version"], { encoding: "utf8" })).toMatch(/^\d+\.\d+\.\d+\n$/);
    // --broker runs the repository's tools/activemq: outside a checkout it says so, before starting anything
    const broker = spawnSync(bin("catkit"), ["sandbox", "--broker"], { cwd: app, encoding: "utf8" });
    expect([broker.status, broker.stdout, broker.stderr]).toEqual([2, "", expect.stringContaining("--broker needs a checkout of the catkit repository") as unknown]);
  }, 240_000);
});
