// Every public export carries TSDoc with an @example (the package's documentation rule).
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { undocumentedExports } from "../../../tools/vitest/undocumented-exports.ts";

const root = resolve(import.meta.dirname, "..");

describe("TSDoc", () => {
  it.each(["src/index.ts", "src/config/index.ts", "src/ingest/index.ts", "src/testing/index.ts"])("documents every export of %s with an example", (entry) => {
    expect(undocumentedExports(join(root, entry))).toEqual([]);
  });
});
