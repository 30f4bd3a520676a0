// Every public export carries TSDoc with an @example (the package's documentation rule).
import { join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");

function undocumented(entry: string): string[] {
  const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowImportingTsExtensions: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot read ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${entry} is not a module`);
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    if (!declaration || declaration.getSourceFile().fileName.includes("/packages/core/")) continue;
    const tags = ts.getJSDocTags(declaration).map((t) => t.tagName.text);
    const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker));
    if (docs.trim() === "" || !tags.includes("example")) missing.push(exported.name);
  }
  return missing;
}

describe("TSDoc", () => {
  it("documents every export of @catkit/scicat with an example", () => {
    expect(undocumented(join(root, "src/index.ts"))).toEqual([]);
  });
  it("documents every export of @catkit/scicat/testing with an example", () => {
    expect(undocumented(join(root, "src/testing/index.ts"))).toEqual([]);
  });
});
