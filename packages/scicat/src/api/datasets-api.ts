// Dataset endpoints, v4 (BE:src/datasets/datasets.v4.controller.ts, datasets-public.v4.controller.ts)
// and the v3 ones scitacean still uses (fullquery).
import { PID } from "../pid.js";
import type { V3Filter } from "../filters/v3-filter.js";
import type { V4Filter } from "../filters/v4-filter.js";
import { callJson, filterQuery, type ApiContext, type CallOptions } from "./api-context.js";

/**
 * Options of a dataset update.
 *
 * @example
 * ```ts
 * await api.datasets.update(pid, { comment: null }, { mergePatch: true, ifUnmodifiedSince: new Date(ds.updatedAt) });
 * ```
 */
export interface UpdateOptions extends CallOptions {
  /** RFC 7396 merge-patch (`null` deletes) instead of plain JSON (`null` leaves unchanged). */
  mergePatch?: boolean;
  /** Fail with 412 if the dataset changed after this date (If-Unmodified-Since). */
  ifUnmodifiedSince?: Date;
}

type Json = Record<string, unknown>;
const path = (pid: string | PID) => `datasets/${PID.parse(pid).toPath()}`;
const includeQuery = (include: readonly string[] = []) => new URLSearchParams(include.map((i): [string, string] => ["include", i]));

/** The dataset calls of the low-level client. */
export function datasetsApi(ctx: ApiContext) {
  return {
    /** POST /api/v4/datasets → 201 with the stored dataset. */
    create: (body: Json, o: CallOptions = {}) => callJson(ctx, { method: "POST", version: "v4", path: "datasets", body, session: "required", operation: "scicat.createDataset", ...o }) as Promise<Json>,
    /** POST /api/v4/datasets/isValid → `{valid}`. */
    validate: (body: Json, o: CallOptions = {}) => callJson(ctx, { method: "POST", version: "v4", path: "datasets/isValid", body, session: "required", operation: "scicat.validateDataset", ...o }) as Promise<{ valid: boolean }>,
    /** GET /api/v4/datasets/{pid}?include=… (undefined never: a missing dataset is a 404). */
    get: (pid: string | PID, include?: readonly string[], o: CallOptions = {}) =>
      callJson(ctx, { method: "GET", version: "v4", path: path(pid), query: includeQuery(include), session: "required", operation: "scicat.getDataset", ...o }) as Promise<Json>,
    /** GET /api/v4/datasets/public/{pid}: undefined when missing or unpublished (empty 200). */
    getPublic: (pid: string | PID, include?: readonly string[], o: CallOptions = {}) =>
      callJson(ctx, { method: "GET", version: "v4", path: `datasets/public/${PID.parse(pid).toPath()}`, query: includeQuery(include), session: "none", operation: "scicat.getPublicDataset", ...o }) as Promise<Json | undefined>,
    /** GET /api/v4/datasets?filter= (always pass limits: the default is 10). */
    find: (filter: V4Filter, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v4", path: "datasets", query: filterQuery(filter), session: "required", operation: "scicat.findDatasets", ...o }) as Promise<Json[]>,
    /** GET /api/v4/datasets/public?filter=. */
    findPublic: (filter: V4Filter, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v4", path: "datasets/public", query: filterQuery(filter), session: "none", operation: "scicat.findPublicDatasets", ...o }) as Promise<Json[]>,
    /** GET /api/v4/datasets/count?filter= → `{count}`. */
    count: (filter: Pick<V4Filter, "where"> = {}, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v4", path: "datasets/count", query: filterQuery(filter), session: "required", operation: "scicat.countDatasets", ...o }) as Promise<{ count: number }>,
    /** GET /api/v4/datasets/public/count?filter=. */
    countPublic: (filter: Pick<V4Filter, "where"> = {}, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v4", path: "datasets/public/count", query: filterQuery(filter), session: "none", operation: "scicat.countPublicDatasets", ...o }) as Promise<{ count: number }>,
    /** GET /api/v4/datasets/findOne?filter=: undefined when nothing matches. */
    findOne: (filter: V4Filter, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v4", path: "datasets/findOne", query: filterQuery(filter), session: "required", operation: "scicat.findOneDataset", ...o }) as Promise<Json | undefined>,
    /** PATCH /api/v4/datasets/{pid}. */
    update: (pid: string | PID, body: Json, o: UpdateOptions = {}) =>
      callJson(ctx, {
        method: "PATCH", version: "v4", path: path(pid), body, session: "required", operation: "scicat.updateDataset",
        ...(o.mergePatch ? { contentType: "application/merge-patch+json" } : {}),
        ...(o.ifUnmodifiedSince ? { headers: { "if-unmodified-since": o.ifUnmodifiedSince.toUTCString() } } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
      }) as Promise<Json>,
    /** PUT /api/v4/datasets/{pid} (replaces the document). */
    replace: (pid: string | PID, body: Json, o: CallOptions = {}) => callJson(ctx, { method: "PUT", version: "v4", path: path(pid), body, session: "required", operation: "scicat.replaceDataset", ...o }) as Promise<Json>,
    /** DELETE /api/v4/datasets/{pid} (DELETE_GROUPS only). */
    delete: (pid: string | PID, o: CallOptions = {}) => callJson(ctx, { method: "DELETE", version: "v4", path: path(pid), session: "required", operation: "scicat.deleteDataset", ...o }),
    /** GET /api/v4/datasets/{pid}/datasetlifecycle. */
    lifecycle: (pid: string | PID, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v4", path: `${path(pid)}/datasetlifecycle`, session: "required", operation: "scicat.getDatasetLifecycle", ...o }) as Promise<Json>,
    /** GET /api/v3/datasets?filter= (LoopBack filter; default limit 100). */
    findV3: (filter: V3Filter, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v3", path: "datasets", query: filterQuery(filter), operation: "scicat.findDatasetsV3", ...o }) as Promise<Json[]>,
    /** GET /api/v3/datasets/count?filter=. */
    countV3: (filter: Pick<V3Filter, "where"> = {}, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v3", path: "datasets/count", query: filterQuery(filter), operation: "scicat.countDatasetsV3", ...o }) as Promise<{ count: number }>,
    /** GET /api/v3/datasets/fullquery?fields=&limits= (scitacean query_datasets). */
    fullquery: (fields: Json, limits: { limit: number; skip?: number; order?: string }, o: CallOptions = {}) =>
      callJson(ctx, { method: "GET", version: "v3", path: "datasets/fullquery", query: { fields: JSON.stringify(fields), limits: JSON.stringify(limits) }, operation: "scicat.fullquery", ...o }) as Promise<Json[]>,
    /** GET /api/v3/datasets/{pid} (v3 output: singular aliases and `history`). */
    getV3: (pid: string | PID, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v3", path: path(pid), operation: "scicat.getDatasetV3", ...o }) as Promise<Json>,
  };
}
