// Archive datablocks (v3 only): /api/v3/datablocks (BE:src/datablocks/datablocks.controller.ts,
// datablocks.service.ts) and the obsolete nested /api/v3/datasets/{pid}/datablocks
// (datasets.controller.ts createDatablock / findAllDatablocks). Ownership is copied from the
// dataset; the dataset's packedSize and numberOfFilesArchived move by `$inc` with each block
// (datasets.service.ts updateDatasetSizeAndFiles, the same backend version as SIZE_ACCOUNTING).
//
// Who may create (datablocks.ability.ts): ADMIN_GROUPS, CREATE_DATASET_PRIVILEGED_GROUPS,
// CREATE_DATASET_WITH_PID_GROUPS, and groups literally listed in CREATE_DATASET_GROUPS — whose
// default "#all" matches no real group there, so a plain user gets the guard's 403. Update:
// owners and the groups above; delete: DELETE_GROUPS.
import { randomUUID } from "node:crypto";
import type { SandboxUser } from "../accounts.js";
import { canRead, isAdmin } from "../access.js";
import { validateDto, type DtoSpec } from "../dto.js";
import { applyFilter, countMatching, parseV3Filter } from "../filters.js";
import { bareNestError, forbiddenResource, nestError } from "../http-exception.js";
import type { RouteContext, Router } from "../router.js";
import { asDoc, type Doc, type SandboxState } from "../state.js";
import { DATAFILE } from "./origdatablock-routes.js";

// UpdateDatablockDto (+ OwnableDto); the nested route omits datasetId and the ownership fields
const NESTED: DtoSpec = {
  archiveId: ["string", true], size: ["int", true], packedSize: ["int", true], chkAlg: ["string", false], version: ["string", true], dataFileList: ["array", true],
};
const CREATE: DtoSpec = { ...NESTED, datasetId: ["string", true], ownerGroup: ["string", false], accessGroups: ["stringArray", false], instrumentGroup: ["string", false] };
const UPDATE: DtoSpec = { ...NESTED, ownerGroup: ["string", false], accessGroups: ["stringArray", false], instrumentGroup: ["string", false] };

function validate(spec: DtoSpec, body: unknown, partial = false): Doc {
  const messages = validateDto(spec, body, { partial }).map((i) => i.message);
  const files = asDoc(body).dataFileList;
  if (Array.isArray(files)) {
    if (files.length === 0) messages.push("dataFileList should not be empty");
    files.forEach((f, n) => messages.push(...validateDto(DATAFILE, f).map((i) => `dataFileList.${n}.${i.message}`)));
  }
  if (messages.length > 0) throw nestError(400, messages);
  return asDoc(body);
}

const inGroups = (user: SandboxUser, groups: readonly string[]) => user.currentGroups.some((g) => groups.includes(g));
const mayCreate = (user: SandboxUser, state: SandboxState) => isAdmin(user, state) || inGroups(user, [...state.groups.createDatasetPrivileged, ...state.groups.createDatasetWithPid]);
// DatasetDatablockCreate: admins and privileged groups on any dataset, the others on their own
const mayUseDataset = (user: SandboxUser, state: SandboxState, dataset: Doc) =>
  isAdmin(user, state) || inGroups(user, state.groups.createDatasetPrivileged) || (typeof dataset.ownerGroup === "string" && user.currentGroups.includes(dataset.ownerGroup));
const fileCount = (b: Doc) => (Array.isArray(b.dataFileList) ? b.dataFileList.length : 0);

/** `$inc` of the dataset's archive totals by (new − old). */
function adjustDataset(state: SandboxState, pid: unknown, next: Doc | undefined, old: Doc | undefined): void {
  const dataset = state.datasets.get(String(pid));
  if (!dataset) return;
  const size = Number(next?.packedSize ?? 0) - Number(old?.packedSize ?? 0);
  const files = (next ? fileCount(next) : 0) - (old ? fileCount(old) : 0);
  state.datasets.set(String(pid), { ...dataset, packedSize: Number(dataset.packedSize ?? 0) + size, numberOfFilesArchived: Number(dataset.numberOfFilesArchived ?? 0) + files });
}

function insert(ctx: RouteContext, body: Doc): Doc {
  // archiveId is a unique (sparse) index: Mongo's 11000 becomes this 409 (sic)
  if ([...ctx.state.datablocks.values()].some((b) => b.archiveId === body.archiveId)) throw nestError(409, "A datablock with this this unique key already exists!");
  const now = new Date(ctx.state.now()).toISOString();
  const block: Doc = { _id: randomUUID(), accessGroups: [], isPublished: false, ...body, createdBy: ctx.user?.username, updatedBy: ctx.user?.username, createdAt: now, updatedAt: now };
  ctx.state.datablocks.set(String(block._id), block);
  adjustDataset(ctx.state, block.datasetId, block, undefined);
  return block;
}

