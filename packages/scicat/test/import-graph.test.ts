// Users who import only "@catkit/scicat" must never load the sandbox or its server-side
// libraries (mingo, mathjs, json-merge-patch); ssh2 is loaded lazily, on the first SFTP connection
// (issue 8): the shared guard walks src/index.ts and runs it in Node.
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { expectClientOnly, guardClientEntry, importGraph } from "../../../tools/vitest/import-graph.ts";

const root = resolve(import.meta.dirname, "..");
const rules = {
  contains: "src/client/scicat-client.ts",
  forbidden: [/^mingo$/, /^mathjs$/, /^json-merge-patch$/, /^node:http$/, /^fastify/],
  // ssh2 is allowed in the graph only as the dynamic import of the SFTP transfer; Node must not
  // load it when the entry point is imported.
  neverLoaded: [/^mingo$/, /^mathjs$/, /^json-merge-patch$/, /^ssh2$/],
  allowed: (p: string) => p.startsWith("node:") || ["@catkit/core", "@catkit/core/internal", "zod", "ssh2"].includes(p),
};

guardClientEntry(root, rules);

describe("the @catkit/scicat client entry point", () => {
  it("imports ssh2 only with a dynamic import() (type-only imports are erased)", () => {
    expect(importGraph(join(root, "src/index.ts"), root, { dynamic: false }).packages).not.toContain("ssh2");
    expect(importGraph(join(root, "src/index.ts"), root).packages).toContain("ssh2");
  });

  it("while the testing entry point loads the sandbox and its libraries, and the guard refuses it", () => {
    const graph = importGraph(join(root, "src/testing/index.ts"), root);
    expect(graph.packages).toContain("mingo");
    expect(() => expectClientOnly(graph, rules)).toThrow(/loads testing code/);
  });
});
