// Lookups over the generated ICAT 6.2 metadata (generated/entity-info.ts, from packages/icat/model/).
import { entityInfo } from "./generated/entity-info.js";
import { ENTITY_NAMES, type EntityName } from "./generated/entity-names.js";
import type { EntityInfo } from "./field-info.js";
import { UnknownEntityError } from "./unknown-entity-error.js";

export { entityInfo };

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
