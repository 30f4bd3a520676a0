// The "natural order" of an entity, which `order: true` expands to (python-icat
// icat/entity.py Entity.getNaturalOrder): the entity's sort attributes, or else its uniqueness
// constraint (or `id` when it has none), with `id` appended when the constraint is `id`;
// required many-to-one relations are replaced by the natural order of their target, while
// nullable many-to-one and one-to-many relations are left out, because ordering on them would
// drop or duplicate rows.
import { CatkitError, CoreErrorCode } from "@catkit/core";
import type { EntityInfo } from "../model/index.js";
import { lookupField, queryEntityInfo } from "./entity-fields.js";

// Sort attributes python-icat sets for entities whose constraint sorts badly
// (icat/entities.py `_extra_attrs`, the 'SortAttrs' entries).
const SORT_ATTRIBUTES: Readonly<Partial<Record<string, readonly string[]>>> = {
  DataCollection: ["dataCollectionDatasets", "dataCollectionDatafiles"],
  DataCollectionDatafile: ["datafile"],
  DataCollectionDataset: ["dataset"],
  DataPublicationDate: ["publication", "date", "dateType"],
  DataPublicationUser: ["publication", "contributorType", "orderKey", "user"],
  InvestigationType: ["facility", "name"],
  Job: ["application", "arguments", "inputDataCollection", "outputDataCollection"],
  Log: ["operation", "entityName"],
  Publication: ["investigation", "fullReference"],
  Rule: ["grouping", "what"],
  Study: ["name"],
};

/**
 * The attribute paths of an entity's natural order, e.g. for Datafile
 * `["dataset.investigation.facility.name", "dataset.investigation.name",
 * "dataset.investigation.visitId", "dataset.name", "name"]`.
 *
 * @example
 * ```ts
 * naturalOrder(queryEntityInfo("Rule")); // ["what", "id"]
 * ```
 */
export function naturalOrder(entity: EntityInfo): string[] {
  const constraint = entity.uniqueKey.length > 0 ? entity.uniqueKey : ["id"];
  const attributes = [...(SORT_ATTRIBUTES[entity.name] ?? constraint)];
  if (constraint.includes("id") && !attributes.includes("id")) attributes.push("id");
  const order: string[] = [];
  for (const name of attributes) {
    const field = lookupField(entity, name);
    if (field === undefined) {
      const message = `The natural order of ${entity.name} names an unknown field '${name}'; this is a catkit bug.`;
      throw new CatkitError(CoreErrorCode.Unexpected, message);
    }
    if (field.kind === "attribute") {
      order.push(name);
    } else if (field.kind === "many-to-one" && field.required) {
      order.push(...naturalOrder(queryEntityInfo(field.target)).map((a) => `${name}.${a}`));
    }
  }
  return order;
}
