import type { EntityName } from "../../../model/index.js";
import type { Row } from "../store/row.js";
import type { StoreView } from "../store/store-view.js";

/**
 * Which rows of an entity a user may read: all of them, none (a search then returns icat.server's
 * "no authorization" result: `[]`, or `[0]` for COUNT), or those a predicate accepts.
 *
 * @example
 * ```ts
 * const scope: ReadScope = (row) => row.createId === "db/jdoe";
 * ```
 */
export type ReadScope = "all" | "none" | ((row: Row) => boolean);

/**
 * A write access icat.server checks (GateKeeper.java `AccessType` minus READ).
 *
 * @example
 * ```ts
 * const access: WriteAccess = "CREATE";
 * ```
 */
export type WriteAccess = "CREATE" | "UPDATE" | "DELETE";

/**
 * The authorization rules of the sandbox, in place of icat.server's Rule/Grouping tables.
 * `readScope` is asked once per entity type per call; `mayWrite` per object, at the moments
 * icat.server checks: CREATE after the object is built, UPDATE before it changes, DELETE for the
 * object and every object deleted in cascade.
 *
 * @example
 * ```ts
 * const everyone: AuthorizationPolicy = { readScope: () => "all", mayWrite: () => true };
 * ```
 */
export interface AuthorizationPolicy {
  readScope(user: string, entity: EntityName, store: StoreView): ReadScope;
  mayWrite(user: string, access: WriteAccess, row: Row, store: StoreView): boolean;
}

/**
 * Checks whether `user` may read `row`.
 *
 * @example
 * ```ts
 * mayRead(policy, "db/jdoe", row, store); // true or false
 * ```
 */
export function mayRead(policy: AuthorizationPolicy, user: string, row: Row, store: StoreView): boolean {
  const scope = policy.readScope(user, row.entity, store);
  return scope === "all" || (scope !== "none" && scope(row));
}

/**
 * A read check that asks the policy for each entity's scope only once.
 *
 * @example
 * ```ts
 * const canRead = cachedReadCheck(policy, user, store);
 * rows.filter(canRead);
 * ```
 */
export function cachedReadCheck(policy: AuthorizationPolicy, user: string, store: StoreView): (row: Row) => boolean {
  const scopes = new Map<EntityName, ReadScope>();
  return (row) => {
    let scope = scopes.get(row.entity);
    if (scope === undefined) scopes.set(row.entity, (scope = policy.readScope(user, row.entity, store)));
    return scope === "all" || (scope !== "none" && scope(row));
  };
}
