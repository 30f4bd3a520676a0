// Emits the client's row readers (packages/icat/src/entities/generated/entity-readers.ts): one
// plain function per entity that copies ICAT's JSON into an instance of the entity's class with
// named property loads and stores (`v = r.name; … t.name = v`), which V8 caches per object
// shape: paging reads hundreds of thousands of objects. ICAT leaves null fields out
// (ICATRest.jsonise); one that comes anyway is left out too, except a Double, whose NaN ICAT
// writes as null. Every known field present is counted, so that an object with more keys than
// counted is known to carry fields of a newer ICAT, which are copied as they are.
import { docBlock, generatedHeader } from "./emit-common.ts";
import type { FlatEntity } from "./model-check.ts";
import type { SourceField } from "../../../packages/icat/model/index.ts";

const META: readonly (readonly [string, SourceField])[] = [
  ["id", { type: "Long" }],
  ["createId", { type: "String" }],
  ["createTime", { type: "Date" }],
  ["modId", { type: "String" }],
  ["modTime", { type: "Date" }],
];

const CHECKS: Readonly<Record<string, string>> = {
  String: 'typeof v !== "string"',
  Integer: 'typeof v !== "number" || !Number.isInteger(v)',
  Long: 'typeof v !== "number" || !Number.isInteger(v)',
  Boolean: 'typeof v !== "boolean"',
  ParameterValueType: "!isParameterValueType(v)",
  StudyStatus: "!isStudyStatus(v)",
};

function fieldCode(name: string, field: SourceField): string {
  const load = `  v = r.${name};\n  if (v !== undefined) {\n    n++;\n`;
  if ("type" in field && field.type === "Double") {
    return `${load}    if (v === null) t.${name} = NaN;\n    else if (typeof v === "number") t.${name} = v;\n    else bad("${name}", "Double", v);\n  }\n`;
  }
  let store: string;
  if ("one" in field) store = `t.${name} = readOne(read${field.one}, v, "${name}", d);`;
  else if ("many" in field) store = `if (!Array.isArray(v)) bad("${name}", "an array of ${field.many}", v);\n      t.${name} = v.length === 0 ? [] : readMany(read${field.many}, v, "${name}", d);`;
  else if (field.type === "Date") store = `if (typeof v !== "string") bad("${name}", "an ICAT date string", v);\n      t.${name} = d.read(v) ?? badDate("${name}", v);`;
  else store = `if (${CHECKS[field.type] ?? "true"}) bad("${name}", "${field.type}", v);\n      t.${name} = v;`;
  return `${load}    if (v !== null) {\n      ${store}\n    }\n  }\n`;
}

function reader(name: string, fields: readonly (readonly [string, SourceField])[]): string {
  return (
    `function read${name}(o: unknown, d: WireDateReader): EntityMap["${name}"] {\n` +
    `  if (typeof o !== "object" || o === null || Array.isArray(o)) bad("", "a ${name} object", o);\n` +
    `  const r = o as Record<string, unknown>;\n  const t = new ${name}Entity();\n  let n = 0;\n  let v: unknown;\n` +
    fields.map(([f, field]) => fieldCode(f, field)).join("") +
    `  let keys = 0;\n  for (const _ in r) keys++;\n  if (keys !== n) copyUnknown(r, t, ${name}Known);\n  return t;\n}\n`
  );
}

/**
 * `entity-readers.ts`: one reader per entity and the `entityReaders` map.
 *
 * @example
 * ```ts
 * const text = emitReaders(checkModel(icatModel));
 * ```
 */
export function emitReaders(entities: readonly FlatEntity[]): string {
  const sorted = [...entities].sort((a, b) => (a.name < b.name ? -1 : 1));
  const consts = sorted.map(({ name, fields }) => {
    const known = [...META.map(([f]) => f), ...Object.keys(fields)].map((f) => `"${f}"`).join(", ");
    return `const ${name}Entity = entityClass("${name}");\nconst ${name}Known: ReadonlySet<string> = new Set([${known}]);\n`;
  });
  const readers = sorted.map(({ name, fields }) => reader(name, [...META, ...Object.entries(fields)]));
  return (
    generatedHeader("the client's row readers of the ICAT 6.2 entities") +
    'import type { EntityMap, EntityName } from "../../model/index.js";\n' +
    'import { entityClass } from "../entity-tag.js";\n' +
    'import { bad, badDate, copyUnknown, isParameterValueType, isStudyStatus, readMany, readOne, type EntityReader } from "../read-helpers.js";\n' +
    'import type { WireDateReader } from "../wire-date.js";\n\n' +
    consts.join("") +
    "\n" +
    readers.join("\n") +
    "\n" +
    docBlock(
      "The reader of each entity type: it checks the known fields' JSON types, turns dates into Date (through the given per-answer WireDateReader), reads relations by their target type and keeps unknown fields as sent.",
      'const ds = entityReaders.Dataset({ id: 7, createTime: "2023-06-28T12:00:00.000Z" }, new WireDateReader());',
    ) +
    `export const entityReaders: { readonly [K in EntityName]: EntityReader<K> } = Object.freeze({\n${sorted.map((e) => `  ${e.name}: read${e.name},\n`).join("")}});\n`
  );
}
