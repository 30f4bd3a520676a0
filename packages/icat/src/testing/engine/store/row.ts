import type { EntityName } from "../../../model/index.js";

/**
 * A stored attribute value. Many-to-one relations are stored as the id of the target.
 *
 * @example
 * ```ts
 * const v: StoredValue = new Date();
 * ```
 */
export type StoredValue = string | number | boolean | Date | null;

/**
 * One stored entity: meta fields plus user attributes and many-to-one ids in `values`.
 * One-to-many relations are not stored; the store derives them from its indexes.
 *
 * @example
 * ```ts
 * row.values.name; // "12100409-ST"
 * row.values.facility; // 1 (the Facility's id)
 * ```
 */
export interface Row {
  readonly entity: EntityName;
  readonly id: number;
  createId: string;
  createTime: Date;
  modId: string;
  modTime: Date;
  readonly values: Record<string, StoredValue>;
}
