// Paging through large searches with LIMIT (python-icat searchChunked, client.py:522-608), as
// core's PagedIterable. What ICAT makes necessary (icat-ids.md §2.3, §5 #2-#3):
// - there is no server-side default page: a search returns everything up to maxEntities or fails
//   with VALIDATION, and INCLUDEd objects count too, so pages are capped at maxEntities and a page
//   that still fails because of its INCLUDE fan-out is asked again at half the size;
// - pages only add up to the whole result under a deterministic order, so paginate() adds
//   ORDER BY <var>.id when the query has none (searchChunked leaves the query as it is);
// - paging stops on a short page, and asks at least 2 rows at a time: old servers ignored LIMIT on
//   `WHERE x.id = N` queries and a 1-row page would never be short (icat.server#128, python-icat#57;
//   icat.server now answers nothing for an offset > 0 there, SearchQuery.java getJPQL).
import { InvalidArgumentError, pages, type PagedIterable } from "@catkit/core";
import { IcatValidationError } from "./errors/icat-error.js";
import { walkPath } from "./query/attribute-path.js";
import { queryEntityInfo } from "./query/entity-fields.js";
import type { CallOptions, IcatContext } from "./operations/icat-context.js";
import { pageText, readQueryText, withIdOrder } from "./query/query-text.js";
import { isQuery, queryText, searchText, type SearchQuery } from "./operations/search.js";
import { maxEntities } from "./operations/server-info.js";

/**
 * Options of paginate.
 *
 * @example
 * ```ts
 * for await (const ds of icat.paginate(new Query("Dataset"), { pageSize: 1000 })) console.log(ds.name);
 * ```
 */
export interface PaginateOptions extends CallOptions {
  /** Rows per request (default 500); capped at the server's maxEntities. */
  pageSize?: number;
}

/**
 * Options of searchChunked (python-icat's names and defaults).
 *
 * @example
 * ```ts
 * for await (const ds of icat.searchChunked(query, { skip: 100, count: 50, chunkSize: 25 })) console.log(ds);
 * ```
 */
export interface SearchChunkedOptions extends CallOptions {
  /** Rows to skip first (default 0). */
  skip?: number;
  /** Most rows to return (default: all). */
  count?: number;
  /** Rows per request (default 100, at least 2). */
  chunkSize?: number;
}

type FanOut = { readonly kind: "none" } | { readonly kind: "bounded"; readonly perRow: number } | { readonly kind: "unbounded" | "unknown" };

interface Plan {
  readonly query: SearchQuery;
  readonly text: (skip: number, count: number) => string;
  readonly fanOut: FanOut;
}

function positiveInt(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  throw new InvalidArgumentError(`${name} must be a non-negative integer, got ${JSON.stringify(value)}`, { argument: name });
}

function fanOutOf(query: SearchQuery): FanOut {
  if (!isQuery(query)) return readQueryText(query).hasInclude ? { kind: "unknown" } : { kind: "none" };
  if (query.includes.length === 0) return { kind: "none" };
  const entity = queryEntityInfo(query.entity);
  const prefixes = new Set<string>();
  for (const path of query.includes) {
    for (const step of walkPath(entity, path)) {
      if (step.field.kind === "one-to-many") return { kind: "unbounded" };
      prefixes.add(step.path);
    }
  }
  return { kind: "bounded", perRow: 1 + prefixes.size };
}

function planOf(query: SearchQuery, order: boolean): Plan {
  if (isQuery(query)) {
    const ordered = order && !query.hasOrder ? query.withOrderById() : query;
    return { query: ordered, text: (skip, count) => ordered.toStringWithLimit(skip, count), fanOut: fanOutOf(query) };
  }
  const text = queryText(query);
  const info = readQueryText(text);
  if (info.hasLimit) {
    throw new InvalidArgumentError("The query has a LIMIT of its own; remove it and use the skip/count options to page.", { argument: "query" });
  }
  const ordered = order ? withIdOrder(text) : text;
  return { query, text: (skip, count) => pageText(ordered, skip, count, info.jpql), fanOut: fanOutOf(query) };
}

