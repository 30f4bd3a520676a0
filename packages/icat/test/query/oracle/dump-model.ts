// Writes the catkit ICAT 6.2 model as the entity info python-icat's getTypeMap expects (fields with
// relType ATTRIBUTE/ONE/MANY, type, notNullable; the uniqueness constraint), for generate.py.
// Like icat.server's getEntityInfo, the field list includes id and the four meta fields.
import { META_FIELD_TYPES, entityInfo } from "../../../src/model/index.js";

const out: Record<string, unknown> = {};
for (const [name, info] of Object.entries(entityInfo)) {
  const fields: unknown[] = Object.entries(META_FIELD_TYPES).map(([field, type]) => ({
    name: field,
    relType: "ATTRIBUTE",
    type,
    notNullable: false,
  }));
  for (const f of Object.values(info.fields)) {
    if (f.kind === "attribute") fields.push({ name: f.name, relType: "ATTRIBUTE", type: f.type, notNullable: f.required });
    else if (f.kind === "many-to-one") fields.push({ name: f.name, relType: "ONE", type: f.target, notNullable: f.required });
    else fields.push({ name: f.name, relType: "MANY", type: f.target, notNullable: false });
  }
  out[name] = { fields, constraint: info.uniqueKey };
}
console.log(JSON.stringify(out));
