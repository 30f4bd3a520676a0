// Search (`GET entityManager?query=…`, ICATRest.search) for the JPQL-style and the concise
// syntax, python-icat's assertedSearch, and the search by uniqueness constraint (searchMatching).
import { InvalidArgumentError, readJson } from "@catkit/core";
import { parseRows, queryColumns } from "../entities/parse-rows.js";
import { IcatSearchAssertionError } from "../errors/search-assertion-error.js";
import type { EntityName } from "../model/index.js";
import type { Query } from "../query/index.js";
import { QueryImpl } from "../query/query-impl.js";
import { sendIcat, type CallOptions, type IcatContext } from "./icat-context.js";

/**
 * A search answer may be as large as maxEntities objects with their INCLUDEs.
 *
 * @example
 * ```ts
 * await readJson(res, undefined, { maxBytes: SEARCH_MAX_BYTES });
 * ```
 */
export const SEARCH_MAX_BYTES = 256 * 1024 * 1024;

/**
 * A query object or text.
 *
 * @example
 * ```ts
 * const queries: SearchQuery[] = [new Query("Dataset"), "SELECT d FROM Dataset d", "Dataset [complete = True]"];
 * ```
 */
export type SearchQuery = Query<EntityName, unknown> | string;

/**
 * True for a query made with `new Query(…)`.
 *
 * @example
 * ```ts
 * isQuery(new Query("Dataset")); // true
 * ```
 */
export function isQuery(value: unknown): value is Query<EntityName, unknown> {
  return value instanceof QueryImpl;
}

/**
 * The text ICAT gets for a query (checked to be a non-empty string).
 *
 * @example
 * ```ts
 * queryText(new Query("Facility")); // "SELECT o FROM Facility o"
 * ```
 */
export function queryText(query: SearchQuery): string {
  if (isQuery(query)) return String(query);
  if (typeof query !== "string" || query.trim() === "") {
    throw new InvalidArgumentError("query must be a Query or a non-empty query string", { argument: "query" });
  }
  return query;
}

/**
 * Sends a search text and parses the rows; `query` (when a Query) tells how to read the columns.
 *
 * @example
 * ```ts
 * const rows = await searchText(ctx, "SELECT ds.name FROM Dataset ds");
 * ```
 */
export async function searchText(ctx: IcatContext, text: string, query: SearchQuery | undefined, options: CallOptions = {}): Promise<unknown[]> {
  const res = await sendIcat(ctx, { method: "GET", path: "entityManager", query: { query: text }, operation: "icat.search", signal: options.signal });
  const json = await readJson(res, undefined, { maxBytes: SEARCH_MAX_BYTES });
  return parseRows(json, query !== undefined && isQuery(query) ? queryColumns(query) : undefined);
}

/**
 * Searches with a Query or a query string (JPQL-style or concise).
 *
 * @example
 * ```ts
 * const datasets = await search(ctx, new Query("Dataset", { conditions: { name: eq("greetings") } }));
 * ```
 */
export function search(ctx: IcatContext, query: SearchQuery, options: CallOptions = {}): Promise<unknown[]> {
  return searchText(ctx, queryText(query), query, options);
}

/**
 * The asserted range of {@link assertedSearch}: default exactly one result.
 *
 * @example
 * ```ts
 * await icat.assertedSearch(query, { min: 1, max: null }); // at least one
 * ```
 */
export interface AssertOptions extends CallOptions {
  /** Fewest results allowed (default 1). */
  min?: number;
  /** Most results allowed (default 1); `Infinity` (or `null`) for no upper bound. */
  max?: number | null;
}

/**
 * The default of {@link assertedSearch}: exactly one result (the search then returns a one-element tuple).
 *
 * @example
 * ```ts
 * const [investigation] = await icat.assertedSearch(query, { signal }); // Investigation, not `| undefined`
 * ```
 */
export type ExactlyOne = CallOptions & { min?: 1; max?: 1 };

/**
 * Searches and checks the number of results (python-icat assertedSearch).
 *
 * @throws {IcatSearchAssertionError} when the count is outside [min, max].
 * @example
 * ```ts
 * const [investigation] = await assertedSearch(ctx, new Query("Investigation", { conditions: { name: eq("12100409-ST") } }));
 * ```
 */
export async function assertedSearch(ctx: IcatContext, query: SearchQuery, options: AssertOptions = {}): Promise<unknown[]> {
  const min = options.min ?? 1;
  const max = options.max === null ? Number.POSITIVE_INFINITY : (options.max ?? 1);
  if (!Number.isInteger(min) || min < 0 || !(Number.isInteger(max) || max === Number.POSITIVE_INFINITY) || min > max) {
    throw new InvalidArgumentError(`assertedSearch needs 0 <= min <= max (integers), got min ${min}, max ${max}`, { argument: "min" });
  }
  const rows = await search(ctx, query, options);
  if (rows.length < min || rows.length > max) {
    throw new IcatSearchAssertionError(queryText(query), min, Number.isFinite(max) ? max : undefined, rows.length);
  }
  return rows;
}
