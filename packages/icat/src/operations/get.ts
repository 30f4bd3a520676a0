// Get one object by id (`GET entityManager?query=<get query>&id=N`, ICATRest.search with id,
// EntityBeanManager.get): the get query is `Name`, `Name INCLUDE 1` or
// `Name var INCLUDE var.path, …` (icat-ids.md §2.5); the answer is one `{"Name":{…}}`.
import { InvalidArgumentError, readJson, ResponseValidationError } from "@catkit/core";
import { entityTypeOf, isEntityName } from "../entities/entity-tag.js";
import { getQueryEntity, unwrapEntity } from "../entities/parse-rows.js";
import type { AnyEntity, EntityName } from "../model/index.js";
import { walkPath } from "../query/attribute-path.js";
import { queryEntityInfo } from "../query/entity-fields.js";
import { QueryError } from "../query/query-error.js";
import { sendIcat, type CallOptions, type IcatContext } from "./icat-context.js";
import { SEARCH_MAX_BYTES } from "./search.js";

/**
 * Options of get.
 *
 * @example
 * ```ts
 * await icat.get("Dataset", 7, { include: ["datafiles.parameters", "type"] });
 * ```
 */
export interface GetOptions<I = "1" | readonly string[]> extends CallOptions {
  /** Relations to read along: `"1"` for every many-to-one relation, or relation paths. */
  include?: I | undefined;
}

/**
 * The get query for an entity and its includes.
 *
 * @throws {QueryError} for a path that is not a relation of the entity.
 * @example
 * ```ts
 * getQuery("Dataset", ["datafiles.parameters", "type"]); // "Dataset o INCLUDE o.datafiles.parameters, o.type"
 * getQuery("Dataset", "1"); // "Dataset INCLUDE 1"
 * ```
 */
export function getQuery(entity: EntityName, include: "1" | readonly string[] | undefined): string {
  if (include === undefined || (Array.isArray(include) && include.length === 0)) return entity;
  if (include === "1") return `${entity} INCLUDE 1`;
  if (!Array.isArray(include)) throw new InvalidArgumentError('include must be "1" or a list of relation paths', { argument: "include" });
  const info = queryEntityInfo(entity);
  for (const path of include as readonly unknown[]) {
    if (typeof path !== "string") throw new InvalidArgumentError("include paths must be strings", { argument: "include" });
    if (walkPath(info, path).at(-1)?.field.kind === "attribute") {
      throw new QueryError("not-a-relation", `Cannot include '${path}' of ${entity}: it is an attribute, not a related object.`);
    }
  }
  return `${entity} o INCLUDE ${(include as readonly string[]).map((p) => `o.${p}`).join(", ")}`;
}

function checkId(id: unknown): number {
  if (typeof id === "number" && Number.isSafeInteger(id) && id > 0) return id;
  throw new InvalidArgumentError(`id must be a positive integer, got ${JSON.stringify(id)}`, { argument: "id" });
}

/**
 * Reads one object by id. `entity` is an entity name, or a whole get query
 * (`"Dataset INCLUDE 1"`, python-icat's `client.get(query, id)`).
 *
 * @example
 * ```ts
 * const df = await get(ctx, "Datafile", 12, { include: ["dataset"] });
 * ```
 */
export async function get(ctx: IcatContext, entity: string, id: number, options: GetOptions = {}): Promise<AnyEntity> {
  const named = isEntityName(entity);
  const type = named ? entity : getQueryEntity(entity);
  if (type === undefined) {
    throw new InvalidArgumentError(`'${entity}' is neither an ICAT entity name nor a get query starting with one`, { argument: "entity" });
  }
  if (!named && options.include !== undefined) {
    throw new InvalidArgumentError("include cannot be combined with a whole get query; put the INCLUDE in the query", { argument: "include" });
  }
  const text = named ? getQuery(type, options.include) : entity;
  const res = await sendIcat(ctx, {
    method: "GET",
    path: "entityManager",
    query: { query: text, id: checkId(id) },
    operation: "icat.get",
    signal: options.signal,
  });
  const parsed = unwrapEntity(await readJson(res, undefined, { maxBytes: SEARCH_MAX_BYTES }), "get");
  if (entityTypeOf(parsed) !== type) {
    throw new ResponseValidationError(`ICAT answered a get of ${type} ${id} with something else`, { issues: [`(root): expected {"${type}":{…}}`] });
  }
  return parsed as AnyEntity;
}
