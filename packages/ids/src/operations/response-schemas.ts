// Shapes of IDS's JSON answers (ids.server IdsService.java / IdsBean.java), validated with zod
// so that a proxy page or a future format change fails clearly instead of deep in user code.
import { z } from "zod";

/** `GET version`: `{"version":"2.1.1"}` (IdsService.getVersion). */
export const VersionSchema = z.object({ version: z.string() });

/** `GET getServiceStatus` (FiniteStateMachine.getServiceStatus). */
export const ServiceStatusSchema = z.object({
  opsQueue: z.array(z.object({ data: z.string(), request: z.string() })).default([]),
  lockCount: z.number().int().nonnegative().default(0),
  locks: z.array(z.object({ id: z.number(), type: z.string(), count: z.number() })).default([]),
  failures: z.array(z.number()).default([]),
});

/** `GET getDatafileIds`: `{"ids":[…]}`, plus `zip` and `compress` for a preparedId (IdsBean.getDatafileIds). */
export const DatafileIdsSchema = z.object({
  ids: z.array(z.number().int()),
  zip: z.boolean().optional(),
  compress: z.boolean().optional(),
});

/** A datafile status from `getStatus`. */
export const StatusSchema = z.enum(["ONLINE", "RESTORING", "ARCHIVED"]);

/**
 * What `getServiceStatus` returns: queued storage operations, locks and remembered restore
 * failures. All lists empty means IDS is idle.
 *
 * @example
 * ```ts
 * const { opsQueue, failures } = await ids.getServiceStatus();
 * ```
 */
export type ServiceStatus = z.output<typeof ServiceStatusSchema>;

/**
 * What `getDatafileIds` returns. `zip` and `compress` are set for a preparedId.
 *
 * @example
 * ```ts
 * const { ids: datafileIds } = await ids.getDatafileIds({ datasetIds: [7] });
 * ```
 */
export type DatafileIds = z.output<typeof DatafileIdsSchema>;

/**
 * Storage status of data: `ONLINE`, `RESTORING` or `ARCHIVED`.
 *
 * @example
 * ```ts
 * const status: DataStatus = await ids.getStatus(selection);
 * ```
 */
export type DataStatus = z.output<typeof StatusSchema>;
