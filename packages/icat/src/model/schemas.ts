// zod schemas for entities as ICAT's REST API returns them (ICATRest.java `jsonise`): meta fields,
// attributes (dates as strings), many-to-one relations as nested objects without a type wrapper and
// one-to-many relations as arrays. The per-entity schemas are generated (generated/entity-schemas.ts)
// from the model source, as the interfaces and the client's readers are.
//
// Unknown keys (fields the model does not know, e.g. of a newer ICAT) are kept as sent and not
// validated, by these schemas and by the client's readers alike (entities/read-helpers.ts).
import { z } from "zod";
import { icatDateSchema } from "./attribute-schemas.js";
import { entitySchemas } from "./generated/entity-schemas.js";
import type { EntityMap } from "./generated/entity-map.js";
import { ENTITY_NAMES, type EntityName } from "./generated/entity-names.js";

export { entitySchemas, icatDateSchema };

/**
 * A zod schema for each entity, keyed by name. Parsing turns ICAT dates into `Date`, descends into
 * nested relations and keeps keys that are not fields of the entity as sent (as the client does).
 *
 * @example
 * ```ts
 * const ds = entitySchemas.Dataset.parse({ id: 1, name: "a", datafiles: [] });
 * ```
 */
export type EntitySchemas = { readonly [K in EntityName]: z.ZodType<EntityMap[K]> };

/**
 * An entity together with its type name, as found in a top-level `{"Type": {…}}` object.
 *
 * @example
 * ```ts
 * const t: TypedEntity = { type: "Facility", entity: { name: "ESNF" } };
 * ```
 */
export type TypedEntity = { [K in EntityName]: { type: K; entity: EntityMap[K] } }[EntityName];

const NAMES: ReadonlySet<string> = new Set(ENTITY_NAMES);

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
    const type = keys[0];
    if (keys.length !== 1 || type === undefined || !NAMES.has(type)) {
      ctx.addIssue({
        code: "custom",
        message: `expected an object with exactly one key naming an ICAT entity, got keys [${keys.join(", ")}]`,
      });
      return z.NEVER;
    }
    const parsed = entitySchemas[type as EntityName].safeParse(wrapper[type]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: "custom", message: issue.message, path: [type, ...issue.path] });
      }
      return z.NEVER;
    }
    return { type, entity: parsed.data } as TypedEntity;
  });
