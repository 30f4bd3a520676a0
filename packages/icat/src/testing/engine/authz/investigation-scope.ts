import type { EntityName } from "../../../model/index.js";
import type { Row } from "../store/row.js";
import type { StoreView } from "../store/store-view.js";

// The many-to-one paths from an entity to the investigation it belongs to. Entities under an
// investigation are readable by its members in the default policy.
const PATHS: Partial<Record<EntityName, readonly (readonly string[])[]>> = {
  Investigation: [[]],
  InvestigationUser: [["investigation"]],
  InvestigationGroup: [["investigation"]],
  InvestigationInstrument: [["investigation"]],
  InvestigationFacilityCycle: [["investigation"]],
  InvestigationFunding: [["investigation"]],
  InvestigationParameter: [["investigation"]],
  Keyword: [["investigation"]],
  Publication: [["investigation"]],
  Shift: [["investigation"]],
  Sample: [["investigation"]],
  SampleParameter: [["sample", "investigation"]],
  StudyInvestigation: [["investigation"]],
  Dataset: [["investigation"]],
  DatasetParameter: [["dataset", "investigation"]],
  DatasetInstrument: [["dataset", "investigation"]],
  DatasetTechnique: [["dataset", "investigation"]],
  Datafile: [["dataset", "investigation"]],
  DatafileParameter: [["datafile", "dataset", "investigation"]],
  RelatedDatafile: [
    ["sourceDatafile", "dataset", "investigation"],
    ["destDatafile", "dataset", "investigation"],
  ],
  DataCollectionInvestigation: [["investigation"]],
  DataCollectionDataset: [["dataset", "investigation"]],
  DataCollectionDatafile: [["datafile", "dataset", "investigation"]],
};

/**
 * Whether an entity lives under an investigation (and so is governed by its membership).
 *
 * @example
 * ```ts
 * isInvestigationScoped("DatafileParameter"); // true
 * ```
 */
export function isInvestigationScoped(entity: EntityName): boolean {
  return PATHS[entity] !== undefined;
}

/**
 * The ids of the investigations a row belongs to (two for a RelatedDatafile across investigations).
 *
 * @example
 * ```ts
 * investigationsOf(datafileRow, store); // [3]
 * ```
 */
export function investigationsOf(row: Row, store: StoreView): number[] {
  const ids: number[] = [];
  for (const path of PATHS[row.entity] ?? []) {
    let current: Row | undefined = row;
    for (const field of path) current = current === undefined ? undefined : store.related(current, field);
    if (current !== undefined) ids.push(current.id);
  }
  return ids;
}

/**
 * The ids of the investigations where `user` is an InvestigationUser.
 *
 * @example
 * ```ts
 * memberInvestigations("db/nbour", store); // Set {3}
 * ```
 */
export function memberInvestigations(user: string, store: StoreView): Set<number> {
  const ids = new Set<number>();
  for (const u of store.findByKey("User", [user])) {
    for (const iu of store.children("User", "investigationUsers", u.id)) {
      const inv = iu.values.investigation;
      if (typeof inv === "number") ids.add(inv);
    }
  }
  return ids;
}
