// Every public export of @catkit/cli carries TSDoc with an @example.
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { undocumentedExports } from "../../../tools/vitest/undocumented-exports.ts";

describe("TSDoc", () => {
  it("documents every export of @catkit/cli with an example", () => {
    expect(undocumentedExports(join(resolve(import.meta.dirname, ".."), "src/index.ts"))).toEqual([]);
  });
});
