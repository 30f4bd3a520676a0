import { entityInfo, META_FIELD_TYPES, type EntityName } from "../../../model/index.js";
import type { Expr } from "../query/ast.js";
import { badParameter } from "../icat-engine-error.js";
import type { Row } from "../store/row.js";
import type { Compiled, EvalContext } from "./eval-context.js";
import type { QueryScope } from "./query-scope.js";
import type { Value, ValueType } from "./value.js";

type PathExpr = Extract<Expr, { kind: "path" }>;

/**
 * How a path may end, and which clause it is in (for messages).
 *
 * @example
 * ```ts
 * const o: PathOptions = { clause: "SELECT", selectJoin: true };
 * ```
 */
export interface PathOptions {
  readonly clause: string;
  /**
   * SELECT items: a final one-to-many step becomes an implicit inner join (SELECT ds.datafiles)
   * and a final many-to-one drops rows where it is NULL.
   */
  readonly selectJoin?: boolean;
}

interface Resolved {
  readonly slot: number;
  readonly nav: readonly string[];
  readonly last: { name: string; kind: "meta" | "attribute" | "many-to-one" | "one-to-many" } | undefined;
  readonly type: ValueType;
  readonly entity: EntityName;
}

function resolve(expr: PathExpr, scope: QueryScope, clause: string): Resolved {
  const head = scope.lookup(expr.head);
  if (head === undefined) {
    throw badParameter(
      `idVar '${expr.head.toUpperCase()}' referenced in the ${clause} clause is not defined in the FROM clause (${expr.text} at position ${expr.pos})`,
    );
  }
  let entity = head.entity;
  const nav: string[] = [];
  let last: Resolved["last"];
  let type: ValueType = { kind: "entity", entity };
  for (const [i, name] of expr.steps.entries()) {
    if (last !== undefined && last.kind !== "many-to-one") {
      const what = last.kind === "one-to-many" ? "the collection" : "the attribute";
      const hint = last.kind === "one-to-many" ? ": JOIN it to a variable first" : "";
      throw badParameter(`${expr.text} at position ${expr.pos} cannot navigate through ${what} ${last.name}${hint}`);
    }
    if (last !== undefined) nav.push(last.name);
    const meta = META_FIELD_TYPES[name as keyof typeof META_FIELD_TYPES] as (typeof META_FIELD_TYPES)[keyof typeof META_FIELD_TYPES] | undefined;
    const field = entityInfo[entity].fields[name];
    if (meta !== undefined) {
      last = { name, kind: "meta" };
      type = { kind: "scalar", type: meta };
    } else if (field === undefined) {
      throw badParameter(`${entity} has no field ${name} (${expr.text} at position ${expr.pos})`);
    } else if (field.kind === "attribute") {
      last = { name, kind: "attribute" };
      type = { kind: "scalar", type: field.type };
    } else {
      last = { name, kind: field.kind };
      if (i < expr.steps.length - 1 || field.kind === "many-to-one") entity = field.target;
      type = { kind: "entity", entity: field.target };
    }
  }
  return { slot: head.slot, nav, last, type, entity };
}

function navigate(ctx: EvalContext, slot: number, nav: readonly string[]): Row | null {
  let row = ctx.bindings[slot] ?? null;
  for (const field of nav) {
    if (row === null) return null;
    row = ctx.store.related(row, field) ?? null;
  }
  return row;
}

function readField(row: Row, name: string, kind: "meta" | "attribute"): Value {
  if (kind === "attribute") return row.values[name] ?? null;
  switch (name) {
    case "id":
      return row.id;
    case "createId":
      return row.createId;
    case "createTime":
      return row.createTime;
    case "modId":
      return row.modId;
    default:
      return row.modTime;
  }
}

/**
 * Compiles a path expression (`ds`, `ds.name`, `ds.investigation.facility.name`). Navigating
 * through a many-to-one implies an inner join, so a guard drops rows where it is NULL (except
 * for a final `.id`, which JPA reads from the foreign key).
 *
 * @example
 * ```ts
 * compilePath(pathExpr, scope, { clause: "WHERE" }).evaluate(ctx);
 * ```
 */
