import { describe, expect, it } from "vitest";
import {
  ENTITY_NAMES,
  UnknownEntityError,
  entityInfo,
  findEntityName,
  getEntityInfo,
  type EntityName,
  type FieldInfo,
} from "../../src/model/index.js";

const all = ENTITY_NAMES.map((n) => entityInfo[n]);
const fieldsOf = (n: EntityName): FieldInfo[] => Object.values(entityInfo[n].fields);

describe("entity metadata", () => {
  it("lists the 53 concrete entities of icat.server 6.2, alphabetically", () => {
    expect(ENTITY_NAMES).toHaveLength(53);
    expect([...ENTITY_NAMES].sort()).toEqual([...ENTITY_NAMES]);
    expect(Object.keys(entityInfo).sort()).toEqual([...ENTITY_NAMES]);
    for (const n of ENTITY_NAMES) expect(entityInfo[n].name).toBe(n);
    expect(ENTITY_NAMES).not.toContain("Parameter");
    expect(ENTITY_NAMES).not.toContain("Session");
  });

  it("names every field after its key and keeps meta fields out of `fields`", () => {
    for (const info of all) {
      for (const [key, field] of Object.entries(info.fields)) expect(field.name).toBe(key);
      for (const meta of ["id", "createId", "createTime", "modId", "modTime"]) {
        expect(info.fields[meta]).toBeUndefined();
      }
    }
  });

  it("points every relation at an existing entity", () => {
    for (const info of all) {
      for (const f of Object.values(info.fields)) {
        if (f.kind !== "attribute") expect(ENTITY_NAMES).toContain(f.target);
      }
    }
  });

  it("has a many-to-one back-reference for every one-to-many", () => {
    for (const info of all) {
      for (const f of Object.values(info.fields)) {
        if (f.kind !== "one-to-many") continue;
        const back = entityInfo[f.target].fields[f.mappedBy];
        expect(back, `${info.name}.${f.name} → ${f.target}.${f.mappedBy}`).toMatchObject({
          kind: "many-to-one",
          target: info.name,
        });
      }
    }
  });

  it("has a one-to-many for every many-to-one, so deletes can cascade", () => {
    for (const info of all) {
      for (const f of Object.values(info.fields)) {
        if (f.kind !== "many-to-one") continue;
        const inverse = fieldsOf(f.target).filter(
          (g) => g.kind === "one-to-many" && g.target === info.name && g.mappedBy === f.name,
        );
        expect(inverse, `${info.name}.${f.name}`).toHaveLength(1);
      }
    }
  });

  it("builds unique keys from real NOT NULL fields", () => {
    for (const info of all) {
      for (const key of info.uniqueKey) {
        const field = info.fields[key];
        expect(field, `${info.name}.${key}`).toBeDefined();
        expect(field?.kind).not.toBe("one-to-many");
        expect(field && "required" in field && field.required).toBe(true);
      }
    }
  });

  it("matches facts read in icat.server's entity classes", () => {
    expect(entityInfo.Investigation.uniqueKey).toEqual(["facility", "name", "visitId"]);
    expect(entityInfo.InvestigationType.uniqueKey).toEqual(["name", "facility"]);
    expect(entityInfo.Keyword.uniqueKey).toEqual(["name", "investigation"]);
    expect(entityInfo.DatafileParameter.uniqueKey).toEqual(["datafile", "type"]);
    expect(entityInfo.Rule.uniqueKey).toEqual([]);
    expect(entityInfo.Dataset.fields.complete).toMatchObject({ type: "Boolean", required: true });
    expect(entityInfo.ParameterType.fields.enforced).toMatchObject({ type: "Boolean", required: false });
    expect(entityInfo.ParameterType.fields.valueType).toMatchObject({ type: "ParameterValueType" });
    expect(entityInfo.Study.fields.status).toMatchObject({ type: "StudyStatus", required: false });
    expect(entityInfo.Facility.fields.daysUntilRelease).toMatchObject({ type: "Integer" });
    expect(entityInfo.Datafile.fields.fileSize).toMatchObject({ type: "Long" });
    expect(entityInfo.DataPublicationDate.fields.date).toMatchObject({ type: "String", required: true });
    expect(entityInfo.Dataset.fields.sample).toMatchObject({ kind: "many-to-one", required: false });
    expect(entityInfo.Affiliation.fields.user).toMatchObject({ target: "DataPublicationUser" });
    expect(entityInfo.DataCollection.fields.jobsAsInput).toMatchObject({
      target: "Job",
      mappedBy: "inputDataCollection",
    });
    expect(Object.keys(entityInfo.Rule.fields)).toEqual(["crudFlags", "grouping", "what"]);
  });

  it("gives the parameter entities the fields of the abstract Parameter", () => {
    const shared = ["dateTimeValue", "error", "numericValue", "rangeBottom", "rangeTop", "stringValue", "type"];
    for (const n of ENTITY_NAMES.filter((e) => e.endsWith("Parameter"))) {
      expect(Object.keys(entityInfo[n].fields)).toEqual(expect.arrayContaining(shared));
    }
  });

  it("looks entities up case-insensitively and rejects unknown names", () => {
    expect(getEntityInfo("datafile").name).toBe("Datafile");
    expect(getEntityInfo("INVESTIGATIONUSER").uniqueKey).toEqual(["user", "investigation", "role"]);
    expect(findEntityName("dataSET")).toBe("Dataset");
    expect(findEntityName("Parameter")).toBeUndefined();
    expect(() => getEntityInfo("Dataste")).toThrow(UnknownEntityError);
    expect(() => getEntityInfo("Dataste")).toThrow("Dataste is not an ICAT entity");
  });

  it("is frozen", () => {
    expect(Object.isFrozen(entityInfo)).toBe(true);
    expect(Object.isFrozen(entityInfo.Dataset.fields)).toBe(true);
    expect(Object.isFrozen(entityInfo.Dataset.uniqueKey)).toBe(true);
  });
});
