// Beamline software that imports only "@catkit/icat-plus" never loads the ICAT+ sandbox, the
// ingester, the ICAT client, a server library or the config reader (issue 8): the message →
// ICAT mapping is only behind "@catkit/icat-plus/ingest", catkit.cfg reading only behind
// "@catkit/icat-plus/config" (and core's config code only behind "@catkit/core/config").
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { expectClientOnly, guardClientEntry, importGraph, modulesLoadedBy } from "../../../tools/vitest/import-graph.ts";

const root = resolve(import.meta.dirname, "..");
const rules = {
  contains: "src/client/icat-plus-client.ts",
  forbidden: [/^@catkit\/icat$/, /^@catkit\/core\/config$/, /^node:http$/, /^fastify/, /^ini$/],
  // @catkit/icat and core's config code resolve to their real paths (workspace packages), so they
  // are named by path as well as by package.
  neverLoadedFiles: [/\/src\/ingest\//, /\/src\/config\//, /\/packages\/icat\/src\//],
  allowed: (p: string) => p.startsWith("node:") || ["@catkit/core", "@catkit/core/internal", "stompit", "zod"].includes(p),
};

guardClientEntry(root, rules);

describe("the guard of the @catkit/icat-plus client entry point", () => {
  it("refuses the config subpath, which does load core's config code (the check can fail)", () => {
    const graph = importGraph(join(root, "src/config/index.ts"), root);
    expect(graph.packages).toContain("@catkit/core/config");
    expect(() => expectClientOnly(graph, rules)).toThrow(/@catkit\/core\/config/);
    expect(modulesLoadedBy(join(root, "src/config/index.ts")).filter((u) => u.includes("/packages/core/src/config/")).length).toBeGreaterThan(0);
  });

  it("and the ingest subpath, which loads the ICAT client", () => {
    const graph = importGraph(join(root, "src/ingest/index.ts"), root);
    expect(() => expectClientOnly(graph, rules)).toThrow(/@catkit\/icat\b/);
  });
});
