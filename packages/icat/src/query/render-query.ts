// Writing a query as the JPQL-like text ICAT takes, clause by clause, exactly as python-icat's
// str(query) does (icat/query.py select_clause … limit_clause, __str__): relations used by the
// selected attributes, conditions and order are JOINed with aliases; INCLUDE gets aliases of its own.
import { ROOT_VARIABLE, aliasPath, makeAliases, sortPaths, type AliasMap } from "./alias-substitution.js";
import type { QueryState } from "./query-state.js";

/**
 * The clauses of a query; a clause the query does not have is `undefined`.
 *
 * @example
 * ```ts
 * new Query("Dataset", { limit: [0, 10] }).clauses.limit; // "LIMIT 0, 10"
 * ```
 */
export interface QueryClauses {
  readonly select: string;
  readonly join: string | undefined;
  readonly where: string | undefined;
  readonly order: string | undefined;
  readonly include: string | undefined;
  readonly limit: string | undefined;
}

function joinAliases(state: QueryState): AliasMap {
  return makeAliases(state.entity, [...state.order.keys(), ...state.conditions.keys(), ...state.attributes]);
}

function wrap(fn: string | undefined, text: string): string {
  return fn === undefined ? text : `${fn}(${text})`;
}

function selectClause(state: QueryState, aliases: AliasMap): string {
  let selected = state.attributes.length > 0 ? state.attributes.map((a) => aliasPath(a, aliases)).join(", ") : ROOT_VARIABLE;
  const aggregate = state.aggregate;
  if (aggregate !== undefined) {
    if (state.attributes.length > 1 && aggregate === "DISTINCT") {
      // python-icat#76, #81: icat.server's parser rejects "DISTINCT(a, b)", so several attributes
      // get the bare keyword.
      selected = `DISTINCT ${selected}`;
    } else {
      for (const fn of aggregate.split(":").reverse()) selected = `${fn}(${selected})`;
    }
  }
  return `SELECT ${selected} FROM ${state.entity.name} ${ROOT_VARIABLE}`;
}

function includeClause(state: QueryState): string | undefined {
  if (state.includes.size === 0) return undefined;
  const aliases = makeAliases(state.entity, state.includes);
  const paths = sortPaths([...state.includes, ...aliases.keys()]);
  return `INCLUDE ${paths.map((p) => aliasPath(p, aliases, true)).join(", ")}`;
}

/**
 * Renders every clause of a query.
 *
 * @example
 * ```ts
 * renderClauses(state).select; // "SELECT o FROM Dataset o"
 * ```
 */
export function renderClauses(state: QueryState): QueryClauses {
  const aliases = joinAliases(state);
  const joins = sortPaths(aliases.keys()).map((path) => `${state.joinSpecs.get(path) ?? "JOIN"} ${aliasPath(path, aliases, true)}`);
  const conditions = sortPaths(state.conditions.keys()).flatMap((path) =>
    (state.conditions.get(path) ?? []).map((c) => `${wrap(c.fn, aliasPath(path, aliases))} ${c.fragment}`),
  );
  const order = [...state.order].map(([path, e]) => {
    const item = wrap(e.fn, aliasPath(path, aliases));
    return e.direction === undefined ? item : `${item} ${e.direction}`;
  });
  return {
    select: selectClause(state, aliases),
    join: joins.length > 0 ? joins.join(" ") : undefined,
    where: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : undefined,
    order: order.length > 0 ? `ORDER BY ${order.join(", ")}` : undefined,
    include: includeClause(state),
    limit: state.limit === undefined ? undefined : `LIMIT ${state.limit[0]}, ${state.limit[1]}`,
  };
}

/**
 * The whole query text: the clauses the query has, joined by spaces (python-icat str(query)).
 *
 * @example
 * ```ts
 * renderQuery(state); // "SELECT o FROM Investigation o WHERE o.name = '10100601-ST'"
 * ```
 */
export function renderQuery(state: QueryState): string {
  const c = renderClauses(state);
  return [c.select, c.join, c.where, c.order, c.include, c.limit].filter((s) => s !== undefined).join(" ");
}
