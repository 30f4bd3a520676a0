// /api/v4/datasets (BE:src/datasets/datasets.v4.controller.ts) and its public twin
// (datasets-public.v4.controller.ts): anonymous callers get 403 on the authenticated list
// endpoints and must use /public, whose by-pid route answers 200 with an empty body when the
// dataset is missing or unpublished (findByIdPublic returns null).
import { accessCondition, canRead, canWrite } from "../access.js";
import { checkCreatePermission, checkIncludes, DATASET_KEYS, insertDataset, normaliseDates, withIncludes } from "../datasets.js";
import { CREATE_DATASET_V4, PATCH_DATASET_V4 } from "../dataset-dtos.js";
import { validateDto } from "../dto.js";
import { applyFilter, countMatching, parseV4Filter } from "../filters.js";
import { forbiddenResource, nestError } from "../http-exception.js";
import { patchDocument } from "../merge-patch.js";
import type { RouteContext, Router } from "../router.js";
import { appendSI } from "../si-units.js";
import { asDoc, type Doc } from "../state.js";


function validateCreate(ctx: RouteContext): Doc {
  const issues = validateDto(CREATE_DATASET_V4, ctx.body);
  if (issues.length > 0) throw nestError(400, issues.map((i) => i.message));
  const body = asDoc(ctx.body);
  if (body.type !== "raw" && body.type !== "derived") throw nestError(400, "Invalid dataset type!");
  return body;
}

function readable(ctx: RouteContext, pid: string, what = "read"): Doc {
  const doc = ctx.state.datasets.get(pid);
  // checkPermissionsForDatasetExtended: `dataset: ${datasetInput} not found` with the looked-up (null) value (backend#1893)
  if (!doc) throw nestError(404, "dataset: null not found");
  if (what === "read" ? !canRead(ctx.user, doc, ctx.state) : !canWrite(ctx.user, doc, ctx.state)) throw nestError(403, "Unauthorized access");
  return doc;
}

function includesOf(ctx: RouteContext): string[] {
  const include = ctx.query.getAll("include").flatMap((v) => v.split(","));
  checkIncludes(include);
  return include;
}

/** Throws 412 when the document changed after If-Unmodified-Since (withOCCFilter). */
export function checkUnmodifiedSince(ctx: RouteContext, doc: Doc, label: string): void {
  const header = ctx.req.headers["if-unmodified-since"];
  if (header === undefined) return;
  const since = Date.parse(header);
  if (Number.isNaN(since)) throw nestError(400, `Invalid If-Unmodified-Since header: ${header}`);
  if (Date.parse(String(doc.updatedAt)) > since) throw nestError(412, `${label} has been modified on the server since ${header}`);
}

/** findInvalidValueUnitUpdates: a stored value+unit entry must keep both when either changes. */
function checkValueUnitUpdates(stored: Doc, patch: Doc): void {
  const current = asDoc(stored.scientificMetadata);
  for (const [key, entry] of Object.entries(asDoc(patch.scientificMetadata))) {
    const old = asDoc(current[key]);
    const next = asDoc(entry);
    if (!("value" in old && "unit" in old)) continue;
    if (("value" in next) !== ("unit" in next)) {
      throw nestError(400, `Invalid update for scientificMetadata.${key}: value and unit must be updated together`);
    }
  }
}

function update(ctx: RouteContext, replace: boolean): Doc {
  const pid = ctx.params.pid as string;
  const stored = readable(ctx, pid, "write");
  checkUnmodifiedSince(ctx, stored, `Dataset #${pid}`);
  const issues = validateDto(replace ? { ...CREATE_DATASET_V4, pid: ["string", false] } : PATCH_DATASET_V4, ctx.body, { partial: !replace });
  if (issues.length > 0) throw nestError(400, issues.map((i) => i.message));
  const body = asDoc(ctx.body);
  checkValueUnitUpdates(stored, body);
  const keep = { pid, _id: pid, version: stored.version, createdBy: stored.createdBy, createdAt: stored.createdAt };
  const base = replace ? keep : stored;
  const next = normaliseDates({
    ...patchDocument(base, body, ctx.contentType === "application/merge-patch+json" || replace),
    ...keep,
    updatedBy: ctx.user?.username,
    updatedAt: new Date(ctx.state.now()).toISOString(),
  });
  if (next.scientificMetadata) next.scientificMetadata = appendSI(asDoc(next.scientificMetadata));
  ctx.state.datasets.set(pid, next);
  return next;
}

