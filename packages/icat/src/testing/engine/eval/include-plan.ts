import { entityInfo, type EntityName } from "../../../model/index.js";
import type { IncludeSpec } from "../query/ast.js";
import { badParameter } from "../icat-engine-error.js";

/**
 * One followed relationship of an INCLUDE: from the objects of variable `here` along `field` to
 * the objects of variable `there`.
 *
 * @example
 * ```ts
 * const s: IncludeStep = { here: 0, field: "datafiles", there: 1, target: "Datafile", collection: true };
 * ```
 */
export interface IncludeStep {
  readonly here: number;
  readonly field: string;
  readonly there: number;
  readonly target: EntityName;
  readonly collection: boolean;
}

/**
 * A checked INCLUDE: `INCLUDE 1` (every many-to-one, one level) or a list of steps.
 *
 * @example
 * ```ts
 * const plan: IncludePlan = { one: true, steps: [] };
 * ```
 */
export interface IncludePlan {
  readonly one: boolean;
  readonly steps: readonly IncludeStep[];
}

/**
 * Checks an INCLUDE clause against the selected entity as icat.server's IncludeClause.java does:
 * paths start with a defined variable and contain a '.', intermediate steps are included too,
 * every step is a relationship, new variables are fresh and no path is given twice.
 *
 * @example
 * ```ts
 * compileInclude(parseInclude(stream), "DS", "Dataset").steps.length;
 * ```
 */
export function compileInclude(spec: IncludeSpec, idVar: string, entity: EntityName): IncludePlan {
  const vars = new Map<string, number>([[idVar.toUpperCase(), 0]]);
  const types = new Map<number, EntityName>([[0, entity]]);
  const keys = new Set<string>();
  const steps: IncludeStep[] = [];
  let nextVar = 1;
  const step = (here: number, fieldName: string): number => {
    const from = types.get(here) as EntityName;
    const field = entityInfo[from].fields[fieldName];
    if (field === undefined || field.kind === "attribute") {
      throw badParameter(`Problem with INCLUDE clause: ${fieldName} is not a field of ${from}`);
    }
    const key = `${here} ${fieldName}`;
    if (keys.has(key)) throw badParameter(`INCLUDE clause contains redundant path to ${fieldName}`);
    keys.add(key);
    const there = nextVar++;
    types.set(there, field.target);
    steps.push({ here, field: fieldName, there, target: field.target, collection: field.kind === "one-to-many" });
    return there;
  };
  for (const item of spec.items) {
    const parts = item.path.split(".");
    if (parts.length < 2) throw badParameter(`Path ${item.path} must contain a '.'`);
    const idv = (parts[0] ?? "").toUpperCase();
    let here = vars.get(idv);
    if (here === undefined) throw badParameter(`variable ${idv} mentioned in INCLUDE clause is not defined`);
    for (const middle of parts.slice(1, -1)) here = step(here, middle);
    if (item.alias !== undefined) {
      if (item.alias.includes(".")) throw badParameter(`Variable ${item.alias} must not contain a '.'`);
      const alias = item.alias.toUpperCase();
      if (vars.has(alias)) throw badParameter(`variable ${alias} mentioned in INCLUDE clause is already defined`);
      vars.set(alias, step(here, parts[parts.length - 1] ?? ""));
    } else {
      step(here, parts[parts.length - 1] ?? "");
    }
  }
  return { one: spec.one, steps };
}
