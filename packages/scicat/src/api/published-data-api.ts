// Published data, v4 (BE:src/published-data/published-data.v4.controller.ts): a DOI'd
// collection of datasets, private → publish → public → register → registered → amend → amended.
// Ids in paths are the DOI, sent as one %2F-encoded segment.
import { callJson, type ApiContext, type CallOptions } from "./api-context.js";
import type { V3Filter } from "../filters/v3-filter.js";

type Json = Record<string, unknown>;

/** The published data calls of the low-level client. */
export function publishedDataApi(ctx: ApiContext) {
  const byDoi = (doi: string, action = "") => `publisheddata/${encodeURIComponent(doi)}${action}`;
  const query = (filter: V3Filter | undefined) => (filter === undefined ? {} : { filter: JSON.stringify(filter) });
  return {
    /** POST /api/v4/publisheddata (CreatePublishedDataV4Dto: title, abstract, datasetPids, metadata?) → 201, status "private". */
    create: (body: Json, o: CallOptions = {}) => callJson(ctx, { method: "POST", version: "v4", path: "publisheddata", body, session: "required", operation: "scicat.createPublishedData", ...o }) as Promise<Json>,
    /** GET /api/v4/publisheddata?filter= (anonymous callers see registered ones only; default limit 100). */
    find: (filter?: V3Filter, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v4", path: "publisheddata", query: query(filter), operation: "scicat.findPublishedData", ...o }) as Promise<Json[]>,
    /** GET /api/v4/publisheddata/count?filter= → the count. */
    async count(filter?: V3Filter, o: CallOptions = {}): Promise<number> {
      return ((await callJson(ctx, { method: "GET", version: "v4", path: "publisheddata/count", query: query(filter), operation: "scicat.countPublishedData", ...o })) as { count: number }).count;
    },
    /** GET /api/v4/publisheddata/{doi}. */
    get: (doi: string, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v4", path: byDoi(doi), operation: "scicat.getPublishedData", ...o }) as Promise<Json>,
    /** PATCH /api/v4/publisheddata/{doi} (only while private, unless admin). */
    update: (doi: string, changes: Json, o: CallOptions = {}) => callJson(ctx, { method: "PATCH", version: "v4", path: byDoi(doi), body: changes, session: "required", operation: "scicat.updatePublishedData", ...o }) as Promise<Json>,
    /** POST /api/v4/publisheddata/{doi}/publish: private → public, and its datasets become isPublished. */
    publish: (doi: string, o: CallOptions = {}) => callJson(ctx, { method: "POST", version: "v4", path: byDoi(doi, "/publish"), session: "required", operation: "scicat.publishPublishedData", ...o }) as Promise<Json>,
    /** POST /api/v4/publisheddata/{doi}/register: public → registered at the DOI provider (DataCite). */
    register: (doi: string, o: CallOptions = {}) => callJson(ctx, { method: "POST", version: "v4", path: byDoi(doi, "/register"), session: "required", operation: "scicat.registerPublishedData", ...o }) as Promise<Json>,
    /** POST /api/v4/publisheddata/{doi}/amend (admins): registered → amended. */
    amend: (doi: string, o: CallOptions = {}) => callJson(ctx, { method: "POST", version: "v4", path: byDoi(doi, "/amend"), session: "required", operation: "scicat.amendPublishedData", ...o }) as Promise<Json>,
    /** DELETE /api/v4/publisheddata/{doi} (DELETE_GROUPS; private only, unless admin). */
    delete: (doi: string, o: CallOptions = {}) => callJson(ctx, { method: "DELETE", version: "v4", path: byDoi(doi), session: "required", operation: "scicat.deletePublishedData", ...o }) as Promise<Json>,
    /** GET /api/v4/publisheddata/config (undefined when the backend has none). */
    config: (o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v4", path: "publisheddata/config", operation: "scicat.publishedDataConfig", ...o }) as Promise<Json | undefined>,
  };
}
