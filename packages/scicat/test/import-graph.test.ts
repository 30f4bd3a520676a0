// Users who import only "@catkit/scicat" must never load the sandbox or its server-side
// libraries (mingo, mathjs, json-merge-patch); ssh2 is loaded lazily, on the first SFTP connection.
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");

function importGraph(entry: string): { files: string[]; packages: string[]; dynamic: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const dynamic = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/await import\("([^"]+)"\)/g)) dynamic.add(m[1] as string);
    const info = ts.preProcessFile(text, true, false);
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith(".")) {
        packages.add(fileName);
        continue;
      }
      visit(resolve(dirname(file), fileName.replace(/\.js$/, ".ts")));
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative(root, f)), packages: [...packages].sort(), dynamic: [...dynamic] };
}

describe("the client entry point", () => {
  it("loads no sandbox code and no server-side library", () => {
    const graph = importGraph(join(root, "src/index.ts"));
    expect(graph.files.length).toBeGreaterThan(20);
    expect(graph.files.filter((f) => f.includes("testing"))).toEqual([]);
    // type-only imports of ssh2 are erased; the runtime import is dynamic; @catkit/core/internal
    // holds core's building blocks shared by catkit's packages (no server code)
    expect(graph.packages.filter((p) => !p.startsWith("node:") && !["@catkit/core", "@catkit/core/internal", "zod", "ssh2"].includes(p))).toEqual([]);
    expect(graph.dynamic).toEqual(["ssh2"]);
    const staticSsh2 = graph.files.filter((f) => /^import \{[^}]*\} from "ssh2"/m.test(readFileSync(join(root, f), "utf8")));
    expect(staticSsh2).toEqual([]);
  });
});
