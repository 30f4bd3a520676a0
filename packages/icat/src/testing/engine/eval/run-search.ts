import { IcatEngineError } from "../icat-engine-error.js";
import type { AuthorizationPolicy } from "../authz/authorization-policy.js";
import type { Row } from "../store/row.js";
import type { StoreView } from "../store/store-view.js";
import type { CompiledSearch } from "./compile-search.js";
import { enumerate } from "./enumerate.js";
import type { Bindings, EvalContext } from "./eval-context.js";
import { orderValues, valueKey, type Value } from "./value.js";

/**
 * Who runs a search, against what, and under which limit.
 *
 * @example
 * ```ts
 * const env: SearchEnv = { store, policy, user: "db/root", now: new Date(), maxEntities: 10000 };
 * ```
 */
export interface SearchEnv {
  readonly store: StoreView;
  readonly policy: AuthorizationPolicy;
  readonly user: string;
  readonly now: Date;
  readonly maxEntities: number;
  /**
   * Where to keep the matching ids of a one-table query between calls, so that paging through
   * it with growing LIMIT offsets does not rescan the table for every page.
   */
  readonly pageCache?: { readonly key: string; entry?: { key: string; version: number; ids: number[] } };
}

/**
 * Runs a compiled search and returns one array of SELECT values per result row.
 *
 * Like icat.server (EntityBeanManager.getEntitySet, SearchQuery.getJPQL): rows are filtered by the
 * read rules of the selected entities, a user with no access at all gets `[]` (`[0]` for a
 * COUNT), LIMIT skips and caps rows, and more than maxEntities rows is a VALIDATION error.
 *
 * @example
 * ```ts
 * runSearch(compileSearch(parsed, query), env); // [[datasetRow], …]
 * ```
 */
export function runSearch(c: CompiledSearch, env: SearchEnv): Value[][] {
  const filters: { reach: (ctx: EvalContext) => Row | null; check: (row: Row) => boolean }[] = [];
  for (const t of c.authz) {
    const scope = env.policy.readScope(env.user, t.entity, env.store);
    if (scope === "none") return c.isCount ? [[0]] : [];
    if (scope !== "all") filters.push({ reach: t.reach, check: scope });
  }
  const empty: Bindings = new Array<Row | null>(c.scope.slots.count).fill(null);
  const ctx: EvalContext = {
    bindings: empty.slice(), group: undefined, user: env.user, store: env.store,
    now: env.now, cache: new Map(), policy: env.policy,
  };
  const { guards, plan } = c.scope;
  const where = c.where;
  const accept = (): boolean =>
    guards.every((g) => g(ctx)) &&
    (where === undefined || where.evaluate(ctx) === true) &&
    filters.every((f) => {
      const row = f.reach(ctx);
      return row !== null && f.check(row);
    });
  const project = (u: EvalContext): Value[] => c.select.map((s) => s.evaluate(u));
  const offset = c.limit?.offset ?? 0;
  const count = c.limit?.count;
  // EntityBeanManager: setMaxResults(maxEntities + 1), or the LIMIT count if it is not larger.
  const maxResults = count !== undefined && count <= env.maxEntities ? count : env.maxEntities + 1;

  let rows: Value[][];
  const first = plan[0];
  if (c.streamOrder !== undefined && plan.length === 1 && first?.kind === "root" && guards.length === 0 && where === undefined && filters.length === 0) {
    // One table, no conditions: page straight through the sorted id index.
    const ids = env.store.ids(first.entity);
    const n = Math.max(0, Math.min(maxResults, ids.length - offset));
    rows = [];
    for (let k = 0; k < n; k++) {
      const at = c.streamOrder === "desc" ? ids.length - 1 - offset - k : offset + k;
      ctx.bindings[first.slot] = env.store.get(first.entity, ids[at] as number) ?? null;
      rows.push(project(ctx));
    }
  } else if (c.streamOrder !== undefined && plan.length === 1 && first?.kind === "root" && offset > 0 && env.pageCache !== undefined) {
    const cache = env.pageCache;
    let entry = cache.entry;
    if (entry?.key !== cache.key || entry.version !== env.store.version) {
      const ids: number[] = [];
      enumerate(plan, ctx, () => {
        if (accept()) ids.push((ctx.bindings[first.slot] as Row).id);
        return true;
      }, c.streamOrder === "desc");
      entry = cache.entry = { key: cache.key, version: env.store.version, ids };
    }
    rows = entry.ids.slice(offset, offset + maxResults).map((id) => {
      ctx.bindings[first.slot] = env.store.get(first.entity, id) ?? null;
      return project(ctx);
    });
  } else if (c.streamOrder !== undefined) {
    rows = [];
    let skipped = 0;
    if (maxResults > 0) {
      enumerate(plan, ctx, () => {
        if (!accept()) return true;
        if (skipped < offset) {
          skipped++;
          return true;
        }
        rows.push(project(ctx));
        return rows.length < maxResults;
      }, c.streamOrder === "desc");
    }
  } else {
    rows = collectAll(c, ctx, accept, empty, project).slice(offset, offset + maxResults);
  }
  if (rows.length > env.maxEntities) {
    throw new IcatEngineError("VALIDATION", `attempt to process more than ${env.maxEntities} entities`);
  }
  return rows;
}

function collectAll(
  c: CompiledSearch,
  ctx: EvalContext,
  accept: () => boolean,
  empty: Bindings,
  project: (u: EvalContext) => Value[],
): Value[][] {
  const matches: Bindings[] = [];
  enumerate(c.scope.plan, ctx, () => {
    if (accept()) matches.push(ctx.bindings.slice());
    return true;
  });
  let units: EvalContext[];
  if (c.grouped) {
    const groups = new Map<string, Bindings[]>();
    for (const b of matches) {
      const key = c.groupBy.map((g) => valueKey(g.evaluate({ ...ctx, bindings: b }))).join("\u0000");
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [b]);
      else group.push(b);
    }
    if (c.groupBy.length === 0 && groups.size === 0) groups.set("", []);
    units = [...groups.values()]
      .map((group) => ({ ...ctx, bindings: group[0] ?? empty, group }))
      .filter((u) => c.having === undefined || c.having.evaluate(u) === true);
  } else {
    units = matches.map((bindings) => ({ ...ctx, bindings }));
  }
  if (c.orderBy.length > 0) {
    const keyed = units.map((u) => ({ u, keys: c.orderBy.map((o) => o.c.evaluate(u)) }));
    keyed.sort((a, b) => {
      for (const [i, o] of c.orderBy.entries()) {
        const d = orderValues(a.keys[i] ?? null, b.keys[i] ?? null);
        if (d !== 0) return o.desc ? -d : d;
      }
      return 0;
    });
    units = keyed.map((k) => k.u);
  }
  const rows = units.map(project);
  if (!c.distinct) return rows;
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = r.map(valueKey).join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
