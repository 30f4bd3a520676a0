// The public entitySchemas and the client's generated row readers come from one model source
// and must read ICAT's JSON alike, in particular keys the model does not know: both keep them
// as sent (the documented rule, README "Entity model").
import { describe, expect, it } from "vitest";
import { ENTITY_NAMES, entityInfo, entitySchemas, type EntityName } from "../../src/model/index.js";
import { parseEntity } from "../../src/entities/parse-entity.js";
import { parseRows } from "../../src/entities/parse-rows.js";

const SAMPLES: Record<string, unknown> = {
  String: "text",
  Integer: 3,
  Long: 42,
  Double: 2.5,
  Boolean: true,
  Date: "2023-06-28T14:14:26.000+02:00",
  ParameterValueType: "NUMERIC",
  StudyStatus: "IN_PROGRESS",
};

// Every field of `type` set, relations one level deep (their own attributes only).
function sample(type: EntityName, depth = 0): Record<string, unknown> {
  const json: Record<string, unknown> = { id: 7, createId: "db/root", createTime: "2019-03-11T14:14:47.000Z", modId: "db/root", modTime: "2019-03-11T14:14:47.000Z" };
  for (const field of Object.values(entityInfo[type].fields)) {
    if (field.kind === "attribute") json[field.name] = SAMPLES[field.type];
    else if (depth === 0) json[field.name] = field.kind === "many-to-one" ? sample(field.target, 1) : [sample(field.target, 1)];
  }
  return json;
}

// What a reader gives, as plain data (the readers' objects are instances of entity classes).
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("entitySchemas and the client's readers", () => {
  it.each(ENTITY_NAMES)("read every field of %s alike", (type) => {
    const json = sample(type);
    expect(plain(parseEntity(type, structuredClone(json)))).toEqual(plain(entitySchemas[type].parse(structuredClone(json))));
  });

  it.each(ENTITY_NAMES)("keep unknown keys of %s (and of its relations) as sent", (type) => {
    const json = { ...sample(type), futureField: { anything: [1, "two"] }, futureDate: "2023-01-01T00:00:00.000Z" };
    const fromReader = parseEntity(type, structuredClone(json)) as Record<string, unknown>;
    const fromSchema = entitySchemas[type].parse(structuredClone(json)) as Record<string, unknown>;
    for (const read of [fromReader, fromSchema]) {
      expect(read.futureField).toEqual({ anything: [1, "two"] });
      expect(read.futureDate).toBe("2023-01-01T00:00:00.000Z");
    }
  });

  it("keep unknown keys in nested relations and in search rows", () => {
    const json = { id: 1, investigation: { id: 2, newerField: 5 } };
    expect(parseEntity("Dataset", structuredClone(json)).investigation).toMatchObject({ newerField: 5 });
    expect(entitySchemas.Dataset.parse(structuredClone(json)).investigation).toMatchObject({ newerField: 5 });
    const [row] = parseRows([{ Dataset: structuredClone(json) }], ["entity"]);
    expect((row as { investigation: unknown }).investigation).toMatchObject({ newerField: 5 });
  });

  it("reject a known field of the wrong type alike", () => {
    for (const [type, json] of [["Dataset", { complete: "yes" }], ["ParameterType", { valueType: "NUMBER" }], ["Facility", { daysUntilRelease: 1.5 }], ["Dataset", { datafiles: {} }], ["Dataset", { startDate: "2001-01-01T17:59:00Z" }]] as const) {
      expect(entitySchemas[type].safeParse(json).success, `${type} ${JSON.stringify(json)}`).toBe(false);
      expect(() => parseEntity(type, json), `${type} ${JSON.stringify(json)}`).toThrow();
    }
  });
});
