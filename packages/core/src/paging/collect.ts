/**
 * Gathers an async iterable into an array, stopping after `max` items (the rest is not fetched).
 *
 * @example
 * ```ts
 * const first100 = await collect(icat.paginate(query), { max: 100 });
 * ```
 */
export async function collect<T>(iterable: AsyncIterable<T>, options: { max?: number } = {}): Promise<T[]> {
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const out: T[] = [];
  if (max <= 0) return out;
  for await (const item of iterable) {
    out.push(item);
    if (out.length >= max) break;
  }
  return out;
}
