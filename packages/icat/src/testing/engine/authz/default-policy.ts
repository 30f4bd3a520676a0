import type { EntityName } from "../../../model/index.js";
import type { Row } from "../store/row.js";
import type { StoreView } from "../store/store-view.js";
import type { AuthorizationPolicy, ReadScope, WriteAccess } from "./authorization-policy.js";
import { investigationsOf, isInvestigationScoped, memberInvestigations } from "./investigation-scope.js";

/**
 * Reference tables every authenticated user may read (like icat.server rules with no
 * condition, e.g. `Rule(crudFlags="R", what="DatasetType")`).
 *
 * @example
 * ```ts
 * PUBLIC_ENTITIES.has("DatasetType"); // true
 * ```
 */
export const PUBLIC_ENTITIES: ReadonlySet<EntityName> = new Set<EntityName>([
  "Facility", "DatasetType", "DatafileFormat", "InvestigationType", "ParameterType",
  "PermissibleStringValue", "SampleType", "Instrument", "FacilityCycle", "Technique",
  "Application", "User",
]);

/**
 * What investigation members may create, update and delete inside their investigations.
 *
 * @example
 * ```ts
 * MEMBER_WRITABLE.has("Datafile"); // true
 * ```
 */
export const MEMBER_WRITABLE: ReadonlySet<EntityName> = new Set<EntityName>([
  "Dataset", "DatasetParameter", "DatasetInstrument", "DatasetTechnique", "Datafile",
  "DatafileParameter", "RelatedDatafile", "Sample", "SampleParameter", "DataCollection",
  "DataCollectionParameter", "DataCollectionDataset", "DataCollectionDatafile", "DataCollectionInvestigation",
]);

/**
 * Options of {@link createDefaultPolicy}.
 *
 * @example
 * ```ts
 * const options: DefaultPolicyOptions = { rootUserNames: ["db/root"] };
 * ```
 */
export interface DefaultPolicyOptions {
  /** Users with full access, as icat.server's `rootUserNames`. */
  readonly rootUserNames: Iterable<string>;
}

/**
 * The sandbox's default rules: root users may do everything; other users read the reference
 * tables of {@link PUBLIC_ENTITIES}, read everything under the investigations where they are an
 * InvestigationUser, write the {@link MEMBER_WRITABLE} entities there, and may always work on data
 * collections they created. Anything else is INSUFFICIENT_PRIVILEGES.
 *
 * @example
 * ```ts
 * const engine = new IcatEngine({ policy: createDefaultPolicy({ rootUserNames: ["db/root"] }) });
 * ```
 */
export function createDefaultPolicy(options: DefaultPolicyOptions): AuthorizationPolicy {
  const roots = new Set(options.rootUserNames);

  const inMine = (row: Row, store: StoreView, mine: Set<number>, all: boolean): boolean => {
    const invs = investigationsOf(row, store);
    return invs.length > 0 && (all ? invs.every((i) => mine.has(i)) : invs.some((i) => mine.has(i)));
  };

  // A data collection belongs to its creator and is visible to members of anything it contains.
  const collectionVisible = (dc: Row, user: string, store: StoreView, mine: Set<number>): boolean =>
    dc.createId === user ||
    ["dataCollectionDatasets", "dataCollectionDatafiles", "dataCollectionInvestigations"].some((field) =>
      store.children("DataCollection", field, dc.id).some((member) => inMine(member, store, mine, false)),
    );

  const dataCollectionOf = (row: Row, store: StoreView): Row | undefined =>
    row.entity === "DataCollection" ? row : row.entity === "DataCollectionParameter" ? store.related(row, "dataCollection") : undefined;

  return {
    readScope(user: string, entity: EntityName, store: StoreView): ReadScope {
      if (roots.has(user) || PUBLIC_ENTITIES.has(entity)) return "all";
      const mine = memberInvestigations(user, store);
      if (isInvestigationScoped(entity)) return (row) => inMine(row, store, mine, false);
      if (entity === "DataCollection" || entity === "DataCollectionParameter") {
        return (row) => {
          const dc = dataCollectionOf(row, store);
          return dc !== undefined && collectionVisible(dc, user, store, mine);
        };
      }
      return "none";
    },

    mayWrite(user: string, _access: WriteAccess, row: Row, store: StoreView): boolean {
      if (roots.has(user)) return true;
      if (!MEMBER_WRITABLE.has(row.entity)) return false;
      const mine = memberInvestigations(user, store);
      const dc = dataCollectionOf(row, store);
      if (dc !== undefined) return collectionVisible(dc, user, store, mine);
      return inMine(row, store, mine, true);
    },
  };
}
