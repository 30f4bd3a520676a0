// The whole ICAT model generation as a pure function: model source in, file texts out. The CLI
// (../icat-model.ts) writes them; the drift test (../test/icat-model.test.ts) compares them.
import { join } from "node:path";
import { icatModel, type ModelGroup } from "../../../packages/icat/model/index.ts";
import { emitEntityInfo } from "./emit-info.ts";
import { emitReaders } from "./emit-readers.ts";
import { emitSchemas } from "./emit-schemas.ts";
import { emitEntityMap, emitEntityNames, emitInterfaces } from "./emit-types.ts";
import { checkModel, concrete } from "./model-check.ts";

/**
 * The @catkit/icat package directory, whose src/ the generated files go to.
 *
 * @example
 * ```ts
 * join(ICAT_PACKAGE, "src/model/generated");
 * ```
 */
export const ICAT_PACKAGE = join(import.meta.dirname, "..", "..", "..", "packages", "icat");

/**
 * The directories (relative to {@link ICAT_PACKAGE}) that hold only generated files.
 *
 * @example
 * ```ts
 * GENERATED_DIRS.includes("src/entities/generated"); // true
 * ```
 */
export const GENERATED_DIRS = ["src/model/generated", "src/entities/generated"] as const;

/**
 * Every generated file, keyed by its path relative to {@link ICAT_PACKAGE}.
 *
 * @throws {Error} when the model source is inconsistent (see checkModel).
 * @example
 * ```ts
 * const files = generateIcatModel();
 * files.get("src/model/generated/entity-names.ts");
 * ```
 */
export function generateIcatModel(groups: Readonly<Record<string, ModelGroup>> = icatModel): Map<string, string> {
  const all = checkModel(groups);
  const entities = concrete(all);
  const files = new Map<string, string>();
  const model = "src/model/generated";
  files.set(`${model}/entity-names.ts`, emitEntityNames(entities));
  files.set(`${model}/entity-info.ts`, emitEntityInfo(entities));
  files.set(`${model}/entity-map.ts`, emitEntityMap(entities));
  for (const group of Object.keys(groups)) files.set(`${model}/entities/${group}.ts`, emitInterfaces(all, group));
  files.set(`${model}/entity-schemas.ts`, emitSchemas(entities));
  files.set("src/entities/generated/entity-readers.ts", emitReaders(entities));
  return files;
}
