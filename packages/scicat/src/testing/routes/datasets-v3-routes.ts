// /api/v3/datasets (BE:src/datasets/datasets.controller.ts): obsolete DTOs validated by type
// with the `{status, message: "<JSON>"}` error body (backend#363), singular field aliases in and
// out, `history` on the by-pid read, LoopBack filters with a default limit of 100, fullquery,
// and the nested origdatablock and attachment routes (size added incrementally).
import { canRead, canWrite } from "../access.js";
import { checkCreatePermission, currentToObsolete, insertDataset, normaliseDates, obsoleteToCurrent, withIncludes } from "../datasets.js";
import { CREATE_DERIVED_V3, CREATE_RAW_V3, PATCH_DATASET_V3 } from "../dataset-dtos.js";
import { validateDto, type DtoIssue } from "../dto.js";
import { applyFilter, countMatching, parseV3Filter, type ParsedFilter } from "../filters.js";
import { forbiddenResource, nestError, v3ValidationError } from "../http-exception.js";
import type { RouteContext, Router } from "../router.js";
import { asDoc, type Doc } from "../state.js";
import { appendSI } from "../si-units.js";
import { fullqueryCondition } from "./fullquery.js";

const RENAME = { proposalId: "proposalIds", sampleId: "sampleIds", instrumentId: "instrumentIds", investigator: "principalInvestigators", principalInvestigator: "principalInvestigators" };

/** class-validator ValidationError objects, as JSON.stringify renders them. */
function validationErrors(issues: DtoIssue[], body: Doc): unknown[] {
  return issues.map((i) => ({
    value: body[i.property],
    property: i.property,
    children: [],
    constraints: { [i.message.endsWith("should not exist") ? "whitelistValidation" : "isValid"]: i.message },
  }));
}

/** The v3 read condition: published for anonymous callers, else the caller's groups. */
function v3Access(ctx: RouteContext): Doc | undefined {
  if (ctx.user === null) return { isPublished: true };
  if (ctx.user.currentGroups.some((g) => ctx.state.groups.admin.includes(g))) return undefined;
  return { $or: [{ ownerGroup: { $in: ctx.user.currentGroups } }, { accessGroups: { $in: ctx.user.currentGroups } }, { sharedWith: { $in: [ctx.user.email] } }, { isPublished: true }] };
}

function found(ctx: RouteContext, write = false): Doc {
  const pid = ctx.params.pid as string;
  const doc = ctx.state.datasets.get(pid);
  if (!doc) throw nestError(404, `dataset: ${pid} not found`);
  if (write ? !canWrite(ctx.user, doc, ctx.state) : !canRead(ctx.user, doc, ctx.state)) throw nestError(403, "Unauthorized access");
  return doc;
}

const out = (ctx: RouteContext, docs: Doc[], filter: ParsedFilter) => docs.map((d) => currentToObsolete(withIncludes(ctx.state, d, filter.include)));

/** Adds the v3 dataset routes. */
export function addDatasetV3Routes(router: Router): void {
  router.add("POST", "/api/v3/datasets", (ctx) => {
    if (ctx.user === null) throw forbiddenResource();
    const body = asDoc(ctx.body);
    if (body.type !== "raw" && body.type !== "derived") throw nestError(400, "Invalid dataset type!");
    const issues = validateDto(body.type === "raw" ? CREATE_RAW_V3 : CREATE_DERIVED_V3, body);
    if (issues.length > 0) throw v3ValidationError(validationErrors(issues, body));
    const current = obsoleteToCurrent(body);
    // datasetName defaults to the last two segments of sourceFolder in the obsolete schema
    if (current.datasetName === undefined) current.datasetName = String(current.sourceFolder).split("/").filter(Boolean).slice(-2).join("/");
    checkCreatePermission(ctx.user, current, ctx.state);
    return { status: 201, body: currentToObsolete(insertDataset(ctx.state, ctx.user, current, "3")) };
  });
  router.add("POST", "/api/v3/datasets/isValid", (ctx) => {
    const body = asDoc(ctx.body);
    const issues = validateDto(body.type === "derived" ? CREATE_DERIVED_V3 : CREATE_RAW_V3, body);
    return { status: 200, body: issues.length === 0 ? { valid: true } : { valid: false, error: validationErrors(issues, body) } };
  });
  router.add("GET", "/api/v3/datasets", (ctx) => {
    const filter = parseV3Filter(ctx.req, ctx.query, RENAME);
    return { body: out(ctx, applyFilter(ctx.state.datasets, filter, v3Access(ctx)), filter) };
  });
  router.add("GET", "/api/v3/datasets/count", (ctx) => {
    const filter = parseV3Filter(ctx.req, ctx.query, RENAME);
    return { body: { count: countMatching(ctx.state.datasets.values(), filter.where, v3Access(ctx)) } };
  });
  router.add("GET", "/api/v3/datasets/findOne", (ctx) => {
    const filter = parseV3Filter(ctx.req, ctx.query, RENAME);
    return { body: out(ctx, applyFilter(ctx.state.datasets.values(), { ...filter, limit: 1 }, v3Access(ctx)), filter)[0] ?? null };
  });
  router.add("GET", "/api/v3/datasets/fullquery", (ctx) => {
    const limits = JSON.parse(ctx.query.get("limits") ?? "{}") as { limit?: number; skip?: number; order?: string };
    const filter = parseV3Filter(ctx.req, new URLSearchParams({ filter: JSON.stringify({ limits }) }));
    const where = fullqueryCondition(ctx.query.get("fields"));
    return { body: out(ctx, applyFilter(ctx.state.datasets.values(), { ...filter, where }, v3Access(ctx)), filter) };
  });
  router.add("GET", "/api/v3/datasets/:pid", (ctx) => ({ body: { ...currentToObsolete(found(ctx)), history: [] } }));
  router.add("PATCH", "/api/v3/datasets/:pid", (ctx) => {
    if (ctx.user === null) throw forbiddenResource();
    const stored = found(ctx, true);
    const body = asDoc(ctx.body);
    const issues = validateDto(PATCH_DATASET_V3, body, { partial: true });
    if (issues.length > 0) throw v3ValidationError(validationErrors(issues, body));
    const next = normaliseDates({ ...stored, ...obsoleteToCurrent(body), pid: stored.pid, _id: stored.pid, updatedBy: ctx.user.username, updatedAt: new Date(ctx.state.now()).toISOString() });
    next.scientificMetadata = appendSI(asDoc(next.scientificMetadata));
    ctx.state.datasets.set(String(stored.pid), next);
    return { body: currentToObsolete(next) };
  });
  router.add("DELETE", "/api/v3/datasets/:pid", (ctx) => {
    if (ctx.user === null || !ctx.user.currentGroups.some((g) => ctx.state.groups.delete.includes(g))) throw forbiddenResource();
    const doc = found(ctx);
    ctx.state.datasets.delete(String(doc.pid));
    return { body: doc };
  });
  router.add("GET", "/api/v3/datasets/:pid/thumbnail", (ctx) => {
    const doc = found(ctx);
    const attachment = withIncludes(ctx.state, doc, ["attachments"]).attachments as Doc[];
    return { body: attachment[0] ? { thumbnail: attachment[0].thumbnail } : {} };
  });
}
