// Orig datablocks: POST /api/v4/origdatablocks (BE:src/origdatablocks/origdatablocks.v4.controller.ts)
// copies ownership from the dataset when it exists, checks the caller against it, and updates
// the dataset's size and file count; the v3 nested route POST /api/v3/datasets/{pid}/origdatablocks
// infers the ownership fields.
//
// Size accounting follows ONE backend version: SciCatProject/backend 783086a (master after
// #2860, 2026-08): `$inc` by the block's size and file count on create, the difference on
// update, the negative on delete (datasets.service.ts updateDatasetSizeAndFiles). A client that
// also sends size/numberOfFiles when creating the dataset therefore sees them doubled — as on
// that backend.
import { randomUUID } from "node:crypto";
import { canRead, isOwnerOrAccess, isAdmin } from "../access.js";
import { validateDto, type DtoSpec } from "../dto.js";
import { applyFilter, countMatching, parseV3Filter } from "../filters.js";
import { forbiddenResource, nestError } from "../http-exception.js";
import type { RouteContext, Router } from "../router.js";
import { asDoc, type Doc, type SandboxState } from "../state.js";

/**
 * Names the size accounting this sandbox reproduces.
 *
 * @example
 * ```ts
 * console.log(SIZE_ACCOUNTING); // which backend version's size/numberOfFiles updates the sandbox reproduces
 * ```
 */
export const SIZE_ACCOUNTING = "SciCatProject/backend 783086a (after #2860): $inc by block size and file count";

/** DataFileDto (BE:src/common/dto/datafile.dto.ts), shared with the archive datablocks. */
export const DATAFILE: DtoSpec = {
  path: ["string", true], size: ["number", true], time: ["date", true], chk: ["string", false], uid: ["string", false],
  gid: ["string", false], perm: ["string", false], type: ["string", false], metadata: ["object", false],
};
const BLOCK_V3: DtoSpec = { size: ["int", true], dataFileList: ["array", true], chkAlg: ["string", false], isPublished: ["boolean", false] };
const BLOCK_V4: DtoSpec = { ...BLOCK_V3, datasetId: ["string", true], ownerGroup: ["string", false], accessGroups: ["stringArray", false], instrumentGroup: ["string", false] };


function validateBlock(spec: DtoSpec, body: unknown): void {
  const messages = validateDto(spec, body).map((i) => i.message);
  const files = asDoc(body).dataFileList;
  if (Array.isArray(files)) {
    files.forEach((f, n) => messages.push(...validateDto(DATAFILE, f).map((i) => `dataFileList.${n}.${i.message}`)));
  }
  if (messages.length > 0) throw nestError(400, messages);
}

function adjustDataset(state: SandboxState, pid: unknown, sizeDelta: number, filesDelta: number): void {
  const dataset = state.datasets.get(String(pid));
  if (!dataset) return;
  state.datasets.set(String(pid), { ...dataset, size: Number(dataset.size ?? 0) + sizeDelta, numberOfFiles: Number(dataset.numberOfFiles ?? 0) + filesDelta });
}

const fileCount = (b: Doc) => (Array.isArray(b.dataFileList) ? b.dataFileList.length : 0);

function insertBlock(ctx: RouteContext, body: Doc): Doc {
  const now = new Date(ctx.state.now()).toISOString();
  const block: Doc = { _id: randomUUID(), ...body, chkAlg: body.chkAlg ?? "", isPublished: body.isPublished ?? false, createdBy: ctx.user?.username, updatedBy: ctx.user?.username, createdAt: now, updatedAt: now };
  ctx.state.origdatablocks.set(String(block._id), block);
  adjustDataset(ctx.state, block.datasetId, Number(block.size), fileCount(block));
  return block;
}

