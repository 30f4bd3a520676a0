// Emits the type side of the ICAT model: the entity names, one interface file per group and
// the EntityMap (packages/icat/src/model/generated/).
import { docBlock, exampleLiteral, generatedHeader, tsType } from "./emit-common.ts";
import { targetOf, type FlatEntity } from "./model-check.ts";

/**
 * `entity-names.ts`: ENTITY_NAMES (alphabetical, as SOAP `getEntityNames` lists them) and EntityName.
 *
 * @example
 * ```ts
 * const text = emitEntityNames(checkModel(icatModel));
 * ```
 */
export function emitEntityNames(entities: readonly FlatEntity[]): string {
  const names = entities.map((e) => e.name).sort();
  return (
    generatedHeader("the ICAT entity names") +
    "\n" +
    docBlock(
      `Every concrete ICAT 6.2 entity, in alphabetical order (as SOAP \`getEntityNames\` lists them; icat.server core/manager/EntityInfoHandler.java \`ENTITIES\`). The abstract \`Parameter\` and the internal \`Session\` are not entities.`,
      `ENTITY_NAMES.length; // ${names.length}`,
    ) +
    `export const ENTITY_NAMES = [\n${names.map((n) => `  "${n}",\n`).join("")}] as const;\n\n` +
    docBlock("The name of a concrete ICAT entity.", 'const n: EntityName = "Dataset";') +
    "export type EntityName = (typeof ENTITY_NAMES)[number];\n"
  );
}

/**
 * `entities/<group>.ts`: the interfaces of one group's entities (every field optional: ICAT
 * omits nulls, and relations are present only when INCLUDEd).
 *
 * @example
 * ```ts
 * const text = emitInterfaces(entities, "dataset");
 * ```
 */
export function emitInterfaces(entities: readonly FlatEntity[], group: string): string {
  const groupOf = new Map(entities.map((e) => [e.name, e.group]));
  const members = entities.filter((e) => e.group === group);
  const imports = new Map<string, Set<string>>();
  const need = (file: string, name: string) => imports.set(file, (imports.get(file) ?? new Set()).add(name));
  for (const { entity } of members) {
    if (entity.extends === undefined) need("../../entity-base.js", "EntityBase");
    else if (groupOf.get(entity.extends) !== group) need(`./${groupOf.get(entity.extends) ?? ""}.js`, entity.extends);
    for (const field of Object.values(entity.fields)) {
      const target = targetOf(field);
      if (target !== undefined && groupOf.get(target) !== group) need(`./${groupOf.get(target) ?? ""}.js`, target);
      if ("type" in field && (field.type === "ParameterValueType" || field.type === "StudyStatus")) need("../../enums.js", field.type);
    }
  }
  const importLines = [...imports]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([file, names]) => `import type { ${[...names].sort().join(", ")} } from "${file}";\n`)
    .join("");
  const bodies = members.map(({ name, entity, fields }) => {
    const own = Object.entries(entity.fields).map(([f, field]) => `  ${f}?: ${tsType(field)};\n`).join("");
    return docBlock(entity.doc, `const x: ${name} = ${exampleLiteral(fields)};`) + `export interface ${name} extends ${entity.extends ?? "EntityBase"} {\n${own}}\n`;
  });
  return `${generatedHeader(`the ICAT 6.2 entity interfaces of the ${group.replace(/-/g, " ")} group`)}${importLines}\n${bodies.join("\n")}`;
}

/**
 * `entity-map.ts`: EntityMap (entity name → interface) and AnyEntity.
 *
 * @example
 * ```ts
 * const text = emitEntityMap(checkModel(icatModel));
 * ```
 */
export function emitEntityMap(entities: readonly FlatEntity[]): string {
  const sorted = [...entities].sort((a, b) => (a.name < b.name ? -1 : 1));
  const groups = [...new Set(entities.map((e) => e.group))];
  const imports = groups
    .map((g) => `import type { ${sorted.filter((e) => e.group === g).map((e) => e.name).join(", ")} } from "./entities/${g}.js";\n`)
    .join("");
  return (
    generatedHeader("the map from ICAT entity names to interfaces") +
    imports +
    "\n" +
    docBlock("Maps each entity name to its TypeScript interface.", 'type Ds = EntityMap["Dataset"]; // Dataset') +
    `export interface EntityMap {\n${sorted.map((e) => `  ${e.name}: ${e.name};\n`).join("")}}\n\n` +
    docBlock("Any ICAT entity object.", 'const entities: AnyEntity[] = [{ name: "ESNF" }];') +
    "export type AnyEntity = EntityMap[keyof EntityMap];\n"
  );
}