function warnFanOut(ctx: IcatContext, fanOut: FanOut, size: number, max: number | undefined): void {
  if (max === undefined || fanOut.kind === "none") return;
  if (fanOut.kind === "bounded" && size * fanOut.perRow <= max) return;
  const how =
    fanOut.kind === "bounded"
      ? `each row brings up to ${fanOut.perRow - 1} INCLUDEd objects, so a page of ${size} may return ${size * fanOut.perRow} objects`
      : fanOut.kind === "unbounded"
        ? "the query INCLUDEs a one-to-many relation, whose objects have no upper bound per row"
        : "the INCLUDE of a query string cannot be counted in advance";
  ctx.core.logger.warn(
    { pageSize: size, maxEntities: max },
    `icat.paginate: ${how}; ICAT counts INCLUDEd objects against maxEntities (${max}). A page that fails with VALIDATION is retried at half the size; a smaller pageSize avoids that.`,
  );
}

function paged(ctx: IcatContext, plan: Plan, options: { skip: number; count: number | undefined; size: number; capped: boolean }): PagedIterable<unknown> {
  let size = options.size;
  let ready: Promise<void> | undefined;
  const prepare = async (signal: AbortSignal | undefined): Promise<void> => {
    const max = options.capped ? await maxEntities(ctx, { signal }) : undefined;
    if (max !== undefined && size > max) {
      ctx.core.logger.warn({ pageSize: size, maxEntities: max }, `icat.paginate: pageSize ${size} exceeds the server's maxEntities; using ${max}`);
      size = Math.max(2, max);
    }
    if (options.capped) warnFanOut(ctx, plan.fanOut, size, max);
  };
  return pages<unknown, { skip: number; delivered: number }>({
    first: { skip: options.skip, delivered: 0 },
    async fetchPage(cursor, { maxPageSize, signal }) {
      await (ready ??= prepare(signal));
      const left = options.count === undefined ? Number.POSITIVE_INFINITY : options.count - cursor.delivered;
      let n = Math.min(size, left, maxPageSize === undefined ? Number.POSITIVE_INFINITY : Math.max(2, maxPageSize));
      if (n <= 0) return { items: [], next: undefined };
      for (;;) {
        try {
          const items = await searchText(ctx, plan.text(cursor.skip, n), plan.query, { signal });
          const done = items.length < n || cursor.delivered + items.length >= (options.count ?? Number.POSITIVE_INFINITY);
          return { items, next: done ? undefined : { skip: cursor.skip + n, delivered: cursor.delivered + items.length } };
        } catch (err) {
          if (!(err instanceof IcatValidationError) || plan.fanOut.kind === "none" || n <= 2) throw err;
          n = Math.max(2, Math.floor(n / 2));
          size = Math.min(size, n);
          ctx.core.logger.warn({ pageSize: n }, "icat.paginate: ICAT refused a page as too large (INCLUDE fan-out); asking again with half as many rows");
        }
      }
    },
  });
}

/**
 * Pages through a search: adds ORDER BY id when the query has none, caps the page size at
 * maxEntities, stops on a short page.
 *
 * @example
 * ```ts
 * for await (const ds of paginate(ctx, new Query("Dataset"), { pageSize: 1000 })) count++;
 * ```
 */
export function paginate(ctx: IcatContext, query: SearchQuery, options: PaginateOptions = {}): PagedIterable<unknown> {
  const size = positiveInt(options.pageSize, "pageSize", 500);
  return paged(ctx, planOf(query, true), { skip: 0, count: undefined, size: Math.max(2, size), capped: true });
}

/**
 * python-icat's searchChunked: LIMIT pages of `chunkSize` (at least 2) from `skip`, at most
 * `count` rows, the query left as it is (give it an ORDER BY for stable results).
 *
 * @example
 * ```ts
 * for await (const df of searchChunked(ctx, "SELECT df FROM Datafile df ORDER BY df.id", { skip: 100, count: 50 })) use(df);
 * ```
 */
export function searchChunked(ctx: IcatContext, query: SearchQuery, options: SearchChunkedOptions = {}): PagedIterable<unknown> {
  const skip = positiveInt(options.skip, "skip", 0);
  const count = options.count === undefined ? undefined : positiveInt(options.count, "count", 0);
  const size = Math.max(2, positiveInt(options.chunkSize, "chunkSize", 100));
  return paged(ctx, planOf(query, false), { skip, count, size, capped: false });
}
