#!/usr/bin/env node
// Writes the boilerplate every catkit package shares (tsconfig, tsconfig.build, vitest config)
// and checks its package.json has the fields the workspace relies on. Run it when adding a
// package: `node tools/workspace/scaffold-package.mjs packages/<name>`. Existing files are kept.
// Then `pnpm nx run <name>:api-report` writes its first API report (etc/), to commit.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: scaffold-package.mjs <package dir>\n");
  process.exit(2);
}
const root = join(import.meta.dirname, "..", "..");
const rel = relative(dir, root) || ".";
mkdirSync(join(dir, "src"), { recursive: true });
mkdirSync(join(dir, "test"), { recursive: true });

const files = {
  "tsconfig.json": JSON.stringify(
    { extends: `${rel}/tsconfig.base.json`, include: ["src", "test", "*.ts"] },
    null,
    2,
  ),
  "tsconfig.build.json": JSON.stringify(
    {
      extends: "./tsconfig.json",
      compilerOptions: {
        noEmit: false,
        allowImportingTsExtensions: false,
        rootDir: "src",
        outDir: "dist",
        declaration: true,
        declarationMap: true,
        sourceMap: true,
        // Build against the dependencies' published types (dist), not their sources.
        customConditions: [],
      },
      include: ["src"],
      exclude: ["src/**/*.test.ts"],
    },
    null,
    2,
  ),
  "vitest.config.ts": `import { catkitVitestConfig } from "${rel}/tools/vitest/preset.ts";\n\nexport default catkitVitestConfig(import.meta.dirname);\n`,
};
for (const [name, text] of Object.entries(files)) {
  const path = join(dir, name);
  if (!existsSync(path)) writeFileSync(path, `${text}\n`.replace(/\n\n$/, "\n"));
}

const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const problems = [];
if (pkg.type !== "module") problems.push('"type" must be "module"');
if (pkg.sideEffects !== false) problems.push('"sideEffects" must be false');
if (!pkg.engines?.node?.startsWith(">=22.12")) problems.push('"engines.node" must be ">=22.12"');
if (!pkg.exports?.["."]) problems.push('"exports" must have "."');
// The API report (etc/<name>.api.md) and its check: surface changes show in review (issue 8).
if (!pkg.scripts?.["test:build"]?.includes("tools/workspace/api-report.ts")) {
  problems.push('"scripts.test:build" must run `node ../../tools/workspace/api-report.ts`, and "scripts.api-report" `node ../../tools/workspace/api-report.ts --update`');
}
if (problems.length > 0) {
  process.stderr.write(`${dir}/package.json:\n  ${problems.join("\n  ")}\n`);
  process.exit(1);
}
