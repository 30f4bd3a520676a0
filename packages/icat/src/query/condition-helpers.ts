// Builders for the condition fragments python-icat expects ("= 'x'", "LIKE 'a%'", …; see
// icat/query.py addConditions). Every value goes through jpqlLiteral, so the value can only ever
// be one literal token and cannot change the structure of the query.
import { jpqlLiteral, type JpqlValue } from "./jpql-literal.js";
import { QueryError } from "./query-error.js";

/**
 * `= value`.
 *
 * @example
 * ```ts
 * eq("O'Brien"); // "= 'O''Brien'"
 * ```
 */
export function eq(value: JpqlValue): string {
  return `= ${jpqlLiteral(value)}`;
}

/**
 * `<> value`.
 *
 * @example
 * ```ts
 * ne("raw"); // "<> 'raw'"
 * ```
 */
export function ne(value: JpqlValue): string {
  return `<> ${jpqlLiteral(value)}`;
}

/**
 * `< value`.
 *
 * @example
 * ```ts
 * lt(10); // "< 10"
 * ```
 */
export function lt(value: JpqlValue): string {
  return `< ${jpqlLiteral(value)}`;
}

/**
 * `<= value`.
 *
 * @example
 * ```ts
 * le(10); // "<= 10"
 * ```
 */
export function le(value: JpqlValue): string {
  return `<= ${jpqlLiteral(value)}`;
}

/**
 * `> value`.
 *
 * @example
 * ```ts
 * gt(5.0); // "> 5"
 * ```
 */
export function gt(value: JpqlValue): string {
  return `> ${jpqlLiteral(value)}`;
}

/**
 * `>= value`.
 *
 * @example
 * ```ts
 * ge("2012-01-01"); // ">= '2012-01-01'"
 * ```
 */
export function ge(value: JpqlValue): string {
  return `>= ${jpqlLiteral(value)}`;
}

function escapeClause(escape: string | undefined): string {
  if (escape === undefined) return "";
  if ([...escape].length !== 1) {
    throw new QueryError("invalid-value", `The LIKE escape must be exactly one character, got '${escape}'.`);
  }
  return ` ESCAPE ${jpqlLiteral(escape)}`;
}

/**
 * `LIKE 'pattern' [ESCAPE 'c']`. `%` and `_` in the pattern keep their LIKE meaning; pass an
 * escape character to match them literally.
 *
 * @throws {QueryError} `invalid-value` if `escape` is not exactly one character.
 * @example
 * ```ts
 * like("e2083%");             // "LIKE 'e2083%'"
 * like("100\\%%", "\\");      // "LIKE '100\\%%' ESCAPE '\\'"
 * ```
 */
export function like(pattern: string, escape?: string): string {
  return `LIKE ${jpqlLiteral(pattern)}${escapeClause(escape)}`;
}

/**
 * `NOT LIKE 'pattern' [ESCAPE 'c']`.
 *
 * @example
 * ```ts
 * notLike("tmp%"); // "NOT LIKE 'tmp%'"
 * ```
 */
export function notLike(pattern: string, escape?: string): string {
  return `NOT ${like(pattern, escape)}`;
}

function list(values: readonly JpqlValue[], helper: string): string {
  if (values.length === 0) {
    throw new QueryError("invalid-value", `${helper}([]) would render "IN ()", which is not valid JPQL; pass at least one value.`);
  }
  return `(${values.map(jpqlLiteral).join(", ")})`;
}

/**
 * `IN (v1, v2, …)`.
 *
 * @throws {QueryError} `invalid-value` for an empty list.
 * @example
 * ```ts
 * inList(["reader", "writer"]); // "IN ('reader', 'writer')"
 * ```
 */
export function inList(values: readonly JpqlValue[]): string {
  return `IN ${list(values, "inList")}`;
}

/**
 * `NOT IN (v1, v2, …)`.
 *
 * @throws {QueryError} `invalid-value` for an empty list.
 * @example
 * ```ts
 * notIn([1, 2]); // "NOT IN (1, 2)"
 * ```
 */
export function notIn(values: readonly JpqlValue[]): string {
  return `NOT IN ${list(values, "notIn")}`;
}

/**
 * `BETWEEN low AND high`.
 *
 * @example
 * ```ts
 * between(1, 2); // "BETWEEN 1 AND 2"
 * ```
 */
export function between(low: JpqlValue, high: JpqlValue): string {
  return `BETWEEN ${jpqlLiteral(low)} AND ${jpqlLiteral(high)}`;
}

/**
 * `IS NULL`.
 *
 * @example
 * ```ts
 * new Query("Rule", { conditions: { grouping: isNull() } });
 * ```
 */
export function isNull(): string {
  return "IS NULL";
}

/**
 * `IS NOT NULL`.
 *
 * @example
 * ```ts
 * new Query("Rule", { conditions: { grouping: isNotNull() } });
 * ```
 */
export function isNotNull(): string {
  return "IS NOT NULL";
}
