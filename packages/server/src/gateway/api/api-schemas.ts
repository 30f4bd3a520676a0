// The catkit REST API's shapes (/api/v1). Zod schemas, so that requests are validated, answers
// serialized and OpenAPI generated from one source.
import { z } from "zod";

export const IdParams = z.object({ id: z.coerce.number().int().positive().describe("ICAT entity id") });

export const PageQuery = z.object({
  offset: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  sessionId: z.string().optional().describe("the ICAT session, when Authorization cannot be sent"),
});

const iso = z.string().describe("ISO 8601 date-time");
const Parameter = z.object({ name: z.string(), value: z.union([z.string(), z.number(), z.null()]), units: z.string().optional() });

export const InvestigationOut = z.object({
  id: z.number(), name: z.string(), visitId: z.string().optional(), title: z.string().optional(),
  summary: z.string().optional(), doi: z.string().optional(), startDate: iso.optional(), endDate: iso.optional(),
  type: z.string().optional(), instruments: z.array(z.string()),
});
export const DatasetOut = z.object({
  id: z.number(), name: z.string(), description: z.string().optional(), location: z.string().optional(),
  investigationId: z.number().optional(), sampleId: z.number().optional(), sampleName: z.string().optional(),
  startDate: iso.optional(), endDate: iso.optional(), complete: z.boolean().optional(), type: z.string().optional(),
  parameters: z.array(Parameter),
});
export const DatafileOut = z.object({
  id: z.number(), name: z.string(), location: z.string().optional(), fileSize: z.number().optional(),
  checksum: z.string().optional(), datasetId: z.number().optional(), createTime: iso.optional(), modTime: iso.optional(),
});
export const SampleOut = z.object({ id: z.number(), name: z.string(), investigationId: z.number().optional(), type: z.string().optional() });

/**
 * A page of results: `hasMore` says whether a next page exists.
 *
 * @example
 * ```ts
 * const schema = pageOf(DatasetOut);
 * ```
 */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), offset: z.number(), limit: z.number(), hasMore: z.boolean() });

export const ErrorOut = z.object({ statusCode: z.number(), code: z.string(), message: z.string() });

export const StatusOut = z.object({ status: z.enum(["ONLINE", "RESTORING", "ARCHIVED"]) });

export const LoginIn = z.object({
  plugin: z.string().min(1).describe("ICAT authenticator, e.g. db or ldap"),
  credentials: z.record(z.string(), z.string()).describe("e.g. { username, password }"),
});
export const SessionOut = z.object({ sessionId: z.string(), userName: z.string(), remainingMinutes: z.number() });

/** Common error answers every route documents. */
export const ERRORS = { 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 502: ErrorOut } as const;