/** Adds the orig datablock routes. */
export function addOrigDatablockRoutes(router: Router): void {
  router.add("POST", "/api/v4/origdatablocks", (ctx) => {
    if (ctx.user === null) throw forbiddenResource();
    validateBlock(BLOCK_V4, ctx.body);
    let body = asDoc(ctx.body);
    const dataset = ctx.state.datasets.get(String(body.datasetId));
    if (dataset) body = { ...body, ownerGroup: dataset.ownerGroup, accessGroups: dataset.accessGroups, instrumentGroup: dataset.instrumentGroup };
    if (!isAdmin(ctx.user, ctx.state) && !isOwnerOrAccess(ctx.user, body)) throw nestError(403, "Unauthorized access");
    return { status: 201, body: insertBlock(ctx, body) };
  });
  router.add("POST", "/api/v4/origdatablocks/isValid", (ctx) => {
    try {
      validateBlock(BLOCK_V4, ctx.body);
      return { status: 200, body: { valid: true, reason: [] } };
    } catch (err) {
      return { status: 200, body: { valid: false, reason: (err as { body: { message: unknown } }).body.message } };
    }
  });
  const visible = (ctx: RouteContext) => (b: Doc) => canRead(ctx.user, b, ctx.state);
  router.add("GET", "/api/v4/origdatablocks", (ctx) => {
    if (ctx.user === null) throw forbiddenResource();
    const filter = parseV3Filter(ctx.req, ctx.query);
    return { body: applyFilter([...ctx.state.origdatablocks.values()].filter(visible(ctx)), filter) };
  });
  router.add("GET", "/api/v4/origdatablocks/:id", (ctx) => {
    const block = ctx.state.origdatablocks.get(ctx.params.id as string);
    if (!block) throw nestError(404, `OrigDatablock: ${ctx.params.id} not found`);
    if (!canRead(ctx.user, block, ctx.state)) throw nestError(403, "Unauthorized access");
    return { body: block };
  });
  router.add("DELETE", "/api/v4/origdatablocks/:id", (ctx) => {
    const block = ctx.state.origdatablocks.get(ctx.params.id as string);
    if (!block) throw nestError(404, `OrigDatablock: ${ctx.params.id} not found`);
    if (ctx.user === null || (!isAdmin(ctx.user, ctx.state) && !isOwnerOrAccess(ctx.user, block))) throw nestError(403, "Unauthorized access");
    ctx.state.origdatablocks.delete(ctx.params.id as string);
    adjustDataset(ctx.state, block.datasetId, -Number(block.size), -fileCount(block));
    return { body: block };
  });
  // v3 nested routes: ownership inferred from the dataset
  router.add("POST", "/api/v3/datasets/:pid/origdatablocks", (ctx) => {
    const dataset = ctx.state.datasets.get(ctx.params.pid as string);
    if (!dataset) throw nestError(404, `dataset: ${ctx.params.pid} not found`);
    if (ctx.user === null || (!isAdmin(ctx.user, ctx.state) && !isOwnerOrAccess(ctx.user, dataset))) throw forbiddenResource();
    validateBlock(BLOCK_V3, ctx.body);
    const body = { ...asDoc(ctx.body), datasetId: dataset.pid, ownerGroup: dataset.ownerGroup, accessGroups: dataset.accessGroups, instrumentGroup: dataset.instrumentGroup };
    return { status: 201, body: insertBlock(ctx, body) };
  });
  router.add("GET", "/api/v3/datasets/:pid/origdatablocks", (ctx) => {
    const dataset = ctx.state.datasets.get(ctx.params.pid as string);
    if (!dataset || !canRead(ctx.user, dataset, ctx.state)) return { body: [] };
    return { body: [...ctx.state.origdatablocks.values()].filter((b) => b.datasetId === dataset.pid) };
  });
  router.add("GET", "/api/v3/datasets/:pid/origdatablocks/count", (ctx) => ({
    body: { count: countMatching(ctx.state.origdatablocks.values(), { datasetId: ctx.params.pid }) },
  }));
}
