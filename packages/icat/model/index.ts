// The ICAT 6.2 entity model, the one source of src/model/generated/ and
// src/entities/generated/ (see model-source.ts). Keys are the generated interface files' names.
import type { ModelGroup } from "./model-source.ts";
import { dataCollection } from "./data-collection.ts";
import { dataPublication } from "./data-publication.ts";
import { dataset } from "./dataset.ts";
import { facility } from "./facility.ts";
import { investigation } from "./investigation.ts";
import { parameters } from "./parameters.ts";
import { studyFunding } from "./study-funding.ts";
import { users } from "./users.ts";

/**
 * Every group of the model, keyed by the kebab-case name of its generated interface file.
 *
 * @example
 * ```ts
 * icatModel.dataset.Dataset.uniqueKey; // ["investigation", "name"]
 * ```
 */
export const icatModel = {
  users,
  facility,
  parameters,
  investigation,
  "study-funding": studyFunding,
  dataset,
  "data-collection": dataCollection,
  "data-publication": dataPublication,
} satisfies Readonly<Record<string, ModelGroup>>;

export type { ModelGroup, SourceAttributeType, SourceEntity, SourceField } from "./model-source.ts";
