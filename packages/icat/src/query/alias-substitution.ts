// Aliases for the related objects a query walks through, as python-icat names them
// (icat/query.py `substnames`, Query._makesubst, Query._dosubst): a few well-known paths get a
// short name ("dataset" → ds, "parameters.type" → pt) if it is still free, all others s1, s2, …
// numbered in the sorted order of the paths that need them.
import type { EntityInfo } from "../model/index.js";
import { walkPath } from "./attribute-path.js";

/**
 * The identification variable of the queried entity (python-icat writes `SELECT o FROM X o`).
 *
 * @example
 * ```ts
 * `ORDER BY ${ROOT_VARIABLE}.id`; // "ORDER BY o.id"
 * ```
 */
export const ROOT_VARIABLE = "o";

// icat/query.py `substnames`.
const PREFERRED_ALIASES: Readonly<Record<string, string>> = {
  datafileFormat: "dff",
  dataset: "ds",
  "dataset.investigation": "i",
  facility: "f",
  grouping: "g",
  instrumentScientists: "isc",
  investigation: "i",
  investigationGroups: "ig",
  investigationInstruments: "ii",
  investigationUsers: "iu",
  parameters: "p",
  "parameters.type": "pt",
  type: "t",
  user: "u",
  userGroups: "ug",
};

/**
 * Relation path → alias, e.g. "dataset.investigation" → "i".
 *
 * @example
 * ```ts
 * const aliases: AliasMap = new Map([["dataset", "ds"]]);
 * ```
 */
export type AliasMap = ReadonlyMap<string, string>;

/**
 * Sorts strings by UTF-16 code unit, as Python's `sorted` orders the ASCII paths of a query.
 *
 * @example
 * ```ts
 * sortPaths(["type.name", "dataset.name"]); // ["dataset.name", "type.name"]
 * ```
 */
export function sortPaths(paths: Iterable<string>): string[] {
  return [...new Set(paths)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Assigns an alias to every relation that the given paths pass through (each path's last
 * component is the attribute or relation used, so only its prefixes are joined).
 *
 * @example
 * ```ts
 * makeAliases(queryEntityInfo("Dataset"), ["investigation.name", "parameters.type.name"]);
 * // Map { "investigation" → "i", "parameters" → "p", "parameters.type" → "pt" }
 * ```
 */
export function makeAliases(entity: EntityInfo, paths: Iterable<string>): Map<string, string> {
  const aliases = new Map<string, string>();
  const used = new Set<string>();
  let counter = 0;
  for (const path of sortPaths(paths)) {
    const dot = path.lastIndexOf(".");
    if (dot < 0) continue;
    for (const step of walkPath(entity, path.slice(0, dot))) {
      if (aliases.has(step.path)) continue;
      const preferred = PREFERRED_ALIASES[step.path];
      const alias = preferred !== undefined && !used.has(preferred) ? preferred : `s${++counter}`;
      aliases.set(step.path, alias);
      used.add(alias);
    }
  }
  return aliases;
}

/**
 * Writes a path with its owner's alias: "name" → "o.name", "dataset.investigation.name" →
 * "i.name"; with `withAs`, a path that has an alias itself gets " AS alias" (for JOIN and INCLUDE).
 * Like python-icat, the result always keeps one dot (old icat.server versions required it).
 *
 * @example
 * ```ts
 * aliasPath("dataset.investigation", aliases, true); // "ds.investigation AS i"
 * ```
 */
export function aliasPath(path: string, aliases: AliasMap, withAs = false): string {
  const dot = path.lastIndexOf(".");
  const owner = dot < 0 ? ROOT_VARIABLE : aliases.get(path.slice(0, dot));
  let text = `${owner ?? ROOT_VARIABLE}.${path.slice(dot + 1)}`;
  const own = aliases.get(path);
  if (withAs && own !== undefined) text += ` AS ${own}`;
  return text;
}
