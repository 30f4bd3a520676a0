// Every public export carries TSDoc with an @example (the package's documentation rule).
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { undocumentedExports } from "../../../tools/vitest/undocumented-exports.ts";

const root = resolve(import.meta.dirname, "..");

describe("TSDoc", () => {
  it("documents every export of @catkit/scicat with an example", () => {
    expect(undocumentedExports(join(root, "src/index.ts"))).toEqual([]);
  });
  it("documents every export of @catkit/scicat/testing with an example", () => {
    expect(undocumentedExports(join(root, "src/testing/index.ts"))).toEqual([]);
  });
});
