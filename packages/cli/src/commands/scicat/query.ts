// catkit scicat datasets search | datasets get | samples get | proposals get, through
// @catkit/scicat (v4 dataset filters, paged; v3 samples and proposals).
import type { Dataset, V4Where } from "@catkit/scicat";
import type { CommandContext } from "../../runtime/context.js";
import { UsageError } from "../../runtime/exit-codes.js";
import { scicatClient, type ScicatFlags } from "../../shared/scicat-client.js";

function positive(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer, got ${JSON.stringify(text)}`);
  return n;
}

function whereOf(text: string | undefined): V4Where {
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`--where must be a JSON object (a SciCat v4 where filter), got ${JSON.stringify(text)}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new UsageError("--where must be a JSON object (a SciCat v4 where filter)");
  return parsed as V4Where;
}

/**
 * A dataset as the CLI prints it: SciCat's fields and its files.
 *
 * @example
 * ```ts
 * datasetJson(dataset).files; // [{ path: "scan_001.nxs", size: 12, chk: "…" }]
 * ```
 */
export function datasetJson(dataset: Dataset): Record<string, unknown> {
  return { ...dataset.fields, files: dataset.files.map((f) => ({ path: f.remotePath, size: f.size, ...(f.checksum ? { chk: f.checksum } : {}) })) };
}

/**
 * `catkit scicat datasets search [--where JSON] [--limit N]`.
 *
 * @example
 * ```ts
 * await search(ctx, { where: '{"ownerGroup":"ingestor"}', limit: "10" });
 * ```
 */
export async function search(ctx: CommandContext, flags: ScicatFlags & { where?: string; limit?: string }): Promise<void> {
  const where = whereOf(flags.where);
  const limit = positive(flags.limit, "--limit");
  const client = await scicatClient(ctx.globals, flags);
  try {
    const rows: Record<string, unknown>[] = [];
    for await (const d of client.searchDatasets(where, { pageSize: Math.min(limit ?? 100, 1000), signal: ctx.signal })) {
      rows.push(d);
      if (limit !== undefined && rows.length >= limit) break;
    }
    // a table of the usual columns; --json prints every field of each dataset
    ctx.out.table(rows, ["pid", "datasetName", "type", "owner", "numberOfFiles", "size", "creationTime"].map((key) => ({ key })));
  } finally {
    await client.close();
  }
}

/**
 * `catkit scicat datasets get PID`: fields and files.
 *
 * @example
 * ```ts
 * await get(ctx, {}, "20.500.12269/4f8c");
 * ```
 */
export async function get(ctx: CommandContext, flags: ScicatFlags, pid: string): Promise<void> {
  const client = await scicatClient(ctx.globals, flags);
  try {
    const json = datasetJson(await client.getDataset(pid, { signal: ctx.signal }));
    ctx.out.data(json, JSON.stringify(json, null, 2));
  } finally {
    await client.close();
  }
}

/**
 * `catkit scicat samples get ID`.
 *
 * @example
 * ```ts
 * await sample(ctx, {}, "sample-1");
 * ```
 */
export async function sample(ctx: CommandContext, flags: ScicatFlags, id: string): Promise<void> {
  const client = await scicatClient(ctx.globals, flags);
  try {
    const s = await client.getSample(id, { signal: ctx.signal });
    ctx.out.data(s, JSON.stringify(s, null, 2));
  } finally {
    await client.close();
  }
}

/**
 * `catkit scicat proposals get ID`.
 *
 * @example
 * ```ts
 * await proposal(ctx, {}, "p-2024-001");
 * ```
 */
export async function proposal(ctx: CommandContext, flags: ScicatFlags, id: string): Promise<void> {
  const client = await scicatClient(ctx.globals, flags);
  try {
    const p = await client.getProposal(id, { signal: ctx.signal });
    ctx.out.data(p, JSON.stringify(p, null, 2));
  } finally {
    await client.close();
  }
}
