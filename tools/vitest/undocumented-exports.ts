// Lists the exports of a package entry point that lack TSDoc with an @example (the documentation
// rule of every catkit package), shared by every package's tsdoc test.

import ts from "typescript";

/**
 * Names of the exports of `entry` without documentation and an @example.
 *
 * @example
 * ```ts
 * expect(undocumentedExports("packages/cli/src/index.ts")).toEqual([]);
 * ```
 */
export function undocumentedExports(entry: string): string[] {
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
    // Re-exports from @catkit/core are documented there.
    if (!declaration || declaration.getSourceFile().fileName.includes("/packages/core/")) continue;
    const tags = ts.getJSDocTags(declaration).map((t) => t.tagName.text);
    const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker));
    if (docs.trim() === "" || !tags.includes("example")) missing.push(exported.name);
  }
  return missing;
}

