// Emits the runtime metadata of the ICAT model (`entityInfo`, packages/icat/src/model/generated/entity-info.ts).
import { docBlock, generatedHeader } from "./emit-common.ts";
import type { FlatEntity } from "./model-check.ts";
import type { SourceField } from "../../../packages/icat/model/index.ts";

function fieldInfo(name: string, field: SourceField): string {
  const required = "required" in field && field.required === true;
  if ("one" in field) return `{ kind: "many-to-one", name: "${name}", target: "${field.one}", required: ${required} }`;
  if ("many" in field) return `{ kind: "one-to-many", name: "${name}", target: "${field.many}", mappedBy: "${field.mappedBy}" }`;
  return `{ kind: "attribute", name: "${name}", type: "${field.type}", required: ${required} }`;
}

/**
 * `entity-info.ts`: the {@link EntityInfo} of every entity, deeply frozen, in source order.
 *
 * @example
 * ```ts
 * const text = emitEntityInfo(checkModel(icatModel));
 * ```
 */
export function emitEntityInfo(entities: readonly FlatEntity[]): string {
  const body = entities
    .map(({ name, entity, fields }) => {
      const lines = Object.entries(fields).map(([f, field]) => `      ${f}: ${fieldInfo(f, field)},\n`).join("");
      const key = entity.uniqueKey.map((k) => `"${k}"`).join(", ");
      return `  ${name}: {\n    name: "${name}",\n    uniqueKey: [${key}],\n    fields: {\n${lines}    },\n  },\n`;
    })
    .join("");
  return (
    generatedHeader("the ICAT 6.2 entity metadata") +
    'import type { EntityInfo } from "../field-info.js";\n' +
    'import type { EntityName } from "./entity-names.js";\n\n' +
    "function deepFreeze<T>(value: T): T {\n" +
    '  if (typeof value === "object" && value !== null) for (const inner of Object.values(value)) deepFreeze(inner);\n' +
    "  return Object.freeze(value);\n}\n\n" +
    docBlock(
      "The ICAT 6.2 schema: the {@link EntityInfo} of every entity, keyed by entity name (icat.server core/entity/*.java: NOT NULL from @Column/@JoinColumn(nullable = false), unique keys from @Table(uniqueConstraints) in their declared column order, one-to-many `mappedBy` from @OneToMany).",
      'entityInfo.Datafile.fields.dataset; // { kind: "many-to-one", target: "Dataset", required: true, … }',
    ) +
    `export const entityInfo: Readonly<Record<EntityName, EntityInfo>> = deepFreeze<Record<EntityName, EntityInfo>>({\n${body}});\n`
  );
}