function found(ctx: RouteContext): Doc {
  const block = ctx.state.datablocks.get(ctx.params.id as string);
  if (!block) throw bareNestError(404); // new NotFoundException()
  return block;
}

/** Adds the datablock routes. */
export function addDatablockRoutes(router: Router): void {
  router.add("POST", "/api/v3/datablocks", (ctx) => {
    if (ctx.user === null || !mayCreate(ctx.user, ctx.state)) throw forbiddenResource();
    const body = validate(CREATE, ctx.body);
    const dataset = ctx.state.datasets.get(String(body.datasetId));
    if (!dataset) throw nestError(404, `dataset: ${String(body.datasetId)} not found`);
    if (!mayUseDataset(ctx.user, ctx.state, dataset)) throw nestError(403, "Unauthorized access");
    return { status: 201, body: insert(ctx, { ...body, ownerGroup: dataset.ownerGroup, accessGroups: dataset.accessGroups ?? [] }) };
  });
  const visible = (ctx: RouteContext) => (b: Doc) => canRead(ctx.user, b, ctx.state);
  router.add("GET", "/api/v3/datablocks", (ctx) => {
    if (ctx.user === null) throw forbiddenResource();
    return { body: applyFilter([...ctx.state.datablocks.values()].filter(visible(ctx)), parseV3Filter(ctx.req, ctx.query)) };
  });
  router.add("GET", "/api/v3/datablocks/count", (ctx) => {
    if (ctx.user === null) throw forbiddenResource();
    // `where` is the deprecated name of `filter`
    const text = ctx.query.get("filter") ?? ctx.query.get("where");
    const where = text ? (asDoc(JSON.parse(text)).where ?? {}) : {};
    return { body: { count: countMatching([...ctx.state.datablocks.values()].filter(visible(ctx)), asDoc(where)) } };
  });
  router.add("GET", "/api/v3/datablocks/:id", (ctx) => {
    if (ctx.user === null) throw forbiddenResource();
    const block = found(ctx);
    if (!canRead(ctx.user, block, ctx.state)) throw bareNestError(403); // checkPermission: new ForbiddenException()
    return { body: block };
  });
  router.add("PATCH", "/api/v3/datablocks/:id", (ctx) => {
    if (ctx.user === null) throw forbiddenResource();
    const block = found(ctx);
    const owner = typeof block.ownerGroup === "string" && ctx.user.currentGroups.includes(block.ownerGroup);
    if (!owner && !mayCreate(ctx.user, ctx.state) && !inGroups(ctx.user, ctx.state.groups.delete)) throw bareNestError(403); // checkPermission: new ForbiddenException()
    const changes = validate(UPDATE, ctx.body, true);
    const updated: Doc = { ...block, ...changes, updatedBy: ctx.user.username, updatedAt: new Date(ctx.state.now()).toISOString() };
    ctx.state.datablocks.set(String(block._id), updated);
    adjustDataset(ctx.state, block.datasetId, updated, block);
    return { body: updated };
  });
  router.add("DELETE", "/api/v3/datablocks/:id", (ctx) => {
    const block = ctx.state.datablocks.get(ctx.params.id as string);
    if (!block) throw nestError(404, `datablock: ${ctx.params.id} not found`);
    if (ctx.user === null || !inGroups(ctx.user, ctx.state.groups.delete)) throw nestError(403, "Unauthorized to delete this datablock");
    ctx.state.datablocks.delete(String(block._id));
    adjustDataset(ctx.state, block.datasetId, undefined, block);
    return { body: block };
  });
  // obsolete nested routes: the dataset's owners create, readers list
  router.add("POST", "/api/v3/datasets/:pid/datablocks", (ctx) => {
    const dataset = ctx.state.datasets.get(ctx.params.pid as string);
    if (ctx.user === null) throw forbiddenResource();
    if (!dataset) throw nestError(404, `dataset: ${ctx.params.pid} not found`);
    if (!mayUseDataset(ctx.user, ctx.state, dataset)) throw forbiddenResource();
    const body = validate(NESTED, ctx.body);
    return { status: 201, body: insert(ctx, { ...body, datasetId: dataset.pid, ownerGroup: dataset.ownerGroup, accessGroups: dataset.accessGroups ?? [], ...(dataset.instrumentGroup === undefined ? {} : { instrumentGroup: dataset.instrumentGroup }) }) };
  });
  router.add("GET", "/api/v3/datasets/:pid/datablocks", (ctx) => {
    const dataset = ctx.state.datasets.get(ctx.params.pid as string);
    if (!dataset) throw nestError(404, `dataset: ${ctx.params.pid} not found`);
    if (!canRead(ctx.user, dataset, ctx.state)) throw forbiddenResource();
    return { body: applyFilter([...ctx.state.datablocks.values()].filter((b) => b.datasetId === dataset.pid), parseV3Filter(ctx.req, new URLSearchParams())) };
  });
}
