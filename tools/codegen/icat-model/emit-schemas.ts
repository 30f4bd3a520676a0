// Emits the zod schemas of the ICAT model (packages/icat/src/model/generated/entity-schemas.ts).
// Each is a z.looseObject: keys the model does not know (a newer ICAT's fields) are kept as
// sent, unvalidated, which is also what the client's row readers do (the one rule for unknown
// keys, see packages/icat/README.md). Each schema is built on first use (z.lazy caches it), so
// importing the package builds 53 lazies, not ~700 schemas.
import { docBlock, generatedHeader } from "./emit-common.ts";
import type { FlatEntity } from "./model-check.ts";
import type { SourceField } from "../../../packages/icat/model/index.ts";

const META = "    id: a.Long.exactOptional(),\n    createId: a.String.exactOptional(),\n    createTime: a.Date.exactOptional(),\n    modId: a.String.exactOptional(),\n    modTime: a.Date.exactOptional(),\n";

function fieldSchema(field: SourceField): string {
  if ("one" in field) return `${field.one}Schema.exactOptional()`;
  if ("many" in field) return `z.array(${field.many}Schema).exactOptional()`;
  return `a.${field.type}.exactOptional()`;
}

/**
 * `entity-schemas.ts`: one zod schema per entity and the `entitySchemas` map.
 *
 * @example
 * ```ts
 * const text = emitSchemas(checkModel(icatModel));
 * ```
 */
export function emitSchemas(entities: readonly FlatEntity[]): string {
  const sorted = [...entities].sort((a, b) => (a.name < b.name ? -1 : 1));
  const schemas = sorted.map(({ name, fields }) => {
    const lines = Object.entries(fields).map(([f, field]) => `    ${f}: ${fieldSchema(field)},\n`).join("");
    return `const ${name}Schema: z.ZodType<EntityMap["${name}"]> = z.lazy(() =>\n  z.looseObject({\n${META}${lines}  }),\n);\n`;
  });
  return (
    generatedHeader("the zod schemas of the ICAT 6.2 entities") +
    'import { z } from "zod";\n' +
    'import { attributeSchemas as a } from "../attribute-schemas.js";\n' +
    'import type { EntityMap } from "./entity-map.js";\n' +
    'import type { EntityName } from "./entity-names.js";\n\n' +
    schemas.join("\n") +
    "\n" +
    docBlock(
      "A zod schema for each entity, keyed by name, for entities as ICAT's REST API returns them (ICATRest.java `jsonise`). Parsing turns ICAT dates into `Date` and a Double's `null` (NaN) into `NaN`, descends into nested relations, and keeps keys the model does not know as sent, as the client does.",
      "const ds = entitySchemas.Dataset.parse({ id: 1, name: \"a\", datafiles: [] });",
    ) +
    `export const entitySchemas: { readonly [K in EntityName]: z.ZodType<EntityMap[K]> } = Object.freeze({\n${sorted.map((e) => `  ${e.name}: ${e.name}Schema,\n`).join("")}});\n`
  );
}
