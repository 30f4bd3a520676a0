// Precomputed relation lookups derived from the entity model, shared by the store and evaluator.
import { ENTITY_NAMES, entityInfo, type EntityName, type ManyToOneInfo, type OneToManyInfo } from "../../../model/index.js";

const manyToOnes = new Map<EntityName, ManyToOneInfo[]>();
const oneToManys = new Map<EntityName, OneToManyInfo[]>();
for (const name of ENTITY_NAMES) {
  const fields = Object.values(entityInfo[name].fields);
  manyToOnes.set(name, fields.filter((f): f is ManyToOneInfo => f.kind === "many-to-one"));
  oneToManys.set(name, fields.filter((f): f is OneToManyInfo => f.kind === "one-to-many"));
}

/**
 * The many-to-one fields of an entity, in field-name order.
 *
 * @example
 * ```ts
 * manyToOneFields("Dataset").map((f) => f.name); // ["investigation", "sample", "type"]
 * ```
 */
export function manyToOneFields(entity: EntityName): readonly ManyToOneInfo[] {
  return manyToOnes.get(entity) ?? [];
}

/**
 * The one-to-many fields of an entity, in field-name order.
 *
 * @example
 * ```ts
 * oneToManyFields("Datafile").map((f) => f.name); // ["dataCollectionDatafiles", "destDatafiles", …]
 * ```
 */
export function oneToManyFields(entity: EntityName): readonly OneToManyInfo[] {
  return oneToManys.get(entity) ?? [];
}

/**
 * The key under which the store indexes the children of a many-to-one field.
 *
 * @example
 * ```ts
 * childIndexKey("Datafile", "dataset"); // "Datafile.dataset"
 * ```
 */
export function childIndexKey(childEntity: EntityName, mappedBy: string): string {
  return `${childEntity}.${mappedBy}`;
}
