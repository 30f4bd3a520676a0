// python-icat's searchMatching (client.py): find the object that has the same values in the
// entity's uniqueness constraint as `entity` (icat.server @Table uniqueConstraints; catkit's
// model lists them as `uniqueKey`). Every value goes through the query builder's literals.
import { InvalidArgumentError } from "@catkit/core";
import { entityInfo, type EntityName } from "../model/index.js";
import { eq } from "../query/condition-helpers.js";
import type { JpqlValue } from "../query/jpql-literal.js";
import type { Query } from "../query/index.js";
import { QueryImpl } from "../query/query-impl.js";
import type { CallOptions, IcatContext } from "./icat-context.js";
import { assertedSearch } from "./search.js";

/**
 * Options of searchMatching.
 *
 * @example
 * ```ts
 * await icat.searchMatching("Dataset", { investigation, name: "greetings" }, { include: "1" });
 * ```
 */
export interface MatchOptions extends CallOptions {
  /** Relations to read along (as Query `includes`). */
  include?: "1" | readonly string[] | undefined;
}

/**
 * The query for the object with `entity`'s unique key.
 *
 * @throws {InvalidArgumentError} when the entity has no uniqueness constraint or a key field is not set.
 * @example
 * ```ts
 * String(matchingQuery("Dataset", { investigation: { id: 3 }, name: "greetings" }));
 * // "SELECT o FROM Dataset o JOIN o.investigation AS i WHERE i.id = 3 AND o.name = 'greetings'"
 * ```
 */
export function matchingQuery(type: EntityName, entity: Readonly<Record<string, unknown>>, include?: "1" | readonly string[]): Query<EntityName, unknown> {
  const info = entityInfo[type];
  if (info.uniqueKey.length === 0) {
    throw new InvalidArgumentError(`${type} has no uniqueness constraint: search it by id or by a query instead`, { argument: "entity" });
  }
  const conditions: Record<string, string> = {};
  for (const name of info.uniqueKey) {
    const value = entity[name];
    const field = info.fields[name];
    if (value === undefined || value === null) {
      throw new InvalidArgumentError(`${type}.${name} is not set: it is part of the unique key (${info.uniqueKey.join(", ")})`, { argument: name });
    }
    if (field?.kind === "many-to-one") {
      const id = (value as { id?: unknown }).id;
      if (typeof id !== "number") throw new InvalidArgumentError(`${type}.${name} has no id: the related object must be read from ICAT first`, { argument: name });
      conditions[`${name}.id`] = eq(id);
    } else {
      conditions[name] = eq(value as JpqlValue);
    }
  }
  return new QueryImpl(type, { conditions, includes: include }) as unknown as Query<EntityName, unknown>;
}

/**
 * Searches the one object with `entity`'s unique key (python-icat searchMatching).
 *
 * @throws {IcatSearchAssertionError} when there is no such object.
 * @example
 * ```ts
 * const ds = await searchMatching(ctx, "Dataset", { investigation: inv, name: "greetings" });
 * ```
 */
export async function searchMatching(ctx: IcatContext, type: EntityName, entity: Readonly<Record<string, unknown>>, options: MatchOptions = {}): Promise<unknown> {
  const query = matchingQuery(type, entity, options.include);
  const [found] = await assertedSearch(ctx, query, options);
  return found;
}
