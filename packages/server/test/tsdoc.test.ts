// Every public export carries TSDoc with an @example (the package's documentation rule).
import { join, resolve } from "node:path";
import { expect, it } from "vitest";
import { undocumentedExports } from "../../../tools/vitest/undocumented-exports.ts";

it("documents every export of src/index.ts with an example", () => {
  expect(undocumentedExports(join(resolve(import.meta.dirname, ".."), "src/index.ts"))).toEqual([]);
});
