// Bundles a package's entry points after tsc (`node ../../tools/workspace/bundle-entries.ts`,
// run by the package's build script from its directory). Every `import.default` of its exports
// map that names `./dist/bundle/<name>.js` is built from tsc's `./dist/<name>.js`, all in one
// rolldown build, so code shared by two entry points lands in one chunk and exists once (one
// CatkitError class for ".", "./internal" and "./testing"). Packages and Node built-ins stay
// imports; dynamic imports (undici, zod, node:tls) stay lazy chunks.
// Why (issue 11): Node's ESM loader keeps ~56 KiB of memory per module, so @catkit/ids loaded
// from its ~110 files took 63 MiB of RSS on import where the same code bundled takes 50 MiB; a
// 1 GiB download's peak RSS goal is 64 MiB. The declarations (types, API reports) stay tsc's.
import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { rolldown } from "rolldown";

const BUNDLE = "./dist/bundle/";

interface Conditions {
  import?: { default?: string };
}

/**
 * The entry points to bundle: output name → tsc's file, from an exports map.
 *
 * @example
 * ```ts
 * bundleInputs({ ".": { import: { default: "./dist/bundle/index.js" } } }, "/pkg");
 * // { index: "/pkg/dist/index.js" }
 * ```
 */
export function bundleInputs(exports: Record<string, unknown>, packageDir: string): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const conditions of Object.values(exports)) {
    const target = (conditions as Conditions | null)?.import?.default;
    if (typeof target !== "string" || !target.startsWith(BUNDLE) || !target.endsWith(".js")) continue;
    const name = target.slice(BUNDLE.length, -".js".length);
    inputs[name] = join(packageDir, "dist", `${name}.js`);
  }
  return inputs;
}

if (import.meta.main) {
  const dir = process.cwd();
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string; exports?: Record<string, unknown> };
  const input = bundleInputs(pkg.exports ?? {}, dir);
  if (Object.keys(input).length === 0) throw new Error(`${pkg.name}: no export names ${BUNDLE}<name>.js`);
  const build = await rolldown({
    input,
    platform: "node",
    // Only the package's own files are bundled: relative imports of tsc's output.
    external: (id) => !id.startsWith(".") && !isAbsolute(id),
    logLevel: "warn",
  });
  await build.write({ dir: join(dir, "dist/bundle"), format: "esm", entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js", sourcemap: true, sourcemapExcludeSources: true });
  await build.close();
}
