// Users who import only "@catkit/ids" must never load the sandbox, yazl, or any server code
// (issue 8): the shared guard walks src/index.ts and runs it in Node; the build is checked too.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { expectClientOnly, guardClientEntry, importGraph } from "../../../tools/vitest/import-graph.ts";

const root = resolve(import.meta.dirname, "..");
const rules = {
  contains: "src/ids-client.ts",
  forbidden: [/^yazl$/, /^yauzl$/, /^node:http$/, /^undici$/],
  neverLoaded: [/^yazl$/, /^yauzl$/], // undici is core's transport: loaded, but not by ids itself
  // everything else is Node built-ins, core and zod
  allowed: (p: string) => p.startsWith("node:") || ["@catkit/core", "@catkit/core/internal", "zod"].includes(p),
};

guardClientEntry(root, rules);

describe("the built @catkit/ids entry point", () => {
  const built = join(root, "dist/index.js");

  it("imports no sandbox, yazl or server code", () => {
    if (!existsSync(built)) return; // checked again by `pnpm test` after `pnpm build` in CI
    const graph = importGraph(built, root);
    expect(graph.files).toContain("dist/ids-client.js");
    expectClientOnly(graph, rules);
  });

  it("does not load node:util, node:crypto or node:worker_threads on import (3 MiB of RSS each; issue 11)", () => {
    if (!existsSync(built)) return;
    // A script file, not `node -e`, whose eval machinery loads node:util itself.
    const dir = mkdtempSync(join(tmpdir(), "catkit-ids-imports-"));
    const file = join(dir, "load.mjs");
    writeFileSync(file, `const before = new Set(process.moduleLoadList); await import(${JSON.stringify(pathToFileURL(built).href)}); process.stdout.write(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m))));`);
    const added = JSON.parse(execFileSync(process.execPath, [file], { encoding: "utf8" })) as string[];
    rmSync(dir, { recursive: true, force: true });
    expect(added).toContain("NativeModule net");
    expect(added.filter((m) => /^NativeModule (util|crypto|worker_threads)$/.test(m))).toEqual([]);
  });

  it("loads no sandbox or yazl module at run time (real Node resolution)", () => {
    if (!existsSync(built)) return;
    const script = [
      'import { registerHooks } from "node:module";',
      "const seen = [];",
      "registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); seen.push(r.url); return r; } });",
      `const ids = await import(${JSON.stringify(pathToFileURL(built).href)});`,
      "if (typeof ids.IdsClient !== 'function') throw new Error('no IdsClient');",
      "process.stdout.write(JSON.stringify(seen));",
    ].join("\n");
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
    const loaded = JSON.parse(out) as string[];
    expect(loaded.some((u) => u.includes("/packages/ids/dist/ids-client.js"))).toBe(true);
    expect(loaded.filter((u) => /yazl|yauzl|\/testing\//.test(u))).toEqual([]);
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
