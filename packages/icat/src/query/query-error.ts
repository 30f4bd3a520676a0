// The one error type the query builder throws. python-icat raises ValueError, TypeError or
// EntityTypeError (icat/query.py, icat/entity.py getAttrInfo, icat/client.py getEntityClass);
// catkit folds them into one CatkitError with code ICAT_QUERY and a `reason` to switch on.
import { CatkitError } from "@catkit/core";
import { IcatErrorCode } from "../errors/icat-error-codes.js";

/**
 * Why a query could not be built.
 *
 * @example
 * ```ts
 * if (err instanceof QueryError && err.reason === "unknown-attribute") suggestFields();
 * ```
 */
export type QueryErrorReason =
  /** The entity name is not an ICAT entity (python-icat EntityTypeError). */
  | "unknown-entity"
  /** A path names a field the entity does not have (python-icat "Unknown attribute name"). */
  | "unknown-attribute"
  /** A path goes on past a plain attribute, or is not a well-formed path (python-icat "Invalid attrname"). */
  | "invalid-path"
  /** An include or join spec names an attribute where a relation is required. */
  | "not-a-relation"
  /** The aggregate is not one of the nine python-icat allows. */
  | "invalid-aggregate"
  /** The aggregate cannot apply to the selected attributes (e.g. SUM of a string). */
  | "aggregate-mismatch"
  /** A join spec is not JOIN, INNER JOIN, LEFT JOIN or LEFT OUTER JOIN. */
  | "invalid-join-spec"
  /** An order item is malformed: bad direction, a function on a relation, a repeated attribute. */
  | "invalid-order"
  /** A condition fragment is not exactly one comparison. */
  | "invalid-condition"
  /** A value given to a condition helper cannot be written as a JPQL literal. */
  | "invalid-value"
  /** LIMIT is not a pair of non-negative integers. */
  | "invalid-limit";

/**
 * A query could not be built from the given parts: an unknown attribute, a bad aggregate, a
 * condition that is not a single comparison, … The message says what was wrong and what to do.
 *
 * @example
 * ```ts
 * try {
 *   new Query("Dataset", { conditions: { name: "= 'x' OR 1=1" } });
 * } catch (err) {
 *   if (err instanceof QueryError && err.reason === "invalid-condition") console.error(err.message);
 * }
 * ```
 */
export class QueryError extends CatkitError {
  static override readonly kind: string = "catkit.icat.QueryError";
  readonly reason: QueryErrorReason;

  constructor(reason: QueryErrorReason, message: string) {
    super(IcatErrorCode.Query, message);
    this.reason = reason;
  }

  protected override details(): Record<string, unknown> {
    return { reason: this.reason };
  }
}
