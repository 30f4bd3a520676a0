// Exact parity with python-icat: every case in oracle/python-icat-oracle.ts holds the text that
// python-icat's own icat/query.py renders for the same input (see oracle/generate.py). The cases
// cover the natural order and INCLUDE 1 of every ICAT 6.2 entity, every query built in
// python-icat's tests/test_06_query.py, and edge cases of aliasing, ordering and warnings.
import { describe, expect, it } from "vitest";
import type { EntityName } from "../../src/model/index.js";
import { Query, type QueryOptions, type QueryWarning } from "../../src/query/index.js";
import { pythonIcatOracle } from "./oracle/python-icat-oracle.js";

const warningClass: Record<QueryWarning["kind"], string> = {
  "nullable-order": "QueryNullableOrderWarning",
  "one-to-many-order": "QueryOneToManyOrderWarning",
};

function build(entity: string, options: QueryOptions): Query {
  return new Query(entity as EntityName, options);
}

describe("python-icat oracle", () => {
  it("covers every entity twice and the upstream test suite", () => {
    expect(pythonIcatOracle.filter((c) => c.source.startsWith("natural order of "))).toHaveLength(53);
    expect(pythonIcatOracle.filter((c) => c.source.startsWith("tests/test_06_query.py")).length).toBeGreaterThanOrEqual(55);
  });

  it.each(pythonIcatOracle.map((c) => [c.source, c] as const))("%s", (_source, c) => {
    const query = build(c.entity, c.options);
    expect(query.toString()).toBe(c.expected);
    const kinds = [...new Set(query.warnings.map((w) => warningClass[w.kind]))].sort();
    expect(kinds).toEqual(c.warnings);
  });

  it.each(pythonIcatOracle.map((c) => [c.source, c] as const))("copy of %s renders the same", (_source, c) => {
    expect(build(c.entity, c.options).copy().toString()).toBe(c.expected);
  });
});
