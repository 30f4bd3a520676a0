// Configuration is a subpath of its own, "@catkit/core/config" (issue 8 §3): a client that never
// reads icat.cfg must not load the config code. Checked on the source import graph and on what
// Node really loads when it imports the main entry point.
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importGraph, modulesLoadedBy } from "../../../../tools/vitest/import-graph.ts";

const root = resolve(import.meta.dirname, "../..");
const configFiles = (paths: readonly string[]) => paths.filter((p) => /\/?src\/config\//.test(p));

describe("@catkit/core's entry points", () => {
  it("the main entry point imports nothing from src/config", () => {
    const graph = importGraph(join(root, "src/index.ts"), root);
    expect(graph.files).toContain("src/transport/undici-transport.ts");
    expect(configFiles(graph.files)).toEqual([]);
    expect(graph.packages.filter((p) => p === "ini" || p.endsWith("/config"))).toEqual([]);
  });

  it("and Node loads no config module when a client imports it", () => {
    const loaded = modulesLoadedBy(join(root, "src/index.ts"));
    expect(loaded.some((u) => u.endsWith("/src/transport/undici-transport.ts"))).toBe(true);
    expect(configFiles(loaded)).toEqual([]);
  });

  it("while @catkit/core/config loads the config code (the check can fail)", () => {
    const loaded = modulesLoadedBy(join(root, "src/config/index.ts"));
    expect(configFiles(loaded).map((u) => u.replace(/^.*\/src\/config\//, ""))).toEqual(
      expect.arrayContaining(["load-config.ts", "ini-file.ts", "config-files.ts", "settings.ts"]),
    );
  });
});
