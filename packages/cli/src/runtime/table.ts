// Plain aligned text tables for terminals (the --json form is one JSON line per row instead).

/** A table column: the row key, its header, and how to show a value. */
export interface Column<R> {
  key: keyof R & string;
  header?: string;
  format?: (value: unknown, row: R) => string;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value) ?? "";
}

/**
 * Renders rows as left-aligned columns with a header line; "(no rows)" when empty.
 *
 * @example
 * ```ts
 * renderTable([{ id: 1, name: "ds1" }], [{ key: "id" }, { key: "name", header: "NAME" }]);
 * // "ID  NAME\n1   ds1\n"
 * ```
 */
export function renderTable<R>(rows: readonly R[], columns: readonly Column<R>[]): string {
  if (rows.length === 0) return "(no rows)\n";
  const header = columns.map((c) => c.header ?? c.key.toUpperCase());
  const body = rows.map((row) => columns.map((c) => (c.format ? c.format(row[c.key], row) : cell(row[c.key])).replace(/\s+/g, " ")));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return `${[line(header), ...body.map(line)].join("\n")}\n`;
}
