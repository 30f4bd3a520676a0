// zod schemas of ICAT's attribute values, used by the generated entity schemas
// (generated/entity-schemas.ts). They accept what the client's row readers accept, so that the
// public schemas and the client agree on every answer ICAT sends.
import { z } from "zod";
import { PARAMETER_VALUE_TYPES, STUDY_STATUSES } from "./enums.js";
import type { AttributeType } from "./field-info.js";
import { IcatDateFormatError, parseIcatDate } from "./icat-date.js";

/**
 * A zod schema for ICAT dates (`yyyy-MM-dd'T'HH:mm:ss.SSSXXX`) that outputs a `Date`.
 *
 * @example
 * ```ts
 * icatDateSchema.parse("2019-03-11T14:14:47.000Z"); // Date
 * ```
 */
export const icatDateSchema = z.string().transform((text, ctx) => {
  try {
    return parseIcatDate(text);
  } catch (e) {
    ctx.addIssue({ code: "custom", message: e instanceof IcatDateFormatError ? e.message : String(e) });
    return z.NEVER;
  }
});

/**
 * The schema of each attribute type. A Double may be `null`: icat.server writes a NaN double as
 * JSON null (ICATRest.jsonise via javax.json), read back as `NaN`.
 *
 * @example
 * ```ts
 * attributeSchemas.Double.parse(null); // NaN
 * ```
 */
export const attributeSchemas = {
  String: z.string(),
  Integer: z.number().int(),
  Long: z.number().int(),
  Double: z.number().nullable().transform((v) => v ?? Number.NaN),
  Boolean: z.boolean(),
  Date: icatDateSchema,
  ParameterValueType: z.enum(PARAMETER_VALUE_TYPES),
  StudyStatus: z.enum(STUDY_STATUSES),
} as const satisfies Record<AttributeType, z.ZodType>;
