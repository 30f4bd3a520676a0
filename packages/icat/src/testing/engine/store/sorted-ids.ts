// A sorted array of ids with binary-search insert and remove. Ids come from one ascending
// sequence, so inserts are nearly always appends and pages `ORDER BY x.id LIMIT n, k` can slice.

/**
 * Index of the first element of `ids` that is ≥ `id`.
 *
 * @example
 * ```ts
 * lowerBound([1, 3, 5], 4); // 2
 * ```
 */
export function lowerBound(ids: readonly number[], id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ids[mid] as number) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Inserts `id` into the sorted array `ids` (no-op if present).
 *
 * @example
 * ```ts
 * const ids = [1, 5]; insertSorted(ids, 3); // ids = [1, 3, 5]
 * ```
 */
export function insertSorted(ids: number[], id: number): void {
  const last = ids[ids.length - 1];
  if (last === undefined || last < id) {
    ids.push(id);
    return;
  }
  const at = lowerBound(ids, id);
  if (ids[at] !== id) ids.splice(at, 0, id);
}

/**
 * Removes `id` from the sorted array `ids` (no-op if absent).
 *
 * @example
 * ```ts
 * const ids = [1, 3, 5]; removeSorted(ids, 3); // ids = [1, 5]
 * ```
 */
export function removeSorted(ids: number[], id: number): void {
  const at = lowerBound(ids, id);
  if (ids[at] === id) ids.splice(at, 1);
}
