/**
 * Values of ICAT's `ParameterValueType` enum (icat.server core/entity/ParameterValueType.java).
 *
 * @example
 * ```ts
 * PARAMETER_VALUE_TYPES.includes("NUMERIC"); // true
 * ```
 */
export const PARAMETER_VALUE_TYPES = ["DATE_AND_TIME", "NUMERIC", "STRING"] as const;

/**
 * The value type of a {@link ParameterType}: which of the value fields of a parameter is used.
 *
 * @example
 * ```ts
 * const t: ParameterValueType = "STRING";
 * ```
 */
export type ParameterValueType = (typeof PARAMETER_VALUE_TYPES)[number];

/**
 * Values of ICAT's `StudyStatus` enum (icat.server core/entity/StudyStatus.java).
 *
 * @example
 * ```ts
 * STUDY_STATUSES[0]; // "NEW"
 * ```
 */
export const STUDY_STATUSES = ["NEW", "IN_PROGRESS", "COMPLETE", "CANCELLED"] as const;

/**
 * The status of a {@link Study}.
 *
 * @example
 * ```ts
 * const s: StudyStatus = "IN_PROGRESS";
 * ```
 */
export type StudyStatus = (typeof STUDY_STATUSES)[number];
