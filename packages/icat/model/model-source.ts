// The shape of the ICAT entity model's one source (the files next to this one). Everything else
// about the model in src/ (interfaces, metadata, zod schemas, row readers) is generated from it
// by `pnpm --filter @catkit/tools codegen` (tools/codegen/icat-model.ts) and drift-checked by a
// tools test. Type-only, so Node runs the source files as they are (type stripping).

/**
 * The type of an ICAT attribute as icat.server's `getEntityInfo` names it (the Java type), with
 * the primitive `boolean` written as `"Boolean"`.
 *
 * @example
 * ```ts
 * const t: SourceAttributeType = "Date";
 * ```
 */
export type SourceAttributeType = "String" | "Integer" | "Long" | "Double" | "Boolean" | "Date" | "ParameterValueType" | "StudyStatus";

/**
 * One user field: an attribute (`type`), a many-to-one relation (`one`, the target entity) or a
 * one-to-many relation (`many`, with the target's field `mappedBy` pointing back). `required`
 * mirrors `nullable = false` on the column.
 *
 * @example
 * ```ts
 * const fields: Record<string, SourceField> = { name: { type: "String", required: true }, datafiles: { many: "Datafile", mappedBy: "dataset" } };
 * ```
 */
export type SourceField =
  | { readonly type: SourceAttributeType; readonly required?: true }
  | { readonly one: string; readonly required?: true }
  | { readonly many: string; readonly mappedBy: string };

/**
 * One entity: its TSDoc summary, its uniqueness constraint (column order as declared) and its
 * user fields (the meta fields id/createId/createTime/modId/modTime are implied). An `abstract`
 * one (icat.server's `Parameter`) is an interface only, not an entity; an entity that `extends`
 * it inherits its fields (the entity's fields are then listed in name order, as icat.server
 * lists them).
 *
 * @example
 * ```ts
 * const e: SourceEntity = { doc: "A keyword.", uniqueKey: ["name"], fields: { name: { type: "String", required: true } } };
 * ```
 */
export interface SourceEntity {
  readonly abstract?: true;
  readonly extends?: string;
  readonly doc: string;
  readonly uniqueKey: readonly string[];
  readonly fields: Readonly<Record<string, SourceField>>;
}

/**
 * The entities of one group, keyed by entity name; each group becomes one generated interface file.
 *
 * @example
 * ```ts
 * const g: ModelGroup = { Keyword: { doc: "A keyword.", uniqueKey: [], fields: {} } };
 * ```
 */
export type ModelGroup = Readonly<Record<string, SourceEntity>>;
