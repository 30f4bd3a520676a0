import { entityInfo, type EntityName } from "../../../model/index.js";
import type { StoredValue } from "../store/row.js";

// Java field initialisers in icat.server's entity classes: fileSize/fileCount start at 0, and
// every Boolean attribute is a primitive `boolean`, so it starts false and can never be NULL.
const INITIAL: Readonly<Record<string, StoredValue>> = {
  "Datafile.fileSize": 0,
  "Dataset.fileSize": 0,
  "Dataset.fileCount": 0,
  "Investigation.fileSize": 0,
  "Investigation.fileCount": 0,
};

// @Column(length = …) where it is not JPA's default of 255.
const LENGTHS: Readonly<Record<string, number>> = {
  "Affiliation.fullReference": 1023,
  "DataCollectionParameter.stringValue": 4000,
  "DataPublication.description": 4000,
  "DataPublication.subject": 1023,
  "Datafile.location": 511,
  "DatafileParameter.stringValue": 4000,
  "Dataset.location": 511,
  "DatasetParameter.stringValue": 4000,
  "Facility.description": 1023,
  "FundingReference.acknowledgement": 1023,
  "Instrument.description": 4000,
  "Investigation.summary": 4000,
  "InvestigationParameter.stringValue": 4000,
  "PublicStep.field": 32,
  "PublicStep.origin": 32,
  "Publication.fullReference": 511,
  "RelatedItem.fullReference": 1023,
  "Rule.crudFlags": 4,
  "Rule.what": 1024,
  "SampleParameter.stringValue": 4000,
  "SampleType.safetyInformation": 4000,
  "Study.description": 4000,
};

/**
 * The values of a newly constructed entity: NULL, except the Java initialisers (fileSize and
 * fileCount 0, primitive booleans false).
 *
 * @example
 * ```ts
 * initialValues("Dataset").complete; // false
 * ```
 */
export function initialValues(entity: EntityName): Record<string, StoredValue> {
  let template = templates.get(entity);
  if (template === undefined) {
    template = {};
    for (const field of Object.values(entityInfo[entity].fields)) {
      if (field.kind === "one-to-many") continue;
      template[field.name] =
        INITIAL[`${entity}.${field.name}`] ?? (field.kind === "attribute" && field.type === "Boolean" ? false : null);
    }
    templates.set(entity, template);
  }
  return { ...template };
}

const templates = new Map<EntityName, Record<string, StoredValue>>();

/**
 * The maximum length of a String attribute (the database column size).
 *
 * @example
 * ```ts
 * maxLength("Dataset", "location"); // 511
 * ```
 */
export function maxLength(entity: EntityName, field: string): number {
  return LENGTHS[`${entity}.${field}`] ?? 255;
}
