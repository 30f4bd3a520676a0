// The ICAT query builder: python-icat's Query, typed against the entity model, with safe
// condition fragments and value helpers.
export { Query, type QueryConstructor } from "./query.js";
export {
  AGGREGATES,
  JOIN_SPECS,
  type Aggregate,
  type ConditionValue,
  type JoinSpec,
  type OrderDirection,
  type OrderItem,
  type QueryOptions,
} from "./query-options.js";
export { QueryError, type QueryErrorReason } from "./query-error.js";
export type { QueryWarning, QueryWarningHandler } from "./query-warning.js";
export type { QueryClauses } from "./render-query.js";
export { ROOT_VARIABLE } from "./alias-substitution.js";
export { checkConditionFragment } from "./condition-fragment.js";
export { between, eq, ge, gt, inList, isNotNull, isNull, le, like, lt, ne, notIn, notLike } from "./condition-helpers.js";
export { currentTimestamp, currentUser, enumValue, jpqlLiteral, ts, type JpqlRaw, type JpqlValue } from "./jpql-literal.js";
export type {
  CheckFailed,
  PathFunction,
  PathProblem,
  ResolvePath,
  ResolvedPath,
} from "./path-types.js";
