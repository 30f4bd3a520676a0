// Typed v3 (LoopBack) filters (§1.4): `where` with inq/nin/like/ilike/gt…, `limits.order` as
// "field:asc|desc", `include` as [{relation}]. Always with an explicit limit (default 100).
import { InvalidArgumentError } from "@catkit/core";

/**
 * A LoopBack `where`.
 *
 * @example
 * ```ts
 * const where: V3Where = { datasetName: { like: "scan.*" } };
 * ```
 */
export type V3Where = { and?: V3Where[]; or?: V3Where[] } & { [field: string]: unknown };

/**
 * A v3 filter.
 *
 * @example
 * ```ts
 * const filter: V3Filter = { where: { ownerGroup: { inq: ["group1"] } }, limits: { limit: 100, skip: 0, order: "creationTime:desc" } };
 * ```
 */
export interface V3Filter {
  where?: V3Where;
  fields?: string[];
  limits?: { limit: number; skip?: number; order?: string };
  include?: Array<{ relation: string }>;
}

/**
 * Builds a v3 filter with an explicit limit.
 *
 * @example
 * ```ts
 * const filter = v3Filter({ where: { ownerGroup: { inq: ["group1", "group2"] } }, order: ["creationTime", "desc"], limit: 50 });
 * ```
 */
export function v3Filter(options: { where?: V3Where; fields?: string[]; limit: number; skip?: number; order?: [string, "asc" | "desc"]; include?: string[] }): V3Filter {
  if (!Number.isSafeInteger(options.limit) || options.limit < 1) throw new InvalidArgumentError(`limit must be a positive integer, got ${String(options.limit)}`, { argument: "limit" });
  return {
    ...(options.where ? { where: options.where } : {}),
    ...(options.fields ? { fields: options.fields } : {}),
    limits: { limit: options.limit, skip: options.skip ?? 0, ...(options.order ? { order: `${options.order[0]}:${options.order[1]}` } : {}) },
    ...(options.include ? { include: options.include.map((relation) => ({ relation })) } : {}),
  };
}
