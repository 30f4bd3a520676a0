// The layering rules of the design card, checked on the package manifests (the same edges Nx
// draws in its project graph):
//   core ← protocol packages (icat, ids, icat-plus, scicat) ← apps (cli, server)
// A protocol package may use another protocol package (icat uses ids), never an app, and never
// pulls an app's framework (fastify, commander) into a client's install.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const packagesDir = join(import.meta.dirname, "../../../packages");
interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
const manifests = readdirSync(packagesDir).map(
  (dir) => JSON.parse(readFileSync(join(packagesDir, dir, "package.json"), "utf8")) as Manifest,
);
const layer = (name: string) =>
  name === "@catkit/core" ? 0 : ["@catkit/icat", "@catkit/icat-plus", "@catkit/ids", "@catkit/scicat"].includes(name) ? 1 : 2;
const runtimeDeps = (m: Manifest) => Object.keys({ ...m.dependencies, ...m.peerDependencies, ...m.optionalDependencies });
const APP_FRAMEWORKS = /^(fastify|@fastify\/.*|fastify-.*|commander|cli-progress|pino-pretty)$/;

describe("package layering", () => {
  it("knows every package", () => {
    expect(manifests.map((m) => m.name).sort()).toEqual(
      ["@catkit/cli", "@catkit/core", "@catkit/icat", "@catkit/icat-plus", "@catkit/ids", "@catkit/scicat", "@catkit/server"],
    );
  });

  it.each(manifests.map((m) => [m.name, m] as const))("%s depends only on lower layers (or a peer protocol package)", (name, m) => {
    for (const dep of runtimeDeps(m).filter((d) => d.startsWith("@catkit/"))) {
      const ok = layer(dep) < layer(name) || (layer(name) === 1 && layer(dep) === 1);
      expect(ok, `${name} must not depend on ${dep}`).toBe(true);
      expect(m.dependencies?.[dep] ?? m.peerDependencies?.[dep], `${name} → ${dep} must use workspace:^`).toBe("workspace:^");
    }
  });

  it.each(manifests.filter((m) => layer(m.name) < 2).map((m) => [m.name, m] as const))(
    "%s pulls no app framework into a client's install",
    (_name, m) => {
      expect(runtimeDeps(m).filter((d) => APP_FRAMEWORKS.test(d))).toEqual([]);
    },
  );

  it("has no dependency cycle between workspace packages", () => {
    const edges = new Map(manifests.map((m) => [m.name, runtimeDeps(m).filter((d) => d.startsWith("@catkit/"))]));
    const visiting = new Set<string>();
    const visit = (name: string, path: string[]): void => {
      expect(visiting.has(name), `cycle: ${[...path, name].join(" → ")}`).toBe(false);
      visiting.add(name);
      for (const dep of edges.get(name) ?? []) visit(dep, [...path, name]);
      visiting.delete(name);
    };
    for (const name of edges.keys()) visit(name, []);
  });
});
