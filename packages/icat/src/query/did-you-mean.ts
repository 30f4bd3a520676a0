// "Did you mean …?" hints for misspelt entity and field names.

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidates within two edits of `name` (ignoring case), closest first.
 *
 * @example
 * ```ts
 * closeMatches("nmae", ["name", "doi", "location"]); // ["name"]
 * ```
 */
export function closeMatches(name: string, candidates: readonly string[]): string[] {
  const lower = name.toLowerCase();
  return candidates
    .map((c) => ({ c, d: editDistance(lower, c.toLowerCase()) }))
    .filter(({ d }) => d <= 2)
    .sort((x, y) => x.d - y.d)
    .map(({ c }) => c);
}