/** Adds the v4 dataset routes. */
export function addDatasetV4Routes(router: Router): void {
  const list = (ctx: RouteContext, publicOnly: boolean) => {
    if (!publicOnly && ctx.user === null) throw nestError(403, "Unauthorized access");
    const filter = parseV4Filter(ctx.query.get("filter") ?? undefined, DATASET_KEYS);
    checkIncludes(filter.include);
    const extra = publicOnly ? { isPublished: true } : accessCondition(ctx.user, ctx.state);
    return applyFilter(ctx.state.datasets, filter, extra).map((d) => withIncludes(ctx.state, d, filter.include));
  };
  const count = (ctx: RouteContext, publicOnly: boolean) => {
    if (!publicOnly && ctx.user === null) throw nestError(403, "Unauthorized access");
    const filter = parseV4Filter(ctx.query.get("filter") ?? undefined, DATASET_KEYS);
    return { body: { count: countMatching(ctx.state.datasets.values(), filter.where, publicOnly ? { isPublished: true } : accessCondition(ctx.user, ctx.state)) } };
  };

  router.add("POST", "/api/v4/datasets", (ctx) => {
    if (ctx.user === null) throw forbiddenResource();
    const body = validateCreate(ctx);
    checkCreatePermission(ctx.user, body, ctx.state);
    return { status: 201, body: insertDataset(ctx.state, ctx.user, body, "4") };
  });
  router.add("POST", "/api/v4/datasets/isValid", (ctx) => {
    if (ctx.user === null) throw forbiddenResource();
    const issues = validateDto(CREATE_DATASET_V4, ctx.body);
    const type = asDoc(ctx.body).type;
    return { status: 200, body: { valid: issues.length === 0 && (type === "raw" || type === "derived") } };
  });
  router.add("GET", "/api/v4/datasets", (ctx) => ({ body: list(ctx, false) }));
  router.add("GET", "/api/v4/datasets/count", (ctx) => count(ctx, false));
  router.add("GET", "/api/v4/datasets/findOne", (ctx) => {
    const filter = parseV4Filter(ctx.query.get("filter") ?? undefined, DATASET_KEYS);
    if (ctx.user === null) throw nestError(403, "Unauthorized access");
    const found = applyFilter(ctx.state.datasets.values(), { ...filter, limit: 1 }, accessCondition(ctx.user, ctx.state))[0];
    return { body: found ? withIncludes(ctx.state, found, filter.include) : null };
  });
  router.add("GET", "/api/v4/datasets/public", (ctx) => ({ body: list(ctx, true) }));
  router.add("GET", "/api/v4/datasets/public/count", (ctx) => count(ctx, true));
  router.add("GET", "/api/v4/datasets/public/findOne", (ctx) => {
    const filter = parseV4Filter(ctx.query.get("filter") ?? undefined, DATASET_KEYS);
    const found = applyFilter(ctx.state.datasets.values(), { ...filter, limit: 1 }, { isPublished: true })[0];
    return { body: found ? withIncludes(ctx.state, found, filter.include) : null };
  });
  router.add("GET", "/api/v4/datasets/public/:pid", (ctx) => {
    const doc = ctx.state.datasets.get(ctx.params.pid as string);
    return { body: doc?.isPublished === true ? withIncludes(ctx.state, doc, includesOf(ctx)) : null };
  });
  router.add("GET", "/api/v4/datasets/:pid", (ctx) => ({ body: withIncludes(ctx.state, readable(ctx, ctx.params.pid as string), includesOf(ctx)) }));
  router.add("GET", "/api/v4/datasets/:pid/datasetlifecycle", (ctx) => ({ body: readable(ctx, ctx.params.pid as string).datasetlifecycle ?? {} }));
  router.add("PATCH", "/api/v4/datasets/:pid", (ctx) => {
    if (ctx.user === null) throw forbiddenResource();
    return { body: update(ctx, false) };
  });
  router.add("PUT", "/api/v4/datasets/:pid", (ctx) => {
    if (ctx.user === null) throw forbiddenResource();
    return { body: update(ctx, true) };
  });
  router.add("DELETE", "/api/v4/datasets/:pid", (ctx) => {
    if (ctx.user === null || !ctx.user.currentGroups.some((g) => ctx.state.groups.delete.includes(g))) throw forbiddenResource();
    const pid = ctx.params.pid as string;
    const doc = ctx.state.datasets.get(pid);
    if (!doc) throw nestError(404, `Dataset #${pid} not found`);
    ctx.state.datasets.delete(pid);
    return { body: doc };
  });
}
