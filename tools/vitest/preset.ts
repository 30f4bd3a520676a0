// The one vitest configuration every catkit package uses.
//
// - Workspace packages resolve to their TypeScript sources through the "@catkit/source" export
//   condition, so tests never need a build first (TanStack's custom-condition pattern).
// - Tests that need a real message broker are named `*.broker.test.ts`. They run in their own
//   vitest project whose global setup starts Apache ActiveMQ (tools/activemq) and provides its
//   address through `inject("activemq")`. A broker that cannot start fails the run: never a skip.
// - Tests that need a real PostgreSQL are named `*.pg.test.ts`; their project's global setup
//   starts one (tools/postgres) and provides its URL through `inject("postgres")`.
// - Tests that need a real OpenSSH server are named `*.sshd.test.ts`; their project's global
//   setup starts sshd (tools/sshd) and provides it through `inject("sshd")`, the same way.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { defineConfig, type ViteUserConfig } from "vitest/config";
// What `inject("activemq" | "postgres" | "sshd")` returns is declared once, next to the provide()
// of each global setup. Every package's tsconfig includes its vitest.config.ts, which imports this
// preset, so these type-only imports bring the declarations to every package's tests: no test
// declares them again.
import type {} from "../activemq/vitest-global-setup.ts";
import type {} from "../postgres/vitest-global-setup.ts";
import type {} from "../sshd/vitest-global-setup.ts";

// Vite's default server conditions plus ours. Not "import"/"require": vitest hands these to its
// workers as Node `--conditions`, and "import" would make a require() inside a CommonJS
// dependency load that dependency's ESM build (seen with yazl → buffer-crc32). Vite adds
// import/require by import kind itself.
const conditions = ["@catkit/source", "module", "node", "development|production"];
const BROKER_TESTS = "**/*.broker.test.ts";
const SSHD_TESTS = "**/*.sshd.test.ts";
const PG_TESTS = "**/*.pg.test.ts";
const UNIT_TESTS = ["**/*.test.ts"];
const SKIP_DIRS = new Set(["node_modules", "dist", ".nx", ".cache", "coverage"]);

function hasTests(dir: string, suffix: string): boolean {
  return readdirSync(dir, { withFileTypes: true }).some((e) =>
    e.isDirectory() ? !SKIP_DIRS.has(e.name) && hasTests(join(dir, e.name), suffix) : e.name.endsWith(suffix),
  );
}

/**
 * Builds the vitest configuration for the package in `dir`.
 *
 * @example
 * ```ts
 * // packages/ids/vitest.config.ts
 * import { catkitVitestConfig } from "../../tools/vitest/preset.ts";
 * export default catkitVitestConfig(import.meta.dirname);
 * ```
 */
export function catkitVitestConfig(dir: string): ViteUserConfig {
  const broker = hasTests(dir, ".broker.test.ts");
  const sshd = hasTests(dir, ".sshd.test.ts");
  const pg = hasTests(dir, ".pg.test.ts");
  return defineConfig({
    root: dir,
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ["@catkit/source"] } },
    test: {
      testTimeout: 30_000,
      hookTimeout: 120_000,
      // Tests start real servers on port 0; unhandled errors must fail the run.
      dangerouslyIgnoreUnhandledErrors: false,
      projects: [
        {
          extends: true,
          test: { name: "unit", include: UNIT_TESTS, exclude: [BROKER_TESTS, SSHD_TESTS, PG_TESTS, "**/node_modules/**", "**/dist/**"] },
        },
        ...(broker
          ? [
              {
                extends: true,
                test: {
                  name: "broker",
                  include: [BROKER_TESTS],
                  globalSetup: [join(import.meta.dirname, "../activemq/vitest-global-setup.ts")],
                },
              },
            ]
          : []),
        ...(pg
          ? [
              {
                extends: true,
                test: { name: "pg", include: [PG_TESTS], globalSetup: [join(import.meta.dirname, "../postgres/vitest-global-setup.ts")] },
              },
            ]
          : []),
        ...(sshd
          ? [
              {
                extends: true,
                test: { name: "sshd", include: [SSHD_TESTS], globalSetup: [join(import.meta.dirname, "../sshd/vitest-global-setup.ts")] },
              },
            ]
          : []),
      ],
    },
  });
}
