// One page of an ICAT search, as the caller: LIMIT offset, limit+1 tells whether more follow.
import { eq, Query, type ConditionValue, type EntityMap, type EntityName, type IcatClient } from "@catkit/icat";

/**
 * Searches one page.
 *
 * @example
 * ```ts
 * const page = await pagedSearch(icat, "Dataset", { "investigation.id": eq(1) }, ["type"], 0, 100);
 * ```
 */
export async function pagedSearch<E extends EntityName>(
  icat: IcatClient, entity: E, conditions: Record<string, ConditionValue>, includes: readonly string[], offset: number, limit: number,
): Promise<{ rows: EntityMap[E][]; hasMore: boolean }> {
  // Every entity has an id; the builder's path typing cannot see that through a generic E.
  const rows = await icat.search(new Query(entity, { conditions, includes, order: ["id"] as never, limit: [offset, limit + 1] }));
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/**
 * Fetches one entity by id with includes, or undefined.
 *
 * @example
 * ```ts
 * const ds = await getById(icat, "Dataset", 12, ["parameters.type"]);
 * ```
 */
export async function getById<E extends EntityName>(icat: IcatClient, entity: E, id: number, includes: readonly string[]): Promise<EntityMap[E] | undefined> {
  const [row] = await icat.search(new Query(entity, { conditions: { id: eq(id) } as never, includes }));
  return row;
}
