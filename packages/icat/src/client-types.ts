// Compile-time checks of the options of get and searchMatching: include paths must be relations of
// the entity, at any depth, with the reason in the error message (as for Query options).
import type { EntityMap, EntityName } from "./model/index.js";
import type { CheckIncludes } from "./query/option-checks.js";
import type { GetOptions } from "./operations/get.js";

/**
 * Checks the options of `icat.get(entity, id, options)`: each include path must be a relation.
 *
 * @example
 * ```ts
 * type Bad = CheckGetOptions<"Dataset", { include: ["name"] }>; // include: ["✗ 'name' is an attribute, not a related object"]
 * ```
 */
export type CheckGetOptions<E extends EntityName, O> = {
  [K in keyof O]: K extends "include" ? CheckIncludes<EntityMap[E], O[K]> : K extends keyof GetOptions ? O[K] : never;
};
