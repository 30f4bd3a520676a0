import type { StoredValue } from "./row.js";

/**
 * Builds the string under which a unique key is indexed (dates by time, so equal instants match).
 *
 * @example
 * ```ts
 * keyString(["ESNF"]); // '["ESNF"]'
 * ```
 */
export function keyString(values: readonly StoredValue[]): string {
  return JSON.stringify(values.map((v) => (v instanceof Date ? { t: v.getTime() } : v)));
}

/**
 * Adds `id` to, or removes it from, the set stored under `key` (dropping empty sets).
 *
 * @example
 * ```ts
 * updateSet(index, parentId, childId, true);
 * ```
 */
export function updateSet<K>(map: Map<K, Set<number>>, key: K, id: number, add: boolean): void {
  let set = map.get(key);
  if (add) {
    if (set === undefined) map.set(key, (set = new Set()));
    set.add(id);
  } else if (set !== undefined) {
    set.delete(id);
    if (set.size === 0) map.delete(key);
  }
}
