import { entityInfo, findEntityName } from "../../../model/index.js";
import type { FromItem } from "../query/ast.js";
import { badParameter } from "../icat-engine-error.js";
import type { QueryScope } from "./query-scope.js";

/**
 * Compiles the FROM clause into the scope's nested-loop plan: `Entity var` declarations,
 * `[LEFT [OUTER] | INNER] JOIN path var`, and the comma forms `, path var` and `, IN(path) var`
 * (inner joins). A join path is a variable, then many-to-one steps, then any relation.
 *
 * @example
 * ```ts
 * compileFrom(parsed.from, scope); // scope.plan now holds one step per variable
 * ```
 */
export function compileFrom(items: readonly FromItem[], scope: QueryScope): void {
  for (const item of items) {
    if (item.kind === "root") {
      const entity = findEntityName(item.entity);
      if (entity !== item.entity) {
        const hint = entity === undefined ? "" : ` (entity names are case-sensitive: did you mean ${entity}?)`;
        throw badParameter(`${item.entity} is not an ICAT entity${hint}`);
      }
      const slot = scope.declare(item.alias, entity, item.pos);
      scope.plan.push({ kind: "root", slot, entity });
      continue;
    }
    const [head = "", ...steps] = item.path.split(".");
    const parent = scope.lookup(head);
    if (parent === undefined) {
      throw badParameter(`idVar '${head.toUpperCase()}' referenced in the FROM clause is not defined (${item.path} at position ${item.pos})`);
    }
    let entity = parent.entity;
    const nav: string[] = [];
    for (const [i, name] of steps.entries()) {
      const field = entityInfo[entity].fields[name];
      if (field === undefined || field.kind === "attribute") {
        throw badParameter(`${entity} has no relationship field ${name} (${item.path} at position ${item.pos})`);
      }
      const lastStep = i === steps.length - 1;
      if (!lastStep && field.kind === "one-to-many") {
        throw badParameter(`${item.path} at position ${item.pos} cannot navigate through the collection ${name}: join it to a variable first`);
      }
      if (lastStep) {
        const slot = scope.declare(item.alias, field.target, item.pos);
        scope.plan.push({
          kind: "join", slot, entity: field.target, parentSlot: parent.slot, nav, field: name,
          collection: field.kind === "one-to-many", left: item.left,
        });
      } else {
        nav.push(name);
      }
      entity = field.target;
    }
    if (steps.length === 0) throw badParameter(`Path ${item.path} at position ${item.pos} must contain a '.'`);
  }
}
