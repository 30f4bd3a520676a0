// Compiles the ```ts code blocks of a package README, so that quick starts and examples keep
// working as the code changes (Azure SDK's snippets check). Each block is its own module. A
// README declares the free identifiers its examples use in a hidden prelude, compiled as a
// global declarations file (so a block that declares the same name itself simply shadows it;
// types come in as `import("@catkit/ids").IdsClient`, not with import statements):
//   <!-- snippet-prelude
//   declare const sessionId: string;
//   declare module "pino" { … }
//   -->
// Blocks fenced as ```ts no-check are not compiled.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** A code block from a README. */
export interface Snippet {
  line: number;
  code: string;
}

/**
 * Extracts the compiled ```ts blocks and the prelude of a README.
 *
 * @example
 * ```ts
 * const { snippets, prelude } = extractSnippets(readFileSync("README.md", "utf8"));
 * ```
 */
export function extractSnippets(markdown: string): { snippets: Snippet[]; prelude: string } {
  const prelude = /<!--\s*snippet-prelude\n([\s\S]*?)-->/.exec(markdown)?.[1] ?? "";
  const snippets: Snippet[] = [];
  const fence = /^```ts\s*\n([\s\S]*?)^```/gm;
  for (let m = fence.exec(markdown); m; m = fence.exec(markdown)) {
    snippets.push({ line: markdown.slice(0, m.index).split("\n").length + 1, code: m[1] ?? "" });
  }
  return { snippets, prelude };
}

/**
 * Type-checks the README snippets of the package in `packageDir`; returns readable diagnostics
 * ("README.md:42: …"), empty when all compile.
 *
 * @example
 * ```ts
 * expect(checkReadmeSnippets("packages/ids")).toEqual([]);
 * ```
 */
export function checkReadmeSnippets(packageDir: string): string[] {
  const { snippets, prelude } = extractSnippets(readFileSync(join(packageDir, "README.md"), "utf8"));
  const dir = join(packageDir, "node_modules", ".readme-snippets");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = snippets.map((s, i) => {
    const file = join(dir, `snippet-${i}.ts`);
    writeFileSync(file, `${s.code}\nexport {};\n`);
    return { file, snippet: s };
  });
  const preludeFile = join(dir, "prelude.d.ts");
  writeFileSync(preludeFile, prelude);
  const program = ts.createProgram(
    [preludeFile, ...files.map((f) => f.file)],
    {
      target: ts.ScriptTarget.ES2023,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      moduleDetection: ts.ModuleDetectionKind.Force,
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: true,
      noEmit: true,
      types: ["node"],
      customConditions: ["@catkit/source"],
      allowImportingTsExtensions: true,
      noUnusedLocals: false,
    },
  );
  const byFile = new Map(files.map((f) => [f.file, f.snippet]));
  return ts.getPreEmitDiagnostics(program).flatMap((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (d.file?.fileName === preludeFile) return [`README.md (snippet-prelude): ${message}`];
    const snippet = d.file ? byFile.get(d.file.fileName) : undefined;
    if (!snippet || !d.file || d.start === undefined) return []; // errors inside the package itself are typecheck's job
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return [`README.md:${snippet.line + line}: ${message}`];
  });
}
