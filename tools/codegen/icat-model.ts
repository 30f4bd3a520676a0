// `pnpm --filter @catkit/tools codegen`: regenerates the ICAT entity model's TypeScript
// (interfaces, metadata, zod schemas, row readers) from its one source, packages/icat/model/,
// replacing the generated directories whole so that a removed group leaves no stale file.
// `--out <dir>` writes the tree under <dir> instead (to look at the output without touching src/).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { GENERATED_DIRS, ICAT_PACKAGE, generateIcatModel } from "./icat-model/generate.ts";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const root = values.out === undefined ? ICAT_PACKAGE : resolve(values.out);
const files = generateIcatModel();
for (const dir of GENERATED_DIRS) rmSync(join(root, dir), { recursive: true, force: true });
for (const [path, text] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
console.log(`icat model: wrote ${files.size} files under ${root}`);
