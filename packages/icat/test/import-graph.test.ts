// Users who import only "@catkit/icat" never load the ICAT/IDS sandboxes or a server library
// (issue 8): the client entry point reaches no testing/ file and only core, ids and zod.
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { expectClientOnly, guardClientEntry, importGraph } from "../../../tools/vitest/import-graph.ts";

const root = resolve(import.meta.dirname, "..");

guardClientEntry(root, {
  contains: "src/icat-client.ts",
  forbidden: [/^yazl$/, /^yauzl$/, /^node:http$/, /^fastify/],
  // @catkit/core/config only through icatFromConfig's import(): Node never loads it with the entry point.
  neverLoadedFiles: [/\/packages\/core\/src\/config\//],
  allowed: (p) => p.startsWith("node:") || ["@catkit/core", "@catkit/core/internal", "@catkit/core/config", "@catkit/ids", "zod"].includes(p),
});

describe("the @catkit/icat client entry point", () => {

  it("loads @catkit/core/config only when icatFromConfig is called (issue 8 §3)", () => {
    expect(importGraph(join(root, "src/index.ts"), root, { dynamic: false }).packages).not.toContain("@catkit/core/config");
    expect(importGraph(join(root, "src/session/icat-from-config.ts"), root).packages).toContain("@catkit/core/config");
  });

  it("while the testing entry point does load the sandbox, and the guard refuses it", () => {
    const testing = importGraph(join(root, "src/testing/index.ts"), root);
    expect(testing.files.some((f) => f.startsWith("src/testing/"))).toBe(true);
    expect(() => expectClientOnly(testing, { forbidden: [], allowed: () => true })).toThrow(/loads testing code/);
  });
});
