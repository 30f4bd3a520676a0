// Beamline software that imports only "@catkit/icat-plus" never loads the ICAT+ sandbox, the
// ingester, the ICAT client or a server library (issue 8): the client entry point reaches no
// testing/ or ingest/ file; the message → ICAT mapping is only behind "@catkit/icat-plus/ingest".
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { expectClientOnly, importGraph } from "../../../tools/vitest/import-graph.ts";

const root = resolve(import.meta.dirname, "..");

describe("the @catkit/icat-plus client entry point", () => {
  it("loads no sandbox, ingester, ICAT client or server code", () => {
    const graph = importGraph(join(root, "src/index.ts"), root);
    expect(graph.files.filter((f) => f.startsWith("src/ingest/"))).toEqual([]);
    expectClientOnly(graph, {
      forbidden: [/^@catkit\/icat$/, /^node:http$/, /^fastify/],
      allowed: (p) => p.startsWith("node:") || ["@catkit/core", "@catkit/core/config", "@catkit/core/internal", "stompit", "zod"].includes(p),
    });
  });
});
