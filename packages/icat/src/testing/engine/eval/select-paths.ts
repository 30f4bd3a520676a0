import { entityInfo, type EntityName } from "../../../model/index.js";
import type { Expr } from "../query/ast.js";
import type { Row } from "../store/row.js";
import type { EvalContext } from "./eval-context.js";
import type { QueryScope } from "./query-scope.js";

type PathExpr = Extract<Expr, { kind: "path" }>;

/**
 * An entity whose read rules filter the rows of a search, and how to reach it from the bindings.
 *
 * @example
 * ```ts
 * const t: AuthzTarget = { entity: "Dataset", reach: (ctx) => ctx.bindings[0] ?? null };
 * ```
 */
export interface AuthzTarget {
  readonly entity: EntityName;
  readonly reach: (ctx: EvalContext) => Row | null;
}

function collect(e: Expr, out: PathExpr[]): void {
  switch (e.kind) {
    case "path":
      out.push(e);
      return;
    case "aggregate":
    case "negate":
    case "not":
      collect(e.arg, out);
      return;
    case "call":
      e.args.forEach((a) => collect(a, out));
      return;
    case "arith":
    case "and":
    case "or":
    case "compare":
      collect(e.left, out);
      collect(e.right, out);
      return;
    default:
      return;
  }
}

/**
 * Works out, like icat.server's FromClause, which entities the SELECT clause exposes: for each
 * distinct path (`ds`, `ds.name`, `ds.investigation.title`, `ds.datafiles`) the entity owning the
 * value. Searches filter rows by the read rules of these entities only; WHERE paths are not
 * checked (SearchQuery.getJPQL).
 *
 * @example
 * ```ts
 * authzTargets(parsed.select, scope).paths; // ["ds"]
 * ```
 */
export function authzTargets(
  select: readonly Expr[],
  scope: QueryScope,
): { paths: string[]; targets: AuthzTarget[]; entityOf: (path: string) => EntityName | undefined } {
  const found: PathExpr[] = [];
  select.forEach((e) => collect(e, found));
  const paths = [...new Set(found.map((p) => p.text))];
  const targets = new Map<string, AuthzTarget>();
  const entities = new Map<string, EntityName>();
  for (const p of found) {
    const head = scope.lookup(p.head);
    if (head === undefined) continue;
    let slot = head.slot;
    let entity = head.entity;
    const nav: string[] = [];
    let isEntity = true;
    for (const step of p.steps) {
      const field = entityInfo[entity].fields[step];
      if (field?.kind === "many-to-one") {
        nav.push(step);
        entity = field.target;
      } else if (field?.kind === "one-to-many") {
        slot = scope.implicitJoins.get(p.text) ?? slot;
        nav.length = 0;
        entity = field.target;
      } else {
        isEntity = false;
        break;
      }
    }
    if (isEntity) entities.set(p.text, entity);
    const key = `${slot}:${nav.join(".")}`;
    if (targets.has(key)) continue;
    const [s, steps] = [slot, [...nav]];
    targets.set(key, {
      entity,
      reach: (ctx) => {
        let row = ctx.bindings[s] ?? null;
        for (const f of steps) row = row === null ? null : (ctx.store.related(row, f) ?? null);
        return row;
      },
    });
  }
  return { paths, targets: [...targets.values()], entityOf: (path) => entities.get(path) };
}
