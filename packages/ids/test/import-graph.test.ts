// Users who import only "@catkit/ids" must never load the sandbox, yazl, or any server code
// (issue 8): the shared guard walks src/index.ts and runs it in Node, and does the same for the
// build (dist/) when there is one.
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { expectClientOnly, guardClientEntry, importGraph } from "../../../tools/vitest/import-graph.ts";

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

describe("the testing entry point", () => {
  it("does load the sandbox, and the guard refuses it", () => {
    const graph = importGraph(join(root, "src/testing/index.ts"), root);
    expect(graph.files).toContain("src/testing/ids-sandbox.ts");
    expect(graph.packages).toContain("@catkit/core/testing");
    expect(() => expectClientOnly(graph, rules)).toThrow(/loads testing code/);
  });
});
