// scitacean's strict vs lenient construction (SCT:_base_model.py `construct`): strict
// validation throws; lenient logs a warning and returns what the server sent, unvalidated.
import { ResponseValidationError, type Logger } from "@catkit/core";
import { formatIssues } from "@catkit/core/internal";
import type { z } from "zod";

/**
 * Validates `value` with `schema`; on failure throws (strict) or warns and returns it as is.
 *
 * @example
 * ```ts
 * const ds = construct(DatasetSchema, json, { strict: false, logger, what: `dataset ${pid}` });
 * ```
 */
export function construct<S extends z.ZodType>(schema: S, value: unknown, options: { strict: boolean; logger: Logger; what: string }): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = formatIssues(result.error.issues);
  if (options.strict) {
    throw new ResponseValidationError(`${options.what} failed validation: ${issues.slice(0, 3).join("; ")}${issues.length > 3 ? "; …" : ""}`, { issues });
  }
  options.logger.warn({ issues }, `Validation of metadata failed for ${options.what}; the result may be incomplete or broken`);
  return value as z.output<S>;
}
