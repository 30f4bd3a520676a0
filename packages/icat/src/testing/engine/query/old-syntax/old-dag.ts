import type { EntityName } from "../../../../model/index.js";
import { badParameter } from "../../icat-engine-error.js";
import { manyToOneFields, oneToManyFields } from "../../store/relations.js";

/**
 * A node of the join tree the concise syntax implies: the entity reached and the field followed
 * from the parent to reach it.
 *
 * @example
 * ```ts
 * const s: DagStep = { entity: "Datafile", children: [{ entity: "Dataset", field: "dataset", children: [] }] };
 * ```
 */
export interface DagStep {
  readonly entity: EntityName;
  readonly field?: string;
  readonly children: readonly DagStep[];
}

// Relationships in field-name order (icat.server iterates a HashSet; any fixed order will do).
function relationships(entity: EntityName): { name: string; target: EntityName; collection: boolean }[] {
  return [
    ...manyToOneFields(entity).map((f) => ({ name: f.name, target: f.target, collection: false })),
    ...oneToManyFields(entity).map((f) => ({ name: f.name, target: f.target, collection: true })),
  ].sort((a, b) => (a.name < b.name ? -1 : 1));
}

function follow(
  predecessor: EntityName | undefined,
  from: EntityName,
  all: ReadonlySet<EntityName>,
  used: Set<EntityName>,
  followCollections: boolean,
  includes: boolean,
): DagStep[] {
  const steps: DagStep[] = [];
  for (const r of relationships(from)) {
    if ((r.collection && !followCollections) || !all.has(r.target) || r.target === predecessor) continue;
    if (used.has(r.target)) {
      throw badParameter(
        `Can't have loop in graph of entities. '${r.target}' was encountered twice following ` +
          `${predecessor ?? ""} -> ${from} -> ${r.target}${includes ? " in list of INCLUDES." : ""}`,
      );
    }
    used.add(r.target);
    const next = includes ? r.collection : true;
    steps.push({ entity: r.target, field: r.name, children: follow(from, r.target, all, used, next, includes) });
  }
  return steps;
}

function unreached(all: ReadonlySet<EntityName>, used: ReadonlySet<EntityName>, suffix: string): void {
  const missing = [...all].filter((e) => !used.has(e));
  if (missing.length > 0) throw badParameter(`Unable to reach ${missing.join(", ")}${suffix}`);
}

/**
 * Connects the entities of a `A <-> B <-> C` query into a tree rooted at `start`; there must be
 * exactly one way (icat.server core/oldparser/DagHandler.java `findSteps`).
 *
 * @example
 * ```ts
 * findSteps("Datafile", ["Dataset"]); // Datafile -dataset-> Dataset
 * ```
 */
export function findSteps(start: EntityName, others: readonly EntityName[]): DagStep {
  const all = new Set([start, ...others]);
  const used = new Set([start]);
  const step = { entity: start, children: follow(undefined, start, all, used, true, false) };
  unreached(all, used, "");
  return step;
}

/**
 * Checks that the types of an old-style INCLUDE can be reached from `start` in exactly one way,
 * following collections only below collections (DagHandler.java `checkIncludes`).
 *
 * @example
 * ```ts
 * checkIncludes("Dataset", ["Datafile", "DatafileParameter"]); // ok
 * ```
 */
export function checkIncludes(start: EntityName, includes: readonly EntityName[]): void {
  const all = new Set([start, ...includes]);
  const used = new Set([start]);
  follow(undefined, start, all, used, true, true);
  unreached(all, used, " in list of INCLUDES.");
}

/**
 * Renders the new-style INCLUDE for old-style include types (OldInclude.java `addIncludes`):
 * `Dataset$.datafiles AS Datafile_$, Datafile_$.parameters AS DatafileParameter_$`.
 *
 * @example
 * ```ts
 * newInclude("Dataset", ["Investigation", "Facility"]);
 * // "INCLUDE Dataset$.investigation AS Investigation_$, Investigation_$.facility AS Facility_$"
 * ```
 */
export function newInclude(start: EntityName, includes: readonly EntityName[]): string {
  const parts: string[] = [];
  const add = (entity: EntityName, wanted: ReadonlySet<EntityName>, cascades: boolean, first: boolean): void => {
    for (const r of relationships(entity)) {
      if ((r.collection && !cascades) || !wanted.has(r.target)) continue;
      parts.push(`${entity}${first ? "$" : "_$"}.${r.name} AS ${r.target}_$`);
      const reduced = new Set(wanted);
      reduced.delete(r.target);
      add(r.target, reduced, r.collection, false);
    }
  };
  add(start, new Set(includes), true, true);
  return parts.length === 0 ? "" : `INCLUDE ${parts.join(", ")}`;
}
