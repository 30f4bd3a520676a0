// One pagination primitive for every protocol: iterate to get items, `.byPage()` to get pages
// (Azure core-paging's shape). The protocol supplies how to fetch a page from a cursor and what
// the next cursor is; stopping (short page, no next link) is the protocol's decision.

/** Options of {@link PagedIterable.byPage}. */
export interface ByPageOptions {
  /** Ask for pages of at most this many items (the protocol may cap it further). */
  maxPageSize?: number;
  signal?: AbortSignal;
}

/**
 * Async-iterable items with page access.
 *
 * @example
 * ```ts
 * for await (const dataset of icat.paginate(query)) console.log(dataset.name);
 * for await (const page of icat.paginate(query).byPage({ maxPageSize: 500 })) console.log(page.length);
 * ```
 */
export interface PagedIterable<T> extends AsyncIterable<T> {
  byPage(options?: ByPageOptions): AsyncIterableIterator<T[]>;
}

/** One fetched page and the cursor of the next one (undefined: this was the last). */
export interface Page<T, C> {
  items: T[];
  next: C | undefined;
}

/** How to fetch pages. */
export interface PageSource<T, C> {
  first: C;
  fetchPage(cursor: C, options: ByPageOptions): Promise<Page<T, C>>;
}

/**
 * Builds a {@link PagedIterable} from a page source. Pages are fetched lazily, one at a time.
 *
 * @example
 * ```ts
 * const items = pages({
 *   first: 0,
 *   fetchPage: async (offset, { maxPageSize = 100 }) => {
 *     const items = await fetchRange(offset, maxPageSize);
 *     return { items, next: items.length < maxPageSize ? undefined : offset + items.length };
 *   },
 * });
 * ```
 */
export function pages<T, C>(source: PageSource<T, C>): PagedIterable<T> {
  async function* byPage(options: ByPageOptions = {}): AsyncGenerator<T[]> {
    let cursor: C | undefined = source.first;
    while (cursor !== undefined) {
      options.signal?.throwIfAborted();
      const page: Page<T, C> = await source.fetchPage(cursor, options);
      if (page.items.length > 0) yield page.items;
      cursor = page.next;
    }
  }
  return {
    byPage,
    // Hand-written rather than `yield* page`: an async generator pays for a suspension per
    // item, which shows when paging hundreds of thousands of ICAT rows.
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const source = byPage();
      let page: T[] = [];
      let index = 0;
      return {
        async next(): Promise<IteratorResult<T>> {
          while (index >= page.length) {
            const step = await source.next();
            if (step.done === true) return { done: true, value: undefined };
            page = step.value;
            index = 0;
          }
          return { done: false, value: page[index++] as T };
        },
        async return(): Promise<IteratorResult<T>> {
          await source.return(undefined);
          return { done: true, value: undefined };
        },
      };
    },
  };
}
