// Typed dataset search as core's paged iterable: v4 filters with an explicit limit on every
// page (the silent default of 10 is backend pain point #7) and a stable sort (the caller's,
// then pid) so that skip/limit pages neither repeat nor miss datasets. Anonymous clients page
// through /datasets/public.
import { pages, type PagedIterable } from "@catkit/core";
import type { ScicatApi } from "../api/scicat-api.js";
import type { DatasetInclude, V4Where } from "../filters/v4-filter.js";
import { v4Filter } from "../filters/v4-filter.js";

/**
 * Options of searchDatasets.
 *
 * @example
 * ```ts
 * for await (const ds of client.searchDatasets({ ownerGroup: "ingestor" }, { pageSize: 500, sort: { creationTime: "desc" } })) console.log(ds.pid);
 * ```
 */
export interface SearchOptions {
  /** Datasets per request (default 1000). */
  pageSize?: number;
  /** Only these fields (keep "pid" if you need it). */
  fields?: string[];
  sort?: Record<string, "asc" | "desc">;
  include?: DatasetInclude[];
  signal?: AbortSignal;
}

/** Pages through the datasets matching `where` (raw SciCat JSON). */
export function searchDatasets(api: ScicatApi, where: V4Where = {}, options: SearchOptions = {}): PagedIterable<Record<string, unknown>> {
  const pageSize = options.pageSize ?? 1000;
  const sort = { ...(options.sort ?? { createdAt: "asc" as const }), pid: "asc" as const };
  return pages<Record<string, unknown>, number>({
    first: 0,
    async fetchPage(skip, { maxPageSize, signal }) {
      const limit = Math.min(maxPageSize ?? pageSize, pageSize);
      const filter = v4Filter({ where, limit, skip, sort, ...(options.fields ? { fields: options.fields } : {}), ...(options.include ? { include: options.include } : {}) });
      const s = signal ?? options.signal;
      const o = s ? { signal: s } : {};
      const items = api.authenticated ? await api.datasets.find(filter, o) : await api.datasets.findPublic(filter, o);
      return { items, next: items.length < limit ? undefined : skip + items.length };
    },
  });
}

/** Counts the datasets matching `where` (public ones for anonymous clients). */
export async function countDatasets(api: ScicatApi, where: V4Where = {}, signal?: AbortSignal): Promise<number> {
  const o = signal ? { signal } : {};
  const { count } = api.authenticated ? await api.datasets.count({ where }, o) : await api.datasets.countPublic({ where }, o);
  return count;
}
