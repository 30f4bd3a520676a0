import type { EntityName } from "../../../model/index.js";
import type { Row, StoredValue } from "./row.js";

/**
 * Read access to the sandbox's tables, as the evaluator and authorization policies see them.
 *
 * @example
 * ```ts
 * const facility = view.get("Facility", 1);
 * const investigations = view.children("Facility", "investigations", 1);
 * ```
 */
export interface StoreView {
  /** The row with this id, if any. */
  get(entity: EntityName, id: number): Row | undefined;
  /** All ids of an entity, ascending. The array must not be modified. */
  ids(entity: EntityName): readonly number[];
  /** The target of a many-to-one field of `row`, if set. */
  related(row: Row, field: string): Row | undefined;
  /** The rows of a one-to-many field of the `parent` row, ascending by id. */
  children(parentEntity: EntityName, field: string, parentId: number): Row[];
  /** A number that changes whenever any row does. */
  readonly version: number;
  /** Rows whose unique key has these values (in `entityInfo[entity].uniqueKey` order). */
  findByKey(entity: EntityName, key: readonly StoredValue[]): Row[];
}
