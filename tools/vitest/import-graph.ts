// The import graph of a package entry point, for the guard every protocol package has: its
// client entry point must never load its `testing/` code or a sandbox/server dependency
// (issue 8). Walks relative imports (static, and `import("…")` when `dynamic` is set) from the
// entry's source file; bare specifiers are collected as packages.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import ts from "typescript";

/** What an entry point loads: package-relative files and the bare specifiers they import. */
export interface ImportGraph {
  files: string[];
  packages: string[];
}

/**
 * The files and packages `entry` reaches.
 *
 * @example
 * ```ts
 * const graph = importGraph(join(root, "src/index.ts"), root);
 * expect(graph.files.filter((f) => f.includes("testing"))).toEqual([]);
 * ```
 */
export function importGraph(entry: string, root: string, options: { dynamic?: boolean } = {}): ImportGraph {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, options.dynamic ?? true);
    for (const { fileName } of info.importedFiles) {
      if (fileName.startsWith(".")) visit(resolve(dirname(file), fileName.replace(/\.js$/, file.endsWith(".ts") ? ".ts" : ".js")));
      else packages.add(fileName);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative(root, f)).sort(), packages: [...packages].sort() };
}

/**
 * Asserts that a client entry point loads no `testing/` file and none of `forbidden` (exact names
 * or patterns), and only packages that `allowed` accepts.
 *
 * @example
 * ```ts
 * expectClientOnly(importGraph(entry, root), { forbidden: [/^mingo$/], allowed: (p) => p.startsWith("node:") || p === "@catkit/core" });
 * ```
 */
export function expectClientOnly(graph: ImportGraph, rules: { forbidden: readonly RegExp[]; allowed: (pkg: string) => boolean }): void {
  const testing = graph.files.filter((f) => f.includes("testing"));
  if (testing.length > 0) throw new Error(`the client entry point loads testing code: ${testing.join(", ")}`);
  const bad = graph.packages.filter((p) => p.includes("/testing") || rules.forbidden.some((r) => r.test(p)) || !rules.allowed(p));
  if (bad.length > 0) throw new Error(`the client entry point loads ${bad.join(", ")}`);
}
