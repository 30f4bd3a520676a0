// Small constructors that keep the per-group metadata tables in ./info/ short. Not exported
// from the package: consumers read the finished `entityInfo`.
import type { EntityName } from "./entity-names.js";
import type {
  AttributeInfo,
  AttributeType,
  EntityInfo,
  FieldInfo,
  ManyToOneInfo,
  OneToManyInfo,
} from "./field-info.js";

type Unnamed<T> = Omit<T, "name">;
type UnnamedField = Unnamed<AttributeInfo> | Unnamed<ManyToOneInfo> | Unnamed<OneToManyInfo>;

/**
 * An attribute of the given type.
 *
 * @example
 * ```ts
 * att("String", true); // a NOT NULL string
 * ```
 */
export function att(type: AttributeType, required = false): Unnamed<AttributeInfo> {
  return { kind: "attribute", type, required };
}

/**
 * A many-to-one relation to `target`.
 *
 * @example
 * ```ts
 * one("Facility", true);
 * ```
 */
export function one(target: EntityName, required = false): Unnamed<ManyToOneInfo> {
  return { kind: "many-to-one", target, required };
}

/**
 * A one-to-many relation to `target`, whose field `mappedBy` points back.
 *
 * @example
 * ```ts
 * many("Datafile", "dataset");
 * ```
 */
export function many(target: EntityName, mappedBy: string): Unnamed<OneToManyInfo> {
  return { kind: "one-to-many", target, mappedBy };
}

/**
 * Assembles an {@link EntityInfo}, naming each field after its key and freezing the result.
 *
 * @example
 * ```ts
 * entity("Keyword", ["name", "investigation"], { name: att("String", true) });
 * ```
 */
export function entity(
  name: EntityName,
  uniqueKey: readonly string[],
  fields: Record<string, UnnamedField>,
): EntityInfo {
  const named: Record<string, FieldInfo> = {};
  for (const [fieldName, field] of Object.entries(fields)) {
    named[fieldName] = Object.freeze({ ...field, name: fieldName });
  }
  return Object.freeze({ name, fields: Object.freeze(named), uniqueKey: Object.freeze([...uniqueKey]) });
}
