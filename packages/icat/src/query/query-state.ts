// What a query is made of, and how each part is checked before it is stored. Every function
// validates its whole input before anything changes, so a rejected call leaves the query as it
// was (python-icat may leave a half-applied change behind when it raises).
import type { EntityInfo } from "../model/index.js";
import { splitFunction, walkPath } from "./attribute-path.js";
import { checkConditionFragment } from "./condition-fragment.js";
import { AGGREGATES, JOIN_SPECS, type Aggregate, type ConditionValue, type JoinSpec } from "./query-options.js";
import { QueryError } from "./query-error.js";

/**
 * One ORDER BY entry; the key of the map holding it is the attribute path.
 *
 * @example
 * ```ts
 * const entry: OrderEntry = { fn: "LENGTH", direction: "DESC" };
 * ```
 */
export interface OrderEntry {
  readonly fn: string | undefined;
  readonly direction: "ASC" | "DESC" | undefined;
}

/**
 * One condition on an attribute path: the fragment, and the function wrapped around the path.
 *
 * @example
 * ```ts
 * const c: ConditionEntry = { fn: "UPPER", fragment: "LIKE 'E2083%'" };
 * ```
 */
export interface ConditionEntry {
  readonly fn: string | undefined;
  readonly fragment: string;
}

/**
 * The parts of a query, mirroring python-icat's Query attributes.
 *
 * @example
 * ```ts
 * renderQuery(state); // the query text of these parts
 * ```
 */
export interface QueryState {
  readonly entity: EntityInfo;
  attributes: string[];
  aggregate: Aggregate | undefined;
  conditions: Map<string, ConditionEntry[]>;
  includes: Set<string>;
  joinSpecs: Map<string, JoinSpec>;
  order: Map<string, OrderEntry>;
  limit: readonly [number, number] | undefined;
}

/**
 * An independent copy of a query's parts (python-icat Query.copy).
 *
 * @example
 * ```ts
 * const clone = cloneState(state);
 * ```
 */
export function cloneState(state: QueryState): QueryState {
  return {
    entity: state.entity,
    attributes: [...state.attributes],
    aggregate: state.aggregate,
    conditions: new Map([...state.conditions].map(([k, v]) => [k, [...v]])),
    includes: new Set(state.includes),
    joinSpecs: new Map(state.joinSpecs),
    order: new Map(state.order),
    limit: state.limit,
  };
}

function asList(value: unknown, what: string): string[] {
  const list = typeof value === "string" ? [value] : Array.isArray(value) ? (value as unknown[]) : undefined;
  if (list === undefined || !list.every((v) => typeof v === "string")) {
    throw new QueryError("invalid-path", `${what} must be a string or a list of strings.`);
  }
  return list;
}

/**
 * Checks attribute paths to select (python-icat setAttributes); `undefined` or `[]` selects objects.
 *
 * @example
 * ```ts
 * checkedAttributes(info, ["investigation.name", "name"]); // ["investigation.name", "name"]
 * ```
 */
export function checkedAttributes(entity: EntityInfo, attributes: string | readonly string[] | undefined): string[] {
  if (attributes === undefined || attributes === "") return [];
  const list = asList(attributes, "attributes");
  for (const path of list) walkPath(entity, path);
  return list;
}

/**
 * Checks an aggregate name (python-icat setAggregate).
 *
 * @example
 * ```ts
 * checkedAggregate("COUNT:DISTINCT"); // "COUNT:DISTINCT"
 * ```
 */
export function checkedAggregate(aggregate: string | undefined): Aggregate | undefined {
  if (aggregate === undefined || aggregate === "") return undefined;
  if (!(AGGREGATES as readonly string[]).includes(aggregate)) {
    throw new QueryError("invalid-aggregate", `'${aggregate}' is not an aggregate function; use one of ${AGGREGATES.join(", ")}.`);
  }
  return aggregate as Aggregate;
}

