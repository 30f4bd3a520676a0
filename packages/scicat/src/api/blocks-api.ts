// Orig datablock and attachment endpoints, v4 (BE:src/origdatablocks/origdatablocks.v4.controller.ts,
// attachments/attachments.v4.controller.ts).
import { callJson, filterQuery, type ApiContext, type CallOptions } from "./api-context.js";
import type { V3Filter } from "../filters/v3-filter.js";

type Json = Record<string, unknown>;

/** The orig datablock calls of the low-level client. */
export function origDatablocksApi(ctx: ApiContext) {
  return {
    /** POST /api/v4/origdatablocks (the dataset's size and file count grow with it). */
    create: (body: Json, o: CallOptions = {}) => callJson(ctx, { method: "POST", version: "v4", path: "origdatablocks", body, session: "required", operation: "scicat.createOrigDatablock", ...o }) as Promise<Json>,
    /** POST /api/v4/origdatablocks/isValid → `{valid, reason}`. */
    validate: (body: Json, o: CallOptions = {}) => callJson(ctx, { method: "POST", version: "v4", path: "origdatablocks/isValid", body, session: "required", operation: "scicat.validateOrigDatablock", ...o }) as Promise<{ valid: boolean; reason: unknown }>,
    /** GET /api/v4/origdatablocks/{id} (the block's _id, not the dataset pid). */
    get: (id: string, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v4", path: `origdatablocks/${encodeURIComponent(id)}`, operation: "scicat.getOrigDatablock", ...o }) as Promise<Json>,
    /** GET /api/v4/origdatablocks?filter=. */
    find: (filter: V3Filter, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v4", path: "origdatablocks", query: filterQuery(filter), session: "required", operation: "scicat.findOrigDatablocks", ...o }) as Promise<Json[]>,
    /** DELETE /api/v4/origdatablocks/{id}. */
    delete: (id: string, o: CallOptions = {}) => callJson(ctx, { method: "DELETE", version: "v4", path: `origdatablocks/${encodeURIComponent(id)}`, session: "required", operation: "scicat.deleteOrigDatablock", ...o }),
  };
}

/** The attachment calls of the low-level client. */
export function attachmentsApi(ctx: ApiContext) {
  return {
    /** POST /api/v4/attachments → 201 with the `aid`. */
    create: (body: Json, o: CallOptions = {}) => callJson(ctx, { method: "POST", version: "v4", path: "attachments", body, session: "required", operation: "scicat.createAttachment", ...o }) as Promise<Json>,
    /** GET /api/v4/attachments/{aid}. */
    get: (aid: string, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v4", path: `attachments/${encodeURIComponent(aid)}`, operation: "scicat.getAttachment", ...o }) as Promise<Json>,
    /** GET /api/v4/attachments?filter=. */
    find: (filter: V3Filter, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v4", path: "attachments", query: filterQuery(filter), session: "required", operation: "scicat.findAttachments", ...o }) as Promise<Json[]>,
    /** GET /api/v3/datasets/{pid}/attachments. */
    forDataset: (pidPath: string, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v3", path: `datasets/${pidPath}/attachments`, operation: "scicat.getDatasetAttachments", ...o }) as Promise<Json[]>,
    /** PATCH /api/v4/attachments/{aid}. */
    update: (aid: string, body: Json, o: CallOptions = {}) => callJson(ctx, { method: "PATCH", version: "v4", path: `attachments/${encodeURIComponent(aid)}`, body, session: "required", operation: "scicat.updateAttachment", ...o }) as Promise<Json>,
    /** DELETE /api/v4/attachments/{aid}. */
    delete: (aid: string, o: CallOptions = {}) => callJson(ctx, { method: "DELETE", version: "v4", path: `attachments/${encodeURIComponent(aid)}`, session: "required", operation: "scicat.deleteAttachment", ...o }),
  };
}
