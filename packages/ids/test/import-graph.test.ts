// Users who import only "@catkit/ids" must never load the sandbox, yazl, or any server code
// (issue 8): the shared guard walks src/index.ts and runs it in Node, and does the same for the
// build (dist/) when there is one.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { expectClientOnly, guardClientEntry, importGraph, modulesLoadedBy } from "../../../tools/vitest/import-graph.ts";

const root = resolve(import.meta.dirname, "..");
const rules = {
  contains: "src/ids-client.ts",
  forbidden: [/^yazl$/, /^yauzl$/, /^node:http$/, /^undici$/],
  neverLoaded: [/^yazl$/, /^yauzl$/], // undici is core's transport: loaded, but not by ids itself
  // everything else is Node built-ins, core and zod
  allowed: (p: string) => p.startsWith("node:") || ["@catkit/core", "@catkit/core/internal", "zod"].includes(p),
  built: true,
};

guardClientEntry(root, rules);

describe("the built @catkit/ids entry point (the bundle its exports map names)", () => {
  const built = join(root, "dist/bundle/index.js");

  it("does not load node:util, node:crypto or node:worker_threads on import (3 MiB of RSS each; issue 11)", () => {
    if (!existsSync(built)) throw new Error(`${built} is missing: build the package first (pnpm build)`); // npm test builds it (test dependsOn build)
    // A script file, not `node -e`, whose eval machinery loads node:util itself.
    const dir = mkdtempSync(join(tmpdir(), "catkit-ids-imports-"));
    const file = join(dir, "load.mjs");
    writeFileSync(file, `const before = new Set(process.moduleLoadList); await import(${JSON.stringify(pathToFileURL(built).href)}); process.stdout.write(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m))));`);
    const added = JSON.parse(execFileSync(process.execPath, [file], { encoding: "utf8" })) as string[];
    rmSync(dir, { recursive: true, force: true });
    expect(added).toContain("NativeModule net");
    expect(added.filter((m) => /^NativeModule (util|crypto|worker_threads)$/.test(m))).toEqual([]);
  });

  it("loads a handful of files, not one per source module (Node keeps ~56 KiB per ES module; issue 11)", () => {
    if (!existsSync(built)) throw new Error(`${built} is missing: build the package first (pnpm build)`);
    const loaded = [...new Set(modulesLoadedBy(built, { built: true }))].filter((u) => u.includes("/packages/ids/") || u.includes("/packages/core/"));
    expect(loaded.some((u) => u.endsWith("/ids/dist/bundle/index.js"))).toBe(true);
    expect(loaded.some((u) => u.endsWith("/core/dist/bundle/index.js"))).toBe(true);
    expect(loaded.length).toBeLessThanOrEqual(12);
  });
});

describe("the testing entry point", () => {
  it("does load the sandbox, and the guard refuses it", () => {
    const graph = importGraph(join(root, "src/testing/index.ts"), root);
    expect(graph.files).toContain("src/testing/ids-sandbox.ts");
    expect(graph.packages).toContain("@catkit/core/testing");
    expect(() => expectClientOnly(graph, rules)).toThrow(/loads testing code/);
  });
});