/**
 * Checks conditions (python-icat addConditions) and adds them to `conditions`: each key is an
 * attribute path, optionally in a JPQL function; each fragment must be one comparison.
 *
 * @example
 * ```ts
 * addCheckedConditions(info, state.conditions, { "UPPER(name)": "LIKE 'E2083%'" });
 * ```
 */
export function addCheckedConditions(
  entity: EntityInfo,
  conditions: Map<string, ConditionEntry[]>,
  input: Readonly<Record<string, ConditionValue>> | undefined,
): void {
  if (input === undefined) return;
  const added: Array<[string, ConditionEntry[]]> = Object.entries(input).map(([key, value]) => {
    const { path, fn } = splitFunction(key);
    walkPath(entity, path);
    const fragments = asList(value, `The conditions on '${key}'`);
    // python-icat would render a bare "WHERE " for an empty list; say so instead.
    if (fragments.length === 0) throw new QueryError("invalid-condition", `The conditions on '${key}' are an empty list; give at least one.`);
    return [path, fragments.map((fragment) => ({ fn, fragment: checkConditionFragment(fragment) }))];
  });
  for (const [path, entries] of added) conditions.set(path, [...(conditions.get(path) ?? []), ...entries]);
}

function checkRelation(entity: EntityInfo, path: string, use: string): void {
  if (walkPath(entity, path).at(-1)?.target === undefined) {
    throw new QueryError("not-a-relation", `${entity.name}.${path} is an attribute, not a related object, so it cannot be ${use}.`);
  }
}

/**
 * Checks relation paths to INCLUDE (python-icat addIncludes); "1" means every many-to-one relation.
 *
 * @example
 * ```ts
 * checkedIncludes(info, ["parameters.type"]); // ["parameters.type"]
 * ```
 */
export function checkedIncludes(entity: EntityInfo, includes: "1" | Iterable<string> | undefined): string[] {
  if (includes === undefined) return [];
  if (includes === "1") return Object.values(entity.fields).flatMap((f) => (f.kind === "many-to-one" ? [f.name] : []));
  const list = asList(typeof includes === "string" ? includes : [...includes], "includes");
  for (const path of list) checkRelation(entity, path, "included");
  return list;
}

/**
 * Checks join specs (python-icat setJoinSpecs): relation path → JOIN, INNER JOIN, LEFT JOIN or
 * LEFT OUTER JOIN.
 *
 * @example
 * ```ts
 * checkedJoinSpecs(info, { grouping: "LEFT OUTER JOIN" }); // Map { "grouping" → "LEFT OUTER JOIN" }
 * ```
 */
export function checkedJoinSpecs(entity: EntityInfo, joinSpecs: Readonly<Record<string, string>> | undefined): Map<string, JoinSpec> {
  const checked = new Map<string, JoinSpec>();
  for (const [path, spec] of Object.entries(joinSpecs ?? {})) {
    checkRelation(entity, path, "given a join spec");
    if (!(JOIN_SPECS as readonly string[]).includes(spec)) {
      throw new QueryError("invalid-join-spec", `'${spec}' (for '${path}') is not a join spec; use one of ${JOIN_SPECS.join(", ")}.`);
    }
    checked.set(path, spec as JoinSpec);
  }
  return checked;
}

/**
 * Checks a LIMIT (python-icat setLimit): a pair of non-negative integers.
 *
 * @example
 * ```ts
 * checkedLimit([2, 1]); // [2, 1]
 * ```
 */
export function checkedLimit(limit: readonly [number, number] | undefined): readonly [number, number] | undefined {
  if (limit === undefined) return undefined;
  const ok = Array.isArray(limit) && limit.length === 2 && limit.every((n) => Number.isSafeInteger(n) && n >= 0);
  if (!ok) {
    throw new QueryError("invalid-limit", `limit must be [skip, count], two non-negative integers; got ${JSON.stringify(limit)}.`);
  }
  return [limit[0], limit[1]];
}
