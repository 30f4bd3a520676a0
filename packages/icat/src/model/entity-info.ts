import { ENTITY_NAMES, type EntityName } from "./entity-names.js";
import type { EntityInfo } from "./field-info.js";
import { dataCollectionInfos } from "./info/data-collection.js";
import { dataPublicationInfos } from "./info/data-publication.js";
import { datasetInfos } from "./info/dataset.js";
import { facilityInfos } from "./info/facility.js";
import { investigationInfos } from "./info/investigation.js";
import { parametersInfos } from "./info/parameters.js";
import { studyFundingInfos } from "./info/study-funding.js";
import { usersInfos } from "./info/users.js";
import { UnknownEntityError } from "./unknown-entity-error.js";

/**
 * The ICAT 6.2 schema: the {@link EntityInfo} of every entity, keyed by entity name.
 *
 * @example
 * ```ts
 * entityInfo.Datafile.fields.dataset; // { kind: "many-to-one", target: "Dataset", required: true, … }
 * ```
 */
export const entityInfo: Readonly<Record<EntityName, EntityInfo>> = Object.freeze({
  ...usersInfos,
  ...facilityInfos,
  ...parametersInfos,
  ...investigationInfos,
  ...studyFundingInfos,
  ...datasetInfos,
  ...dataCollectionInfos,
  ...dataPublicationInfos,
});

const byLowerName = new Map<string, EntityName>(ENTITY_NAMES.map((n) => [n.toLowerCase(), n]));

/**
 * Returns the canonical spelling of an entity name, matched case-insensitively (as python-icat's
 * `client.new()` does), or `undefined` when there is no such entity.
 *
 * @example
 * ```ts
 * findEntityName("datafile"); // "Datafile"
 * ```
 */
export function findEntityName(name: string): EntityName | undefined {
  return byLowerName.get(name.toLowerCase());
}

/**
 * Looks up the schema of an entity by name, case-insensitively.
 *
 * @throws {@link UnknownEntityError} when `name` is not an ICAT entity.
 * @example
 * ```ts
 * getEntityInfo("investigationUser").uniqueKey; // ["user", "investigation", "role"]
 * ```
 */
export function getEntityInfo(name: string): EntityInfo {
  const canonical = findEntityName(name);
  if (canonical === undefined) {
    throw new UnknownEntityError(name);
  }
  return entityInfo[canonical];
}
