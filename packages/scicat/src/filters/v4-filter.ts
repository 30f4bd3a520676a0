// Typed v4 filters (§1.4): Mongo `where`, `fields`, `limits` with `sort` (not `order`: v4
// answers 400 to it), `include`. The builder always sets an explicit limit, because the v4
// default of 10 truncates silently (backend pain point #7).
import { InvalidArgumentError } from "@catkit/core";

/**
 * Mongo comparison operators the v4 filter whitelist accepts.
 *
 * @example
 * ```ts
 * const size: V4Operators<number> = { $gte: 1_000_000 };
 * ```
 */
export interface V4Operators<T = unknown> {
  $eq?: T; $ne?: T; $gt?: T; $gte?: T; $lt?: T; $lte?: T; $in?: T[]; $nin?: T[]; $exists?: boolean; $regex?: string; $options?: string; $not?: V4Operators<T>;
}

/**
 * A v4 `where`: field conditions plus $and/$or/$nor. Dotted paths reach into scientificMetadata.
 *
 * @example
 * ```ts
 * const where: V4Where = { $or: [{ ownerGroup: "group1" }, { isPublished: true }] };
 * ```
 */
export type V4Where = { $and?: V4Where[]; $or?: V4Where[]; $nor?: V4Where[] } & { [field: string]: unknown };

/**
 * Relations `include` accepts (DatasetLookupKeysEnum).
 *
 * @example
 * ```ts
 * const include: DatasetInclude[] = ["origdatablocks", "attachments"];
 * ```
 */
export type DatasetInclude = "instruments" | "proposals" | "origdatablocks" | "datablocks" | "attachments" | "samples" | "all";

/**
 * A v4 filter.
 *
 * @example
 * ```ts
 * const filter: V4Filter = { where: { type: "raw" }, limits: { limit: 100, skip: 0, sort: { createdAt: "desc" } } };
 * ```
 */
export interface V4Filter {
  where?: V4Where;
  fields?: string[];
  limits?: { limit: number; skip?: number; sort?: Record<string, "asc" | "desc"> };
  include?: DatasetInclude[];
}

/**
 * Builds a v4 filter with an explicit limit.
 *
 * @example
 * ```ts
 * const filter = v4Filter({ where: { ownerGroup: "ingestor", "scientificMetadata.temperature.valueSI": { $gt: 300 } }, sort: { createdAt: "desc" }, limit: 100 });
 * ```
 */
export function v4Filter(options: { where?: V4Where; fields?: string[]; limit: number; skip?: number; sort?: Record<string, "asc" | "desc">; include?: DatasetInclude[] }): V4Filter {
  if (!Number.isSafeInteger(options.limit) || options.limit < 1) throw new InvalidArgumentError(`limit must be a positive integer, got ${String(options.limit)}`, { argument: "limit" });
  if (options.skip !== undefined && (!Number.isSafeInteger(options.skip) || options.skip < 0)) throw new InvalidArgumentError(`skip must be a non-negative integer, got ${String(options.skip)}`, { argument: "skip" });
  return {
    ...(options.where ? { where: options.where } : {}),
    ...(options.fields ? { fields: options.fields } : {}),
    limits: { limit: options.limit, skip: options.skip ?? 0, ...(options.sort ? { sort: options.sort } : {}) },
    ...(options.include ? { include: options.include } : {}),
  };
}
