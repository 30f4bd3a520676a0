// Turns ICAT entity objects into selection ids, as python-icat's DataSelection.extend does for
// Investigation, Dataset, Datafile and DataCollection objects (PI src/icat/ids.py). The entity
// type is read from
//   - the tag @catkit/icat puts on the objects it reads or makes (`icat.new`): an entity name
//     under Symbol.for("catkit.icat.entityType") on the object's prototype. Read here by its
//     global symbol, so that @catkit/ids needs no dependency on @catkit/icat;
//   - an `entityType` property: { entityType: "Dataset", id: 7 }, or
//   - ICAT's REST wrapper:      { Dataset: { id: 7 } } (the shape of GET /icat/entityManager rows).
import { InvalidArgumentError } from "@catkit/core";
import { toObjectId, type IdLike } from "./validation.js";

/**
 * Where an entity's id goes in a selection.
 *
 * @example
 * ```ts
 * const key: SelectionKey = "datasetIds";
 * ```
 */
export type SelectionKey = "investigationIds" | "datasetIds" | "datafileIds";

/** An object with an id, possibly nested in a relation (`{ dataset: { id } }`). */
interface HasId {
  readonly id?: IdLike | null | undefined;
}

/**
 * A DataCollection's links, as ICAT returns them when INCLUDEd.
 *
 * @example
 * ```ts
 * const links: DataCollectionLinks = { dataCollectionDatasets: [{ dataset: { id: 7 } }] };
 * ```
 */
export interface DataCollectionLinks {
  readonly dataCollectionDatasets?: ReadonlyArray<{ readonly dataset?: HasId | null }>;
  readonly dataCollectionDatafiles?: ReadonlyArray<{ readonly datafile?: HasId | null }>;
  readonly dataCollectionInvestigations?: ReadonlyArray<{ readonly investigation?: HasId | null }>;
}

/**
 * An ICAT entity object tagged with its type: `{ entityType: "Dataset", id: 7 }`. For a
 * DataCollection, its INCLUDEd links are read instead of its id.
 *
 * @example
 * ```ts
 * const ref: TaggedEntity = { entityType: "Datafile", id: 12 };
 * ```
 */
export interface TaggedEntity extends HasId, DataCollectionLinks {
  readonly entityType: string;
}

/**
 * ICAT's REST form of an entity: a one-key object whose key is the type, e.g. `{ Dataset: { id: 7 } }`.
 *
 * @example
 * ```ts
 * const row: WrappedEntity = { Investigation: { id: 3, name: "12100409-ST" } };
 * ```
 */
export type WrappedEntity = { readonly [entityType: string]: HasId & DataCollectionLinks };

/**
 * The key under which objects from `@catkit/icat` carry their entity name (on their prototype).
 *
 * @example
 * ```ts
 * const type = (dataset as { [ICAT_ENTITY_TAG]?: string })[ICAT_ENTITY_TAG]; // "Dataset"
 * ```
 */
export const ICAT_ENTITY_TAG: unique symbol = Symbol.for("catkit.icat.entityType") as typeof ICAT_ENTITY_TAG;

/**
 * An object read from ICAT by `@catkit/icat`, or made with `icat.new()`: its type is the tag on
 * its prototype, so the type of the object says only that it has an id (and, for a
 * DataCollection, its links). An untagged object is refused at run time.
 *
 * @example
 * ```ts
 * const [dataset] = await icat.search(new Query("Dataset", { limit: [0, 1] }));
 * const ref: IcatEntityObject = dataset;
 * ```
 */
export interface IcatEntityObject extends HasId, DataCollectionLinks {
  readonly [ICAT_ENTITY_TAG]?: string;
}

/**
 * Anything that names an Investigation, Dataset, Datafile or DataCollection.
 *
 * @example
 * ```ts
 * const refs: EntityLike[] = [{ entityType: "Dataset", id: 7 }, { Datafile: { id: 12 } }];
 * ```
 */
export type EntityLike = TaggedEntity | WrappedEntity | IcatEntityObject;

const KEY_OF: Readonly<Record<string, SelectionKey>> = {
  Investigation: "investigationIds",
  Dataset: "datasetIds",
  Datafile: "datafileIds",
};

function unwrap(entity: EntityLike, where: string): { type: string; body: HasId & DataCollectionLinks } {
  if (typeof entity !== "object" || entity === null) {
    throw new InvalidArgumentError(`${where} must be an ICAT entity object, got ${String(entity)}`, { argument: "selection" });
  }
  const tag: unknown = (entity as IcatEntityObject)[ICAT_ENTITY_TAG];
  if (typeof tag === "string") return { type: tag, body: entity };
  if (typeof (entity as TaggedEntity).entityType === "string") return { type: (entity as TaggedEntity).entityType, body: entity };
  const keys = Object.keys(entity);
  const only = keys.length === 1 ? keys[0] : undefined;
  const body = only === undefined ? undefined : (entity as WrappedEntity)[only];
  if (only === undefined || typeof body !== "object" || body === null) {
    throw new InvalidArgumentError(
      `${where} has no entity type: pass an object read from ICAT by @catkit/icat, { entityType: "Dataset", id } or ICAT's { Dataset: { id } } form (keys seen: ${keys.join(", ") || "none"}; a copy made by spreading loses the type)`,
      { argument: "selection" },
    );
  }
  return { type: only, body };
}

function idOf(body: HasId | null | undefined, where: string): number {
  if (body?.id === undefined || body.id === null) {
    throw new InvalidArgumentError(`${where} has no id: only objects read from ICAT (with their id) can be selected`, { argument: "selection" });
  }
  return toObjectId(body.id, `${where}.id`);
}

/**
 * Calls `add(key, id)` for each id an entity contributes to a selection.
 *
 * @example
 * ```ts
 * collectEntityIds({ entityType: "Dataset", id: 7 }, "selection[0]", (key, id) => ids[key].push(id));
 * ```
 */
export function collectEntityIds(entity: EntityLike, where: string, add: (key: SelectionKey, id: number) => void): void {
  const { type, body } = unwrap(entity, where);
  const key = KEY_OF[type];
  if (key !== undefined) return add(key, idOf(body, where));
  if (type !== "DataCollection") {
    throw new InvalidArgumentError(
      `${where} is a ${type}: a selection takes Investigation, Dataset, Datafile or DataCollection objects`,
      { argument: "selection" },
    );
  }
  // python-icat ids.py: a DataCollection contributes the objects it links (INCLUDE them first).
  body.dataCollectionDatasets?.forEach((l, i) => l.dataset && add("datasetIds", idOf(l.dataset, `${where}.dataCollectionDatasets[${i}].dataset`)));
  body.dataCollectionDatafiles?.forEach((l, i) => l.datafile && add("datafileIds", idOf(l.datafile, `${where}.dataCollectionDatafiles[${i}].datafile`)));
  body.dataCollectionInvestigations?.forEach(
    (l, i) => l.investigation && add("investigationIds", idOf(l.investigation, `${where}.dataCollectionInvestigations[${i}].investigation`)),
  );
}
