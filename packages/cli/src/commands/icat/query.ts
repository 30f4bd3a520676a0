// catkit icat search | get | count: python-icat query strings or JPQL, as ICAT takes them.
import type { CommandContext } from "../../runtime/context.js";
import { UsageError } from "../../runtime/exit-codes.js";
import { icatClient } from "../../shared/connect.js";
import type { Column } from "../../runtime/table.js";

type Row = Record<string, unknown>;

function columnsOf(rows: readonly Row[]): Column<Row>[] {
  const keys: string[] = [];
  for (const row of rows.slice(0, 50)) {
    for (const [k, v] of Object.entries(row)) {
      if (!keys.includes(k) && (v === null || typeof v !== "object" || v instanceof Date)) keys.push(k);
    }
  }
  const first = ["id", "name"].filter((k) => keys.includes(k));
  return [...first, ...keys.filter((k) => !first.includes(k))].map((key) => ({ key }));
}

function asRows(results: readonly unknown[]): Row[] {
  return results.map((r) => (typeof r === "object" && r !== null && !(r instanceof Date) ? (r as Row) : { value: r }));
}

/**
 * `catkit icat search QUERY`: a table, or JSON lines with --json.
 *
 * @example
 * ```ts
 * await search(ctx, {}, "SELECT d FROM Dataset d");
 * ```
 */
export async function search(ctx: CommandContext, options: { limit?: string }, query: string): Promise<void> {
  const limit = options.limit === undefined ? undefined : Number(options.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UsageError(`--limit must be a positive integer, got ${JSON.stringify(options.limit)}`);
  const icat = await icatClient(ctx.globals);
  try {
    const rows: Row[] = [];
    for await (const item of icat.paginate(query)) {
      rows.push(...asRows([item]));
      if (limit !== undefined && rows.length >= limit) break;
    }
    ctx.out.table(rows, columnsOf(rows));
  } finally {
    await icat.close();
  }
}

/**
 * `catkit icat get ENTITY ID`: one object (with INCLUDEs in ENTITY, python-icat style).
 *
 * @example
 * ```ts
 * await get(ctx, {}, "Dataset INCLUDE Datafile", "7");
 * ```
 */
export async function get(ctx: CommandContext, _options: object, entity: string, id: string): Promise<void> {
  if (!/^\d+$/.test(id)) throw new UsageError(`ID must be a positive integer, got ${JSON.stringify(id)}`);
  const icat = await icatClient(ctx.globals);
  try {
    const object = await icat.get(entity, Number(id), { signal: ctx.signal });
    ctx.out.data(object, JSON.stringify(object, null, 2));
  } finally {
    await icat.close();
  }
}

/**
 * `catkit icat count ENTITY [--where COND]`.
 *
 * @example
 * ```ts
 * await count(ctx, { where: "o.name LIKE 'e2%'" }, "Dataset");
 * ```
 */
export async function count(ctx: CommandContext, options: { where?: string }, entity: string): Promise<void> {
  if (!/^[A-Z][A-Za-z]*$/.test(entity)) throw new UsageError(`ENTITY must be an ICAT entity name such as Dataset, got ${JSON.stringify(entity)}`);
  const query = `SELECT COUNT(o) FROM ${entity} o${options.where ? ` WHERE ${options.where}` : ""}`;
  const icat = await icatClient(ctx.globals);
  try {
    const [n] = await icat.search(query, { signal: ctx.signal });
    ctx.out.data({ entity, count: n }, String(n));
  } finally {
    await icat.close();
  }
}
