// The two warnings python-icat raises from setOrder (icat/exception.py QueryNullableOrderWarning,
// QueryOneToManyOrderWarning; icat/query.py Query.setOrder). catkit never prints them: they go to
// the query's `warnings` list and to the `onWarning` callback.

/**
 * A query that is valid but probably does not do what was meant.
 * - `nullable-order`: ordering through a nullable many-to-one relation joins it with an inner
 *   JOIN, which silently drops the rows where the relation is null.
 * - `one-to-many-order`: ordering through a one-to-many relation repeats a row once per related
 *   object and drops rows that have none.
 *
 * @example
 * ```ts
 * const q = new Query("Datafile", { order: ["datafileFormat", "name"] });
 * q.warnings[0]?.kind; // "nullable-order"
 * ```
 */
export interface QueryWarning {
  readonly kind: "nullable-order" | "one-to-many-order";
  /** The relation path that causes it, e.g. "datafileFormat". */
  readonly path: string;
  readonly message: string;
}

/**
 * Called once for each warning, as it is raised.
 *
 * @example
 * ```ts
 * const onWarning: QueryWarningHandler = (w) => logger.warn(w.message);
 * ```
 */
export type QueryWarningHandler = (warning: QueryWarning) => void;

/**
 * The warning for ordering through a nullable many-to-one relation (python-icat
 * QueryNullableOrderWarning): silenced by a condition on the relation or a join spec for it.
 *
 * @example
 * ```ts
 * nullableOrderWarning("grouping").kind; // "nullable-order"
 * ```
 */
export function nullableOrderWarning(path: string): QueryWarning {
  return {
    kind: "nullable-order",
    path,
    message:
      `Ordering by the nullable relation '${path}' joins it with an inner JOIN, which drops every row ` +
      `where it is null (as if '${path} IS NOT NULL' were a condition). Add a condition on '${path}' or ` +
      `a join spec for it (e.g. LEFT JOIN) to say what you want.`,
  };
}

/**
 * The warning for ordering through a one-to-many relation (python-icat
 * QueryOneToManyOrderWarning): silenced by a join spec for the relation.
 *
 * @example
 * ```ts
 * oneToManyOrderWarning("investigationUsers").kind; // "one-to-many-order"
 * ```
 */
export function oneToManyOrderWarning(path: string): QueryWarning {
  return {
    kind: "one-to-many-order",
    path,
    message:
      `Ordering by the one-to-many relation '${path}' returns each row once per related object and ` +
      `drops rows that have none. Set a join spec for '${path}' (e.g. LEFT JOIN) to accept this.`,
  };
}
