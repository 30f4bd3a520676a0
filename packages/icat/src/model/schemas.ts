// zod schemas for entities as ICAT's REST API returns them (ICATRest.java `jsonise`): meta fields,
// attributes (dates as strings), many-to-one relations as nested objects without a type wrapper and
// one-to-many relations as arrays. Built from `entityInfo`, so they always match the metadata.
import { z } from "zod";
import { META_FIELD_TYPES } from "./entity-base.js";
import { entityInfo } from "./entity-info.js";
import type { EntityMap } from "./entity-map.js";
import { ENTITY_NAMES, type EntityName } from "./entity-names.js";
import { PARAMETER_VALUE_TYPES, STUDY_STATUSES } from "./enums.js";
import type { AttributeType, FieldInfo } from "./field-info.js";
import { IcatDateFormatError, parseIcatDate } from "./icat-date.js";

/**
 * A zod schema for each entity, keyed by name. Parsing turns ICAT dates into `Date`, descends into
 * nested relations and rejects keys that are not fields of the entity.
 *
 * @example
 * ```ts
 * const ds = entitySchemas.Dataset.parse({ id: 1, name: "a", datafiles: [] });
 * ```
 */
export type EntitySchemas = { readonly [K in EntityName]: z.ZodType<EntityMap[K]> };

/**
 * A zod schema for ICAT dates (`yyyy-MM-dd'T'HH:mm:ss.SSSXXX`) that outputs a `Date`.
 *
 * @example
 * ```ts
 * icatDateSchema.parse("2019-03-11T14:14:47.000Z"); // Date
 * ```
 */
export const icatDateSchema = z.string().transform((text, ctx) => {
  try {
    return parseIcatDate(text);
  } catch (e) {
    ctx.addIssue({ code: "custom", message: e instanceof IcatDateFormatError ? e.message : String(e) });
    return z.NEVER;
  }
});

const attributeSchemas: Record<AttributeType, z.ZodType> = {
  String: z.string(),
  Integer: z.number().int(),
  Long: z.number().int(),
  Double: z.number(),
  Boolean: z.boolean(),
  Date: icatDateSchema,
  ParameterValueType: z.enum(PARAMETER_VALUE_TYPES),
  StudyStatus: z.enum(STUDY_STATUSES),
};

const built = new Map<EntityName, z.ZodType>();

function fieldSchema(field: FieldInfo): z.ZodType {
  switch (field.kind) {
    case "attribute":
      return attributeSchemas[field.type];
    case "many-to-one":
      return z.lazy(() => schemaOf(field.target));
    case "one-to-many":
      return z.array(z.lazy(() => schemaOf(field.target)));
  }
}

function schemaOf(name: EntityName): z.ZodType {
  let schema = built.get(name);
  if (schema === undefined) {
    const shape: Record<string, z.ZodType> = {};
    for (const [meta, type] of Object.entries(META_FIELD_TYPES)) {
      shape[meta] = attributeSchemas[type].optional();
    }
    for (const field of Object.values(entityInfo[name].fields)) {
      shape[field.name] = fieldSchema(field).optional();
    }
    schema = z.strictObject(shape);
    built.set(name, schema);
  }
  return schema;
}

/**
 * The schema of every entity (see {@link EntitySchemas}).
 *
 * @example
 * ```ts
 * entitySchemas.User.safeParse({ name: "db/root", bogus: 1 }).success; // false: unknown key
 * ```
 */
export const entitySchemas: EntitySchemas = Object.freeze(
  Object.fromEntries(ENTITY_NAMES.map((name) => [name, z.lazy(() => schemaOf(name))])),
) as unknown as EntitySchemas;

/**
 * An entity together with its type name, as found in a top-level `{"Type": {…}}` object.
 *
 * @example
 * ```ts
 * const t: TypedEntity = { type: "Facility", entity: { name: "ESNF" } };
 * ```
 */
export type TypedEntity = { [K in EntityName]: { type: K; entity: EntityMap[K] } }[EntityName];

/**
 * Parses one element of an ICAT search result or the body of a get: an object with exactly one
 * key, the entity name, whose value is the entity.
 *
 * @example
 * ```ts
 * const { type, entity } = typedEntitySchema.parse({ Facility: { id: 1, name: "ESNF" } });
 * ```
 */
export const typedEntitySchema: z.ZodType<TypedEntity> = z
  .record(z.string(), z.unknown())
  .transform((wrapper, ctx) => {
    const keys = Object.keys(wrapper);
    const type = keys[0] as EntityName;
    if (keys.length !== 1 || !ENTITY_NAMES.includes(type)) {
      ctx.addIssue({
        code: "custom",
        message: `expected an object with exactly one key naming an ICAT entity, got keys [${keys.join(", ")}]`,
      });
      return z.NEVER;
    }
    const parsed = schemaOf(type).safeParse(wrapper[type]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: "custom", message: issue.message, path: [type, ...issue.path] });
      }
      return z.NEVER;
    }
    return { type, entity: parsed.data } as TypedEntity;
  });
