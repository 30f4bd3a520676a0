// A search over a long list of values (ids, names) in slices. ICATRest takes a search's query as
// a URL parameter (GET entityManager?query=…), so one search with an IN list of 100,000 ids is
// refused before ICAT sees it (431/414 from the container or a proxy). Each slice is one search;
// results are concatenated in slice order.
import { InvalidArgumentError } from "@catkit/core";
import type { EntityName } from "../model/index.js";
import type { Query } from "../query/index.js";
import type { CallOptions } from "./icat-context.js";

/**
 * Options of {@link searchInSlices}.
 *
 * @example
 * ```ts
 * const options: SliceOptions = { sliceSize: 1_000, signal: AbortSignal.timeout(60_000) };
 * ```
 */
export interface SliceOptions extends CallOptions {
  /** Values per search (default 500: a few thousand characters of ids). */
  sliceSize?: number;
}

/**
 * Runs `build(slice)` for each slice of `values` with `search`, concatenating the results.
 *
 * @example
 * ```ts
 * const rows = await searchInSlices(ids, (slice) => new Query("Datafile", { conditions: { id: inList(slice) } }), (q) => icat.search(q));
 * ```
 */
export async function searchInSlices<V, E extends EntityName, R>(
  values: readonly V[],
  build: (slice: readonly V[]) => Query<E, R>,
  search: (query: Query<E, R>, options: CallOptions) => Promise<R[]>,
  options: SliceOptions = {},
): Promise<R[]> {
  const size = options.sliceSize ?? 500;
  if (!Number.isSafeInteger(size) || size < 1) throw new InvalidArgumentError(`sliceSize must be a positive integer, got ${String(size)}`, { argument: "sliceSize" });
  const results: R[] = [];
  const call = options.signal === undefined ? {} : { signal: options.signal };
  for (let at = 0; at < values.length; at += size) results.push(...(await search(build(values.slice(at, at + size)), call)));
  return results;
}
