// Which aggregate fits which selection. python-icat leaves this to the server ("the SUM of entity
// objects or the AVG of strings will certainly not work", icat/query.py setAggregate); catkit
// rejects those combinations while building the query, following the JPQL rules (JPA 2.2 §4.8.5:
// AVG and SUM take numeric arguments; MIN and MAX take orderable ones: numbers, strings, dates)
// and python-icat's one special case: DISTINCT over several attributes (python-icat#76).
import type { AttributeType, EntityInfo } from "../model/index.js";
import { walkPath } from "./attribute-path.js";
import type { Aggregate } from "./query-options.js";
import { QueryError } from "./query-error.js";

const NUMERIC: ReadonlySet<AttributeType> = new Set(["Integer", "Long", "Double"]);
const ORDERABLE: ReadonlySet<AttributeType> = new Set(["Integer", "Long", "Double", "String", "Date"]);

/**
 * Checks that `aggregate` applies to the selected `attributes` (none: the entity objects).
 *
 * @throws {QueryError} `aggregate-mismatch`, saying what the aggregate needs.
 * @example
 * ```ts
 * checkAggregate(queryEntityInfo("Datafile"), ["fileSize"], "SUM"); // ok
 * checkAggregate(queryEntityInfo("Datafile"), ["name"], "SUM");     // throws: SUM needs a numeric attribute
 * ```
 */
export function checkAggregate(entity: EntityInfo, attributes: readonly string[], aggregate: Aggregate | undefined): void {
  if (aggregate === undefined || aggregate === "DISTINCT") return;
  const what = attributes.length === 0 ? `${entity.name} objects` : attributes.join(", ");
  if (attributes.length > 1) {
    throw new QueryError(
      "aggregate-mismatch",
      `Aggregate ${aggregate} cannot apply to several attributes (${what}): only DISTINCT can. Select one attribute.`,
    );
  }
  const fn = aggregate.split(":")[0];
  if (fn === "COUNT") return;
  const path = attributes[0];
  const field = path === undefined ? undefined : walkPath(entity, path).at(-1)?.field;
  const type = field?.kind === "attribute" ? field.type : undefined;
  const needsNumber = fn === "AVG" || fn === "SUM";
  const fits = type !== undefined && (needsNumber ? NUMERIC : ORDERABLE).has(type);
  if (!fits) {
    const needs = needsNumber ? "a numeric attribute (Integer, Long, Double)" : "a number, string or date attribute";
    const got = type === undefined ? what : `${what} (${type})`;
    throw new QueryError("aggregate-mismatch", `Aggregate ${aggregate} needs ${needs}, not ${got}.`);
  }
}
