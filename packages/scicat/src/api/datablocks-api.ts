// Archive datablocks, v3 only (BE:src/datablocks/datablocks.controller.ts and the obsolete
// nested routes of datasets.controller.ts). A datablock describes the packed (archived) copy of
// a dataset's files: `archiveId`, `size`, `packedSize`, `version`, `dataFileList`; creating one
// raises the dataset's packedSize and numberOfFilesArchived. Ownership comes from the dataset.
import { callJson, filterQuery, type ApiContext, type CallOptions } from "./api-context.js";
import type { V3Filter } from "../filters/v3-filter.js";
import { PID } from "../pid.js";

type Json = Record<string, unknown>;

/** The datablock calls of the low-level client. */
export function datablocksApi(ctx: ApiContext) {
  const byId = (id: string) => `datablocks/${encodeURIComponent(id)}`;
  return {
    /** POST /api/v3/datablocks (CreateDatablockDto: datasetId, archiveId, size, packedSize, version, dataFileList, chkAlg?). */
    create: (body: Json, o: CallOptions = {}) => callJson(ctx, { method: "POST", version: "v3", path: "datablocks", body, session: "required", operation: "scicat.createDatablock", ...o }) as Promise<Json>,
    /** GET /api/v3/datablocks?filter= (LoopBack filter; default limit 100). */
    find: (filter: V3Filter = {}, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v3", path: "datablocks", query: filterQuery(filter), session: "required", operation: "scicat.findDatablocks", ...o }) as Promise<Json[]>,
    /** GET /api/v3/datablocks/count?filter= → the count. */
    async count(filter: V3Filter = {}, o: CallOptions = {}): Promise<number> {
      const json = (await callJson(ctx, { method: "GET", version: "v3", path: "datablocks/count", query: filterQuery(filter), session: "required", operation: "scicat.countDatablocks", ...o })) as { count: number };
      return json.count;
    },
    /** GET /api/v3/datablocks/{id}. */
    get: (id: string, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v3", path: byId(id), session: "required", operation: "scicat.getDatablock", ...o }) as Promise<Json>,
    /** PATCH /api/v3/datablocks/{id} (the dataset's archive totals follow the change). */
    update: (id: string, changes: Json, o: CallOptions = {}) => callJson(ctx, { method: "PATCH", version: "v3", path: byId(id), body: changes, session: "required", operation: "scicat.updateDatablock", ...o }) as Promise<Json>,
    /** DELETE /api/v3/datablocks/{id} (DELETE_GROUPS). */
    delete: (id: string, o: CallOptions = {}) => callJson(ctx, { method: "DELETE", version: "v3", path: byId(id), session: "required", operation: "scicat.deleteDatablock", ...o }) as Promise<Json>,
    /** GET /api/v3/datasets/{pid}/datablocks (the pid as one %2F-encoded segment). */
    forDataset: (pid: string | PID, o: CallOptions = {}) => callJson(ctx, { method: "GET", version: "v3", path: `datasets/${PID.parse(pid).toPath()}/datablocks`, operation: "scicat.datasetDatablocks", ...o }) as Promise<Json[]>,
  };
}
