// Reading ICAT's entity JSON into typed objects and writing objects back as ICAT wants them.
import { ResponseValidationError, InvalidArgumentError } from "@catkit/core";
import { describe, expect, it } from "vitest";
import { entityTypeOf } from "../../src/index.ts";
import { parseEntity } from "../../src/entities/parse-entity.ts";
import { parseRows, unwrapEntity } from "../../src/entities/parse-rows.ts";
import { serializeEntity } from "../../src/entities/serialize-entity.ts";

describe("parseEntity", () => {
  it("reads dates, nested relations by their schema type, NaN doubles, and keeps unknown fields", () => {
    const ps = parseEntity("DatasetParameter", {
      id: 3,
      createTime: "2019-03-11T14:14:47.000+01:00",
      numericValue: null,
      dataset: { id: 7, name: "e1", investigation: { id: 2, startDate: "2012-07-26T15:44:24.000Z" } },
      type: { id: 4, valueType: "NUMERIC", permissibleStringValues: [] },
      futureField: { anything: 1 },
    });
    expect(ps.createTime).toEqual(new Date("2019-03-11T13:14:47.000Z"));
    expect(ps.numericValue).toBeNaN();
    expect(ps.dataset?.investigation?.startDate).toEqual(new Date("2012-07-26T15:44:24.000Z"));
    expect(entityTypeOf(ps.dataset?.investigation)).toBe("Investigation");
    expect(entityTypeOf(ps.type)).toBe("ParameterType");
    expect((ps as Record<string, unknown>).futureField).toEqual({ anything: 1 });
  });

  it("says where a value has the wrong type", () => {
    const err = (() => {
      try {
        return parseEntity("Dataset", { id: 1, investigation: { startDate: "2012-07-26T15:44:24Z" } });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect((err as ResponseValidationError).issues[0]).toMatch(/^Dataset\.investigation\.startDate: Badly formatted date/);
    expect(() => parseEntity("Dataset", { complete: "yes" })).toThrow(/Dataset\.complete: expected Boolean/);
    expect(() => parseEntity("Dataset", { datafiles: {} })).toThrow(/expected an array of Datafile/);
    expect(() => parseRows({ not: "an array" })).toThrow(ResponseValidationError);
  });

  it("unwraps only one-key objects naming an entity", () => {
    expect(entityTypeOf(unwrapEntity({ Facility: { id: 1 } }, "x"))).toBe("Facility");
    expect(unwrapEntity({ facility: { id: 1 } }, "x")).toEqual({ facility: { id: 1 } });
    expect(unwrapEntity({ Facility: { id: 1 }, Dataset: { id: 2 } }, "x")).toEqual({ Facility: { id: 1 }, Dataset: { id: 2 } });
    expect(parseRows([null, 3, [1, { Facility: { id: 1 } }]])).toEqual([null, 3, [1, { id: 1 }]]);
  });
});

describe("serializeEntity", () => {
  it("writes dates with milliseconds, references as {id}, new children, and drops server-kept fields", () => {
    const read = parseEntity("Dataset", { id: 9, createId: "db/root", createTime: "2020-01-01T00:00:00.000Z", name: "x", investigation: { id: 2, name: "inv", datasets: [] }, datafiles: [] });
    expect(serializeEntity("Dataset", read, "update")).toEqual({ id: 9, name: "x", investigation: { id: 2 } });
    expect(
      serializeEntity("Dataset", { name: "n", startDate: new Date(Date.UTC(2001, 0, 1, 17, 59)), type: null, datafiles: [{ name: "a", datafileFormat: { id: 4, name: "Text" } }] }, "create"),
    ).toEqual({ name: "n", startDate: "2001-01-01T17:59:00.000Z", type: null, datafiles: [{ name: "a", datafileFormat: { id: 4 } }] });
  });

  it("refuses what ICAT cannot take, naming the field", () => {
    expect(() => serializeEntity("Dataset", { investigation: { name: "x" } }, "create")).toThrow(InvalidArgumentError);
    expect(() => serializeEntity("Dataset", { datafiles: [{ id: 1 }] }, "create")).toThrow(/Dataset\.datafiles\[0\]: has id 1/);
    expect(() => serializeEntity("Dataset", { datafiles: "none" }, "create")).toThrow(/must be an array/);
    expect(() => serializeEntity("Dataset", "x", "create")).toThrow(/must be a Dataset object/);
  });
});