export function compilePath(expr: PathExpr, scope: QueryScope, options: PathOptions): Compiled {
  const r = resolve(expr, scope, options.clause);
  const { slot, last } = r;
  // A final `.id` is read from the foreign key, so its many-to-one is not joined; a SELECT item
  // ending in a many-to-one is (SELECT ds.sample drops datasets without a sample).
  const guardNav =
    last?.kind === "meta" && last.name === "id"
      ? r.nav.slice(0, -1)
      : options.selectJoin === true && last?.kind === "many-to-one"
        ? [...r.nav, last.name]
        : r.nav;
  if (guardNav.length > 0) {
    scope.addGuard(`${slot}.${guardNav.join(".")}`, (ctx) => navigate(ctx, slot, guardNav) !== null);
  }
  if (last?.kind === "one-to-many") {
    if (options.selectJoin !== true) {
      throw badParameter(
        `${expr.text} at position ${expr.pos} is a collection: JOIN it to a variable, or use SIZE, IS EMPTY or MEMBER OF`,
      );
    }
    let joined = scope.implicitJoins.get(expr.text);
    if (joined === undefined) {
      joined = scope.newSlot();
      scope.implicitJoins.set(expr.text, joined);
      const element = r.type.kind === "entity" ? r.type.entity : r.entity;
      scope.plan.push({ kind: "join", slot: joined, entity: element, parentSlot: slot, nav: r.nav, field: last.name, collection: true, left: false });
    }
    const s = joined;
    return { type: r.type, aggregate: false, evaluate: (ctx) => ctx.bindings[s] ?? null };
  }
  if (last === undefined) return { type: r.type, aggregate: false, evaluate: (ctx) => ctx.bindings[slot] ?? null };
  const { nav } = r;
  if (last.kind === "many-to-one") {
    return {
      type: r.type,
      aggregate: false,
      evaluate: (ctx) => {
        const row = navigate(ctx, slot, nav);
        return row === null ? null : (ctx.store.related(row, last.name) ?? null);
      },
    };
  }
  const kind = last.kind;
  const name = last.name;
  if (nav.length === 0) {
    return {
      type: r.type,
      aggregate: false,
      evaluate: (ctx) => {
        const row = ctx.bindings[slot];
        return row ? readField(row, name, kind) : null;
      },
    };
  }
  return {
    type: r.type,
    aggregate: false,
    evaluate: (ctx) => {
      const row = navigate(ctx, slot, nav);
      return row === null ? null : readField(row, name, kind);
    },
  };
}

/**
 * Compiles a collection-valued path (`ds.datafiles`) for SIZE, IS EMPTY and MEMBER OF.
 *
 * @example
 * ```ts
 * compileCollection(pathExpr, scope, "WHERE").rows(ctx)?.length;
 * ```
 */
export function compileCollection(
  expr: Expr,
  scope: QueryScope,
  clause: string,
): { entity: EntityName; rows: (ctx: EvalContext) => Row[] | null } {
  if (expr.kind !== "path") throw badParameter(`Expected a collection path at position ${expr.pos}`);
  const r = resolve(expr, scope, clause);
  const last = r.last;
  if (last?.kind !== "one-to-many") {
    throw badParameter(`${expr.text} at position ${expr.pos} is not a collection (one-to-many relation)`);
  }
  const { slot, nav } = r;
  if (nav.length > 0) scope.addGuard(`${slot}.${nav.join(".")}`, (ctx) => navigate(ctx, slot, nav) !== null);
  return {
    entity: r.type.kind === "entity" ? r.type.entity : r.entity,
    rows: (ctx) => {
      const row = navigate(ctx, slot, nav);
      return row === null ? null : ctx.store.children(row.entity, last.name, row.id);
    },
  };
}
