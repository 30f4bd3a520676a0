// The shapes the write calls take. Reading and writing use the same entity interfaces (every field
// optional); an update may also set a field to `null` to clear it (EntityBeanManager.parseEntity:
// JSON null sets the field to null).
import { InvalidArgumentError } from "@catkit/core";
import type { EntityMap, EntityName } from "../model/index.js";
import { entityTypeOf, isEntityName } from "./entity-tag.js";

/**
 * An update of an entity of type `E`: its `id` plus the fields to change; `null` clears a field.
 *
 * @example
 * ```ts
 * const change: EntityUpdate<"Dataset"> = { id: 7, complete: true, description: null };
 * ```
 */
export type EntityUpdate<E extends EntityName> = { readonly id: number } & { [K in keyof EntityMap[E]]?: EntityMap[E][K] | null };

/**
 * A reference to one entity by type and id (the shape `@catkit/ids` also takes in selections).
 *
 * @example
 * ```ts
 * await icat.delete({ entityType: "Dataset", id: 7 });
 * ```
 */
export interface EntityRef<E extends EntityName = EntityName> {
  readonly entityType: E;
  readonly id: number;
}

/**
 * The entity name of an argument that must carry one: a tagged object (read from ICAT or made
 * with `icat.new()`) or an {@link EntityRef}.
 *
 * @throws {InvalidArgumentError} when the type cannot be told.
 * @example
 * ```ts
 * requireEntityType(icat.new("Dataset", { name: "x" }), "entity"); // "Dataset"
 * ```
 */
export function requireEntityType(value: unknown, argument: string): EntityName {
  const tagged = entityTypeOf(value);
  if (tagged !== undefined) return tagged;
  const named = typeof value === "object" && value !== null ? (value as { entityType?: unknown }).entityType : undefined;
  if (typeof named === "string" && isEntityName(named)) return named;
  throw new InvalidArgumentError(
    `${argument} has no entity type: pass the type name first (e.g. create("Dataset", {…})), an object read from ICAT, one made with icat.new(), or { entityType, id }`,
    { argument },
  );
}
