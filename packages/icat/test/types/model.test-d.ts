import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import {
  entityInfo,
  getEntityInfo,
  type AttributeType,
  type Dataset,
  type Datafile,
  type EntityInfo,
  type EntitySchemas,
  type EntityMap,
  type EntityName,
  type FieldInfo,
  type Investigation,
  type ParameterType,
  type ParameterValueType,
  type Study,
} from "../../src/model/index.js";

describe("model types", () => {
  it("maps entity names to interfaces", () => {
    expectTypeOf<EntityMap["Dataset"]>().toEqualTypeOf<Dataset>();
    expectTypeOf<"Dataset">().toExtend<EntityName>();
    // @ts-expect-error Parameter is abstract, not an entity
    const bad: EntityName = "Parameter";
    void bad;
  });

  it("types attributes, relations and collections", () => {
    expectTypeOf<Dataset["complete"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Dataset["startDate"]>().toEqualTypeOf<Date | undefined>();
    expectTypeOf<Dataset["investigation"]>().toEqualTypeOf<Investigation | undefined>();
    expectTypeOf<Dataset["datafiles"]>().toEqualTypeOf<Datafile[] | undefined>();
    expectTypeOf<Datafile["fileSize"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ParameterType["valueType"]>().toEqualTypeOf<ParameterValueType | undefined>();
    expectTypeOf<Study["status"]>().toEqualTypeOf<"NEW" | "IN_PROGRESS" | "COMPLETE" | "CANCELLED" | undefined>();
    const ds: Dataset = { id: 1, name: "x", investigation: { id: 2 } };
    // @ts-expect-error dates are Date objects, not strings
    const wrong: Dataset = { startDate: "2001-01-01T00:00:00.000Z" };
    // @ts-expect-error no such field
    const typo: Dataset = { nmae: "x" };
    void [ds, wrong, typo];
  });

  it("types the metadata", () => {
    expectTypeOf(entityInfo).toEqualTypeOf<Readonly<Record<EntityName, EntityInfo>>>();
    expectTypeOf(getEntityInfo).returns.toEqualTypeOf<EntityInfo>();
    expectTypeOf<Extract<FieldInfo, { kind: "attribute" }>["type"]>().toEqualTypeOf<AttributeType>();
    expectTypeOf<Extract<FieldInfo, { kind: "many-to-one" }>["target"]>().toEqualTypeOf<EntityName>();
  });

  it("types schema output as the entity interface", () => {
    expectTypeOf<z.output<EntitySchemas["Datafile"]>>().toEqualTypeOf<Datafile>();
  });
});
