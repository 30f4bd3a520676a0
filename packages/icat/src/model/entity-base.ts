/**
 * The fields every ICAT entity has, maintained by the server: the generated `id`, who created and
 * last modified the object, and when (icat.server core/entity/EntityBaseBean.java).
 *
 * @example
 * ```ts
 * const meta: EntityBase = { id: 42, createId: "db/root", createTime: new Date() };
 * ```
 */
export interface EntityBase {
  id?: number;
  createId?: string;
  createTime?: Date;
  modId?: string;
  modTime?: Date;
}

/**
 * Names of the server-maintained fields common to every entity, in the order icat.server writes
 * them at the start of each entity body (ICATRest.java `jsonise`).
 *
 * @example
 * ```ts
 * META_FIELDS.includes("modTime"); // true
 * ```
 */
export const META_FIELDS = ["id", "createId", "createTime", "modId", "modTime"] as const;

/**
 * One of the server-maintained field names of {@link META_FIELDS}.
 *
 * @example
 * ```ts
 * const f: MetaField = "createTime";
 * ```
 */
export type MetaField = (typeof META_FIELDS)[number];

/**
 * The type of each server-maintained field, as ICAT's query language sees it.
 *
 * @example
 * ```ts
 * META_FIELD_TYPES.createTime; // "Date"
 * ```
 */
export const META_FIELD_TYPES = {
  id: "Long",
  createId: "String",
  createTime: "Date",
  modId: "String",
  modTime: "Date",
} as const satisfies Record<MetaField, "Long" | "String" | "Date">;
