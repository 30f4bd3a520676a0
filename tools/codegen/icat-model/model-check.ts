// Checks the model source before anything is generated from it, so that a typo in
// packages/icat/model/ fails the generator with the entity and field named, instead of emitting
// TypeScript that fails to compile (or, worse, compiles).
import type { ModelGroup, SourceEntity, SourceField } from "../../../packages/icat/model/index.ts";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const META = new Set(["id", "createId", "createTime", "modId", "modTime"]);

/**
 * One entity (or abstract interface) of the model with the group (generated interface file) it
 * belongs to and its fields including inherited ones.
 *
 * @example
 * ```ts
 * const e: FlatEntity = { name: "Keyword", group: "investigation", entity: icatModel.investigation.Keyword, fields: icatModel.investigation.Keyword.fields };
 * ```
 */
export interface FlatEntity {
  readonly name: string;
  readonly group: string;
  readonly entity: SourceEntity;
  readonly fields: Readonly<Record<string, SourceField>>;
}

function withInherited(name: string, entity: SourceEntity, seen: ReadonlyMap<string, SourceEntity>): Readonly<Record<string, SourceField>> {
  if (entity.extends === undefined) return entity.fields;
  const base = seen.get(entity.extends);
  if (base?.abstract !== true || base.extends !== undefined) throw new Error(`icat model: ${name} extends '${entity.extends}', which is not an abstract entity without a base`);
  const merged = { ...base.fields, ...entity.fields };
  return Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k] as SourceField]));
}

/**
 * The entity a relation field points at, or `undefined` for an attribute.
 *
 * @example
 * ```ts
 * targetOf({ one: "Facility" }); // "Facility"
 * ```
 */
export function targetOf(field: SourceField): string | undefined {
  return "one" in field ? field.one : "many" in field ? field.many : undefined;
}

/**
 * Flattens the groups into one list (source order) and checks it: names are identifiers and
 * unique, a base is abstract, no field shadows a meta field, every relation targets an entity, every `mappedBy` is a
 * many-to-one field of the target pointing back, every unique-key column is a field.
 *
 * @throws {Error} naming the entity and field at fault.
 * @example
 * ```ts
 * const entities = checkModel(icatModel);
 * ```
 */
export function checkModel(groups: Readonly<Record<string, ModelGroup>>): FlatEntity[] {
  const entities: FlatEntity[] = [];
  const seen = new Map<string, SourceEntity>();
  for (const [group, members] of Object.entries(groups)) {
    if (!/^[a-z]+(?:-[a-z]+)*$/.test(group)) throw new Error(`icat model: group '${group}' is not a kebab-case file name`);
    for (const [name, entity] of Object.entries(members)) {
      if (!IDENTIFIER.test(name) || seen.has(name)) throw new Error(`icat model: entity '${name}' is not a unique identifier`);
      seen.set(name, entity);
    }
  }
  for (const [group, members] of Object.entries(groups)) {
    for (const [name, entity] of Object.entries(members)) entities.push({ name, group, entity, fields: withInherited(name, entity, seen) });
  }
  const fieldsOf = new Map(entities.map((e) => [e.name, e.fields]));
  for (const { name, entity, fields } of entities) {
    const where = (field: string) => `icat model: ${name}.${field}`;
    for (const [fieldName, field] of Object.entries(fields)) {
      if (!IDENTIFIER.test(fieldName) || META.has(fieldName)) throw new Error(`${where(fieldName)}: not an identifier, or a meta field`);
      const target = targetOf(field);
      if (target !== undefined && (seen.get(target) ?? { abstract: true }).abstract === true) throw new Error(`${where(fieldName)}: no (concrete) entity '${target}'`);
      if ("many" in field) {
        const back = fieldsOf.get(field.many)?.[field.mappedBy];
        if (back === undefined || !("one" in back) || back.one !== name) {
          throw new Error(`${where(fieldName)}: mappedBy '${field.mappedBy}' is not a many-to-one field of ${field.many} pointing at ${name}`);
        }
      }
    }
    for (const column of entity.uniqueKey) {
      if (!Object.hasOwn(fields, column)) throw new Error(`${where(column)}: unique-key column is not a field`);
    }
  }
  return entities;
}

/**
 * The entities that are ICAT entities (not abstract interfaces).
 *
 * @example
 * ```ts
 * concrete(checkModel(icatModel)).length; // 53
 * ```
 */
export function concrete(entities: readonly FlatEntity[]): FlatEntity[] {
  return entities.filter((e) => e.entity.abstract !== true);
}
