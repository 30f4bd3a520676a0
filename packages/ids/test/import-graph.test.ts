// Users who import only "@catkit/ids" must never load the sandbox, yazl, or any server code.
// Walks the static and dynamic imports of src/index.ts (and of dist/index.js when built).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");

function importGraph(entry: string, sourceExt: ".ts" | ".js"): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith(".")) {
        packages.add(fileName);
        continue;
      }
      const target = resolve(dirname(file), fileName.replace(/\.js$/, sourceExt));
      visit(target);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative(root, f)), packages: [...packages].sort() };
}

function check(graph: { files: string[]; packages: string[] }): void {
  expect(graph.files.length).toBeGreaterThan(10);
  expect(graph.files.filter((f) => f.includes("testing"))).toEqual([]);
  expect(graph.packages.filter((p) => p === "yazl" || p === "yauzl" || p.includes("testing") || p === "node:http" || p === "undici")).toEqual([]);
  // everything else is Node built-ins, core and zod
  expect(graph.packages.every((p) => p.startsWith("node:") || p === "@catkit/core" || p === "zod")).toBe(true);
}

describe("the client entry point", () => {
  it("does not import the sandbox, yazl or server code (sources)", () => {
    const graph = importGraph(join(root, "src/index.ts"), ".ts");
    check(graph);
    expect(graph.files).toContain("src/ids-client.ts");
  });

  it("does not import them from the build either", () => {
    const built = join(root, "dist/index.js");
    if (!existsSync(built)) return; // checked again by `pnpm test` after `pnpm build` in CI
    check(importGraph(built, ".js"));
  });

  it("loads no sandbox or yazl module at run time (built package, real Node resolution)", () => {
    const built = join(root, "dist/index.js");
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

  it("while the testing entry point does load the sandbox", () => {
    const graph = importGraph(join(root, "src/testing/index.ts"), ".ts");
    expect(graph.files).toContain("src/testing/ids-sandbox.ts");
    expect(graph.packages).toContain("@catkit/core/testing");
  });
});
