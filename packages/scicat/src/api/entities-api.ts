// Sample, proposal and instrument endpoints, v3 (BE:src/samples, proposals, instruments
// controllers): create, find with a LoopBack filter, count, read, update, delete.
import { callJson, filterQuery, type ApiContext, type CallOptions } from "./api-context.js";
import type { V3Filter } from "../filters/v3-filter.js";

type Json = Record<string, unknown>;

/** The calls of one v3 entity collection ("samples", "proposals", "instruments"). */
export function entityApi(ctx: ApiContext, collection: "samples" | "proposals" | "instruments") {
  const op = (verb: string) => `scicat.${verb}.${collection}`;
  const byId = (id: string) => `${collection}/${encodeURIComponent(id)}`;
  return {
    /** POST /api/v3/{collection}. */
    create: (body: Json, o: CallOptions = {}) => callJson(ctx, { method: "POST", version: "v3", path: collection, body, session: "required", operation: op("create"), ...o }) as Promise<Json>,
    /** GET /api/v3/{collection}/{id}. */
    get: (id: string, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v3", path: byId(id), operation: op("get"), ...o }) as Promise<Json>,
    /** GET /api/v3/{collection}?filter=. */
    find: (filter: V3Filter, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v3", path: collection, query: filterQuery(filter), operation: op("find"), ...o }) as Promise<Json[]>,
    /** GET /api/v3/{collection}/count?filter=. */
    count: (filter: Pick<V3Filter, "where"> = {}, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v3", path: `${collection}/count`, query: filterQuery(filter), operation: op("count"), ...o }) as Promise<{ count: number }>,
    /** PATCH /api/v3/{collection}/{id}. */
    update: (id: string, body: Json, o: CallOptions = {}) => callJson(ctx, { method: "PATCH", version: "v3", path: byId(id), body, session: "required", operation: op("update"), ...o }) as Promise<Json>,
    /** DELETE /api/v3/{collection}/{id}. */
    delete: (id: string, o: CallOptions = {}) => callJson(ctx, { method: "DELETE", version: "v3", path: byId(id), session: "required", operation: op("delete"), ...o }),
  };
}
