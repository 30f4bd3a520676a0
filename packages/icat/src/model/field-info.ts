import type { EntityName } from "./generated/entity-names.js";

/**
 * The type of an ICAT attribute as icat.server's `getEntityInfo` names it (the Java type), with
 * the primitive `boolean` written as `"Boolean"`.
 *
 * @example
 * ```ts
 * const t: AttributeType = "Date";
 * ```
 */
export type AttributeType =
  | "String"
  | "Integer"
  | "Long"
  | "Double"
  | "Boolean"
  | "Date"
  | "ParameterValueType"
  | "StudyStatus";

/**
 * A plain value field of an entity. `required` mirrors `nullable = false` in the schema.
 *
 * @example
 * ```ts
 * const f: AttributeInfo = { kind: "attribute", name: "name", type: "String", required: true };
 * ```
 */
export interface AttributeInfo {
  kind: "attribute";
  name: string;
  type: AttributeType;
  required: boolean;
}

/**
 * A reference to one other entity (written as `{"id": n}`, read back only when INCLUDEd).
 *
 * @example
 * ```ts
 * const f: ManyToOneInfo = { kind: "many-to-one", name: "investigation", target: "Investigation", required: true };
 * ```
 */
export interface ManyToOneInfo {
  kind: "many-to-one";
  name: string;
  target: EntityName;
  required: boolean;
}

/**
 * A collection of dependent entities whose `mappedBy` field points back at the owner. ICAT
 * creates and deletes these in cascade.
 *
 * @example
 * ```ts
 * const f: OneToManyInfo = { kind: "one-to-many", name: "datafiles", target: "Datafile", mappedBy: "dataset" };
 * ```
 */
export interface OneToManyInfo {
  kind: "one-to-many";
  name: string;
  target: EntityName;
  mappedBy: string;
}

/**
 * Any user field of an entity.
 *
 * @example
 * ```ts
 * const isRelation = (f: FieldInfo) => f.kind !== "attribute";
 * ```
 */
export type FieldInfo = AttributeInfo | ManyToOneInfo | OneToManyInfo;

/**
 * The schema of one entity: its user fields (not the meta fields of {@link META_FIELDS}) and its
 * uniqueness constraint, in the column order icat.server declares (empty when there is none).
 *
 * @example
 * ```ts
 * const info: EntityInfo = getEntityInfo("Dataset");
 * info.uniqueKey; // ["investigation", "name"]
 * ```
 */
export interface EntityInfo {
  name: EntityName;
  fields: Readonly<Record<string, FieldInfo>>;
  uniqueKey: readonly string[];
}
