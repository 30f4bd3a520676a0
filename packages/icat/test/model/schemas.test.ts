import { describe, expect, it } from "vitest";
import { entitySchemas, icatDateSchema, typedEntitySchema } from "../../src/model/index.js";

// Real icat.server output, from the expected values in icat.server TestRS.java `TestJsoniseBean`.
const userJson = JSON.parse(
  '[{"User":{"id":8148,"createId":"db/notroot","createTime":"2019-03-11T14:14:47.000Z","modId":"db/notroot",' +
    '"modTime":"2019-03-11T14:14:47.000Z","affiliation":"Unseen University","familyName":"Worblehat",' +
    '"fullName":"Dr. Horace Worblehat","givenName":"Horace","instrumentScientists":[],"investigationUsers":[],' +
    '"name":"db/lib","studies":[],"userGroups":[]}}]',
) as unknown[];

const parameterTypeJson = JSON.parse(
  '{"ParameterType":{"id":5373,"createId":"db/notroot","createTime":"2019-03-11T15:58:33.000Z",' +
    '"modId":"db/notroot","modTime":"2019-03-11T15:58:33.000Z","applicableToDataCollection":false,' +
    '"applicableToDatafile":true,"applicableToDataset":true,"applicableToInvestigation":true,' +
    '"applicableToSample":false,"dataCollectionParameters":[],"datafileParameters":[],"datasetParameters":[],' +
    '"enforced":false,"investigationParameters":[],"minimumNumericValue":73.4,"name":"temp",' +
    '"permissibleStringValues":[],"pid":"pt:25c","sampleParameters":[],"units":"degrees Kelvin",' +
    '"valueType":"NUMERIC","verified":false}}',
) as unknown;

describe("entity schemas", () => {
  it("parse icat.server's User output, turning dates into Date", () => {
    const parsed = typedEntitySchema.parse(userJson[0]);
    expect(parsed.type).toBe("User");
    if (parsed.type !== "User") throw new Error("unreachable");
    expect(parsed.entity.name).toBe("db/lib");
    expect(parsed.entity.createTime).toEqual(new Date("2019-03-11T14:14:47.000Z"));
    expect(parsed.entity.investigationUsers).toEqual([]);
  });

  it("parse numbers, booleans and enums of a ParameterType", () => {
    const { entity } = typedEntitySchema.parse(parameterTypeJson);
    expect(entity).toMatchObject({ minimumNumericValue: 73.4, enforced: false, valueType: "NUMERIC" });
  });

  it("descend into INCLUDEd relations without type wrappers", () => {
    const ds = entitySchemas.Dataset.parse({
      id: 10,
      name: "greetings",
      complete: false,
      investigation: { id: 3, name: "12100409-ST", visitId: "1.1-P", facility: { id: 1, name: "ESNF" } },
      datafiles: [{ id: 12, name: "greet-jdoe.txt", datafileCreateTime: "2023-06-28T14:11:52.000+02:00" }],
    });
    expect(ds.investigation?.facility?.name).toBe("ESNF");
    expect(ds.datafiles?.[0]?.datafileCreateTime).toEqual(new Date("2023-06-28T12:11:52.000Z"));
  });

  it("keep unknown keys as sent (the client's rule too), and report wrong types with their path", () => {
    const ds = entitySchemas.Dataset.parse({ name: "x", futureField: [1], investigation: { id: 1, nmae: "typo" } });
    expect(ds).toMatchObject({ name: "x", futureField: [1], investigation: { id: 1, nmae: "typo" } });
    const result = entitySchemas.Dataset.safeParse({ name: "x", investigation: { id: 1, name: 5 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["investigation", "name"]);
  });

  it("read a Double that ICAT wrote as null (NaN) as NaN", () => {
    expect(entitySchemas.DatasetParameter.parse({ numericValue: null }).numericValue).toBeNaN();
  });

  it("reject badly formatted dates and wrong value types", () => {
    expect(entitySchemas.Dataset.safeParse({ startDate: "2001-01-01T17:59:00Z" }).success).toBe(false);
    expect(entitySchemas.ParameterType.safeParse({ valueType: "NUMBER" }).success).toBe(false);
    expect(entitySchemas.Facility.safeParse({ daysUntilRelease: 1.5 }).success).toBe(false);
    expect(entitySchemas.Dataset.safeParse({ datafiles: {} }).success).toBe(false);
    expect(icatDateSchema.safeParse("yesterday").error?.issues[0]?.message).toMatch(/Badly formatted date/);
  });

  it("reject wrappers that do not name exactly one entity", () => {
    expect(typedEntitySchema.safeParse({ Dataste: {} }).success).toBe(false);
    expect(typedEntitySchema.safeParse({ Dataset: {}, Datafile: {} }).success).toBe(false);
    const nested = typedEntitySchema.safeParse({ Dataset: { name: 5 } });
    expect(nested.error?.issues[0]?.path).toEqual(["Dataset", "name"]);
  });
});
