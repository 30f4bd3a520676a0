// The import graph of a package entry point, for the guard every protocol package has: its
// client entry point must never load its `testing/` code or a sandbox/server dependency
// (issue 8). Walks relative imports (static, and `import("…")` when `dynamic` is set) from the
// entry's source file; bare specifiers are collected as packages.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** What an entry point loads: package-relative files and the bare specifiers they import. */
export interface ImportGraph {
  files: string[];
  packages: string[];
}

// The specifiers a module loads: `import type` / `export type` are erased (verbatimModuleSyntax
// keeps every other import, `import { type A }` included), so they load nothing.
function importsOf(file: string, dynamic: boolean): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    else if (dynamic && ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) found.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
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
    for (const fileName of importsOf(file, options.dynamic ?? true)) {
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

/**
 * The module URLs that Node really loads when it imports `entry`: the run-time counterpart of
 * {@link importGraph}, which follows what a user's `import` resolves to across packages. A source
 * file (the default) runs through tools/vitest/source-hooks.ts with the "@catkit/source"
 * condition, so no build is needed; with `built: true`, `entry` is compiled output and Node
 * resolves it as an installed package would (the dependencies' `dist/` too).
 *
 * @example
 * ```ts
 * const loaded = modulesLoadedBy(join(root, "src/index.ts"));
 * expect(loaded.filter((u) => u.includes("/src/config/"))).toEqual([]);
 * ```
 */
export function modulesLoadedBy(entry: string, options: { built?: boolean } = {}): string[] {
  const script = [
    'import { registerHooks } from "node:module";',
    "const seen = [];",
    "registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); seen.push(r.url); return r; } });",
    `await import(${JSON.stringify(pathToFileURL(entry).href)});`,
    "process.stdout.write(JSON.stringify(seen));",
  ].join("\n");
  const hooks = join(import.meta.dirname, "source-hooks.ts");
  const source = options.built === true ? [] : ["--conditions=@catkit/source", "--import", hooks];
  const out = execFileSync(process.execPath, [...source, "--input-type=module", "-e", script], {
    cwd: dirname(entry),
    encoding: "utf8",
  });
  return JSON.parse(out) as string[];
}

/** What {@link guardClientEntry} checks for one package. */
export interface ClientEntryRules {
  /** Packages the client entry point must never import (sandbox and server libraries). */
  forbidden: readonly RegExp[];
  /** Every package the client entry point may import; anything else fails the guard. */
  allowed: (pkg: string) => boolean;
  /**
   * Packages Node must never load, directly or through a dependency (default: `forbidden`). Node
   * built-ins are not checked at run time: undici, under core, loads node:http legitimately.
   */
  neverLoaded?: readonly RegExp[];
  /**
   * Files that must stay out of the client: matched against "/" + each package-relative file of
   * the source graph and against every module URL Node loads, so `/\/src\/config\//` also
   * catches core's config code reached through a workspace package (those resolve to their real
   * paths, not to node_modules).
   */
  neverLoadedFiles?: readonly RegExp[];
  /** A file the client graph must contain (package-relative, in `src/`), proving the walk went somewhere. */
  contains: string;
  /** The client entry point, package-relative; default `src/index.ts`. */
  entry?: string;
  /**
   * Also check the compiled entry point (`dist/`, the same path with `.js`) the way an installed
   * package loads it; the package's test target must depend on its build.
   */
  built?: boolean;
}

const builtPath = (file: string) => file.replace(/^src\//, "dist/").replace(/\.ts$/, ".js");

/**
 * Registers the standard guard of a protocol package (issue 8): its client entry point reaches no
 * `testing/` file, no forbidden package and no `neverLoadedFiles` file in its source import graph,
 * and Node, importing it for real, loads no `/testing/` module, no package of `neverLoaded` and
 * no `neverLoadedFiles` file. One call in the package's `test/import-graph.test.ts`.
 *
 * @example
 * ```ts
 * guardClientEntry(resolve(import.meta.dirname, ".."), {
 *   contains: "src/client/scicat-client.ts",
 *   forbidden: [/^mingo$/, /^node:http$/],
 *   allowed: (p) => p.startsWith("node:") || ["@catkit/core", "zod"].includes(p),
 * });
 * ```
 */
export function guardClientEntry(root: string, rules: ClientEntryRules): void {
  const entryPath = rules.entry ?? "src/index.ts";
  const files = rules.neverLoadedFiles ?? [];
  const bareName = (url: string) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  const neverLoaded = rules.neverLoaded ?? rules.forbidden;
  const badAtRunTime = (loaded: readonly string[]) =>
    loaded.filter((u) => u.includes("/testing/") || neverLoaded.some((r) => r.test(bareName(u) ?? "")) || files.some((r) => r.test(u)));

  describe(`the client entry point ${entryPath}`, () => {
    it("imports no testing code and no sandbox or server package (source graph)", () => {
      const graph = importGraph(join(root, entryPath), root);
      expect(graph.files).toContain(rules.contains);
      expectClientOnly(graph, rules);
      expect(graph.files.filter((f) => files.some((r) => r.test(`/${f}`)))).toEqual([]);
    });

    it("makes Node load no testing module and no sandbox or server package (run time)", () => {
      const loaded = modulesLoadedBy(join(root, entryPath));
      expect(loaded.some((u) => u.endsWith(`/${rules.contains}`))).toBe(true);
      expect(badAtRunTime(loaded)).toEqual([]);
    });

    if (rules.built === true) {
      it("and so does its build, when there is one (source graph and run time)", () => {
        const built = join(root, builtPath(entryPath));
        // The package's test target depends on its build (package.json nx.targets), so npm test
        // always has one; a bare `vitest run` is told to build rather than passing unchecked.
        if (!existsSync(built)) throw new Error(`${built} is missing: build the package first (pnpm build)`);
        const graph = importGraph(built, root);
        expect(graph.files).toContain(builtPath(rules.contains));
        expectClientOnly(graph, rules);
        const loaded = modulesLoadedBy(built, { built: true });
        expect(loaded.some((u) => u.endsWith(`/${builtPath(rules.contains)}`))).toBe(true);
        expect(badAtRunTime(loaded)).toEqual([]);
      });
    }
  });
}
