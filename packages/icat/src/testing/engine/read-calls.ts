import { findEntityName } from "../../model/index.js";
import { cachedReadCheck, mayRead, type AuthorizationPolicy } from "./authz/authorization-policy.js";
import { compileInclude } from "./eval/include-plan.js";
import { compileSearch } from "./eval/compile-search.js";
import { prune, type PruneEnv } from "./eval/prune.js";
import { runSearch } from "./eval/run-search.js";
import { isRow } from "./eval/value.js";
import { badParameter, IcatEngineError } from "./icat-engine-error.js";
import { translateOldGet, translateOldSearch } from "./query/old-syntax/old-translate.js";
import { parseGet } from "./query/parse-get.js";
import { parseSearch } from "./query/parse-search.js";
import { renderTypedEntity, renderValue } from "./render/render-json.js";
import type { StoreView } from "./store/store-view.js";

/**
 * What a read call runs against: the data, the rules, the user and the limits, plus the cache
 * that lets successive pages of one query share their list of matching ids.
 *
 * @example
 * ```ts
 * const ctx: ReadContext = { store, policy, user: "db/root", now: new Date(), maxEntities: 10000, pageCache: {} };
 * ```
 */
export interface ReadContext {
  readonly store: StoreView;
  readonly policy: AuthorizationPolicy;
  readonly user: string;
  readonly now: Date;
  readonly maxEntities: number;
  readonly pageCache: { entry?: { key: string; version: number; ids: number[] } };
}

function pruneEnv(ctx: ReadContext): PruneEnv {
  return {
    store: ctx.store,
    canRead: cachedReadCheck(ctx.policy, ctx.user, ctx.store),
    budget: { left: ctx.maxEntities, max: ctx.maxEntities },
  };
}

/**
 * `GET /entityManager` without an id (EntityBeanManager.search + ICATRest.search): runs a
 * JPQL-style or concise query and returns the JSON text icat.server sends. Entity results are
 * pruned to their INCLUDEs and count against maxEntities with everything they include.
 *
 * @example
 * ```ts
 * searchCall(ctx, "SELECT COUNT(d) FROM Dataset d"); // "[3]"
 * ```
 */
export function searchCall(ctx: ReadContext, query: string): string {
  // EntityBeanManager.getEntitySet: queries not starting with SELECT are the concise syntax.
  const text = query.trim().toUpperCase().startsWith("SELECT") ? query : translateOldSearch(query);
  const parsed = parseSearch(text);
  const compiled = compileSearch(parsed, text);
  // Queries that read the clock are not cached.
  const pageCache = /CURRENT_/i.test(text)
    ? undefined
    : Object.assign(ctx.pageCache, { key: `${ctx.user}\u0000${JSON.stringify({ ...parsed, limit: undefined })}` });
  const { store, policy, user, now, maxEntities } = ctx;
  const rows = runSearch(compiled, { store, policy, user, now, maxEntities, ...(pageCache && { pageCache }) });
  const types = compiled.select.map((s) => s.type);
  const first = rows[0]?.[0];
  if (types.length === 1 && (first === null || isRow(first))) {
    const env = pruneEnv(ctx);
    const items = rows.map(([v]) => {
      if (isRow(v)) return renderTypedEntity(prune(v, compiled.include, env));
      // EntityBeanManager.search counts a NULL row as one returned entity.
      if (--env.budget.left < 0) {
        throw new IcatEngineError("VALIDATION", `attempt to return more than ${env.budget.max} entities`);
      }
      return "null";
    });
    return `[${items.join(",")}]`;
  }
  const items = rows.map((r) =>
    types.length === 1
      ? renderValue(r[0] ?? null, types[0] ?? { kind: "null" })
      : `[${r.map((v, i) => renderValue(v, types[i] ?? { kind: "null" })).join(",")}]`,
  );
  return `[${items.join(",")}]`;
}

/**
 * `GET /entityManager` with an id (EntityBeanManager.get): the get form `Name [[AS] var INCLUDE …]`,
 * or the old `Name INCLUDE …`; returns `{"Name":{…}}`.
 *
 * @example
 * ```ts
 * getCall(ctx, "Dataset INCLUDE Investigation, Facility", 7);
 * ```
 */
export function getCall(ctx: ReadContext, query: string, id: number): string {
  const words = query.trim().split(/\s+/);
  // EntityBeanManager.get: "Name INCLUDE …" is the old form.
  const text = words.length > 1 && words[1]?.toUpperCase() === "INCLUDE" ? translateOldGet(query) : query;
  const parsed = parseGet(text);
  const entity = findEntityName(parsed.entity);
  if (entity !== parsed.entity || entity === undefined) throw badParameter(`${parsed.entity} is not an ICAT entity`);
  const row = ctx.store.get(entity, id);
  if (row === undefined) throw new IcatEngineError("NO_SUCH_OBJECT_FOUND", `${entity}[id:${id}] not found.`);
  if (!mayRead(ctx.policy, ctx.user, row, ctx.store)) {
    throw new IcatEngineError("INSUFFICIENT_PRIVILEGES", `READ access to this ${entity} is not allowed.`);
  }
  const plan = parsed.include && compileInclude(parsed.include, parsed.alias ?? entity, entity);
  return renderTypedEntity(prune(row, plan, pruneEnv(ctx)));
}
