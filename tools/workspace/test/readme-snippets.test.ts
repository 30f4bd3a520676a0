// Every package README's TypeScript examples must compile against the current sources.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkReadmeSnippets, extractSnippets } from "../readme-snippets.ts";

const packagesDir = join(import.meta.dirname, "../../../packages");
const documented = readdirSync(packagesDir).filter((p) => existsSync(join(packagesDir, p, "README.md")));

describe("README snippets", () => {
  it("extracts blocks, line numbers and the prelude", () => {
    const md = "# x\n<!-- snippet-prelude\ndeclare const a: number;\n-->\n```ts\nconst b = a;\n```\n```ts no-check\nnope\n```\n";
    const { snippets, prelude } = extractSnippets(md);
    expect(prelude.trim()).toBe("declare const a: number;");
    expect(snippets).toEqual([{ line: 6, code: "const b = a;\n" }]);
  });

  it.each(documented)("packages/%s/README.md compiles", (pkg) => {
    expect(checkReadmeSnippets(join(packagesDir, pkg))).toEqual([]);
  }, 120_000);
});
