// Prints benchmark results as a Markdown table (pasted as-is into package READMEs).

/** One row of a result table. */
export type Row = Record<string, string | number>;

/**
 * Renders rows as a Markdown table with the given column order.
 *
 * @example
 * ```ts
 * console.log(markdownTable([{ case: "json", "catkit req/s": 9000 }], ["case", "catkit req/s"]));
 * ```
 */
export function markdownTable(rows: readonly Row[], columns: readonly string[]): string {
  const cell = (v: string | number | undefined) => (typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 2 }) : (v ?? ""));
  const lines = [`| ${columns.join(" | ")} |`, `|${columns.map(() => "---").join("|")}|`];
  for (const row of rows) lines.push(`| ${columns.map((c) => cell(row[c])).join(" | ")} |`);
  return lines.join("\n");
}

/**
 * The median of a list of numbers.
 *
 * @example
 * ```ts
 * median([3, 1, 2]); // 2
 * ```
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
