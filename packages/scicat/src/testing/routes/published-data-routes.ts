// Published data, v4 (BE:src/published-data/published-data.v4.controller.ts, .service.ts,
// schemas/published-data.schema.ts): a DOI'd collection of datasets with a status machine
// private → (publish) public → (register) registered → (amend) amended.
// - create/update/publish: any authenticated user (publishedDataEndpointAccess); delete:
//   DELETE_GROUPS; admins (publishedDataInstanceAccess AccessAny) see and change everything;
// - others see public/registered/amended documents and the private ones they created;
//   anonymous callers of the list and count see `registered` ones only (RegisteredFilterPipe);
// - `doi` = DOI_PREFIX/uuid ("undefined/…" when unset), `pid` = PID_PREFIX/uuid, `_id` = doi;
// - publish sets isPublished on each listed dataset the caller may update (a missing one is a
//   404 after the ones before it were published, as the backend's Promise.all leaves them);
// - state errors are `new HttpException(text, 400)`, whose body is the bare JSON string.
// Not reproduced: register/resync (they call DataCite and the OAI-PMH service), formpopulate,
// the metadata JSON-schema check on publish (none is configured by default, so none runs),
// `fields.text` ($text search), and the v3 /publisheddata routes.
import { randomUUID } from "node:crypto";
import { canWrite, isAdmin } from "../access.js";
import { validateDto, type DtoSpec } from "../dto.js";
import { applyFilter, countMatching, parseV3Filter } from "../filters.js";
import { forbiddenResource, nestError, plainHttpException } from "../http-exception.js";
import type { RouteContext, Router } from "../router.js";
import { asDoc, type Doc } from "../state.js";

const STATUSES = ["private", "public", "registered", "amended"];
// CreatePublishedDataV4Dto = UpdatePublishedDataV4Dto
const DTO: DtoSpec = { title: ["string", true], abstract: ["string", true], datasetPids: ["stringArray", true], registeredTime: ["date", false], status: ["string", false], metadata: ["object", false] };

function validate(body: unknown, partial: boolean): Doc {
  const messages = validateDto(DTO, body, { partial }).map((i) => i.message);
  const status = asDoc(body).status;
  if (status !== undefined && (typeof status !== "string" || !STATUSES.includes(status))) messages.push(`status must be one of the following values: ${STATUSES.join(", ")}`);
  if (messages.length > 0) throw nestError(400, messages);
  return asDoc(body);
}

/**
 * What a non-admin caller may see (getAccessBasedFilters, the list's $or); lists and counts
 * also show anonymous callers registered documents only (RegisteredFilterPipe).
 */
function visibility(ctx: RouteContext, list = false): Doc | undefined {
  if (isAdmin(ctx.user, ctx.state)) return undefined;
  const or: Doc[] = [{ status: "public" }, { status: "registered" }, { status: "amended" }, { status: "private", createdBy: ctx.user?.username }];
  return ctx.user === null && list ? { $and: [{ status: "registered" }, { $or: or }] } : { $or: or };
}

function find(ctx: RouteContext): Doc {
  const doc = ctx.state.publisheddata.get(ctx.params.id as string);
  const visible = doc && countMatching([doc], {}, visibility(ctx)) === 1;
  if (!doc || !visible) throw nestError(404, `Published data with id ${ctx.params.id} not found.`);
  return doc;
}

function requireUser(ctx: RouteContext): asserts ctx is RouteContext & { user: NonNullable<RouteContext["user"]> } {
  // AuthenticatedPoliciesGuard
  if (ctx.user === null) throw nestError(401, "Unauthenticated");
}

function save(ctx: RouteContext, doc: Doc, changes: Doc): Doc {
  const updated = { ...doc, ...changes, updatedBy: ctx.user?.username, updatedAt: new Date(ctx.state.now()).toISOString() };
  ctx.state.publisheddata.set(String(doc._id), updated);
  return updated;
}

/** `filter` (LoopBack or Mongo where, limits), `limits` and `fields` (ANDed into where) query parameters. */
function listFilter(ctx: RouteContext) {
  const filter = parseV3Filter(ctx.req, ctx.query);
  const limits = ctx.query.get("limits");
  if (limits) Object.assign(filter, parseV3Filter(ctx.req, new URLSearchParams({ filter: JSON.stringify({ limits: JSON.parse(limits) as unknown }) })), { where: filter.where, fields: filter.fields });
  const fields = ctx.query.get("fields");
  if (fields) filter.where = Object.keys(filter.where).length === 0 ? asDoc(JSON.parse(fields)) : { $and: [asDoc(JSON.parse(fields)), filter.where] };
  return filter;
}

/** Adds the v4 published data routes. */
export function addPublishedDataRoutes(router: Router): void {
  // no publishedDataConfig file: getConfig() returns null, an empty 200
  router.add("GET", "/api/v4/publisheddata/config", () => ({ body: null }));
  router.add("POST", "/api/v4/publisheddata", (ctx) => {
    if (ctx.user === null) throw forbiddenResource();
    const body = validate(ctx.body, false);
    const now = new Date(ctx.state.now()).toISOString();
    const doi = `${ctx.state.doiPrefix.replace(/\/$/, "")}/${randomUUID()}`;
    const doc: Doc = { _id: doi, pid: `${ctx.state.pidPrefix.replace(/\/$/, "")}/${randomUUID()}`, doi, status: "private", ...body, createdBy: ctx.user.username, updatedBy: ctx.user.username, createdAt: now, updatedAt: now };
    ctx.state.publisheddata.set(doi, doc);
    return { status: 201, body: doc };
  });
  router.add("GET", "/api/v4/publisheddata", (ctx) => ({ body: applyFilter(ctx.state.publisheddata, listFilter(ctx), visibility(ctx, true)) }));
  router.add("GET", "/api/v4/publisheddata/count", (ctx) => {
    const filter = listFilter(ctx);
    return { body: { count: countMatching(ctx.state.publisheddata.values(), filter.where, visibility(ctx, true)) } };
  });
  router.add("GET", "/api/v4/publisheddata/:id", (ctx) => {
    const doc = ctx.state.publisheddata.get(ctx.params.id as string);
    if (!doc || countMatching([doc], {}, visibility(ctx)) !== 1) throw nestError(404, `Published data with doi ${ctx.params.id} not found.`);
    return { body: doc };
  });
  router.add("PATCH", "/api/v4/publisheddata/:id", (ctx) => {
    requireUser(ctx);
    const doc = find(ctx);
    if (isAdmin(ctx.user, ctx.state) ? ["registered", "amended"].includes(String(doc.status)) : doc.status !== "private") {
      // (sic) both messages as the backend words them
      throw plainHttpException(400, isAdmin(ctx.user, ctx.state) ? `Published data with id ${ctx.params.id} is already registered or amended. It cannot be updated.` : "Published data can only be resynced if it is in private state.");
    }
    return { body: save(ctx, doc, validate(ctx.body, true)) };
  });
  router.add("POST", "/api/v4/publisheddata/:id/publish", (ctx) => {
    requireUser(ctx);
    const doc = find(ctx);
    if (doc.status !== "private") throw plainHttpException(400, "Published data can only be published if it is in private state.");
    for (const pid of Array.isArray(doc.datasetPids) ? doc.datasetPids.map(String) : []) {
      const dataset = ctx.state.datasets.get(pid);
      if (!dataset) throw nestError(404, "Dataset not found");
      if (!canWrite(ctx.user, dataset, ctx.state)) throw nestError(403, "Unauthorized access");
      ctx.state.datasets.set(pid, { ...dataset, isPublished: true, updatedBy: ctx.user.username, updatedAt: new Date(ctx.state.now()).toISOString() });
    }
    return { status: 201, body: save(ctx, doc, { status: "public" }) };
  });
  router.add("POST", "/api/v4/publisheddata/:id/amend", (ctx) => {
    requireUser(ctx);
    if (!isAdmin(ctx.user, ctx.state)) throw plainHttpException(403, "Only admin users can amend published data.");
    const doc = ctx.state.publisheddata.get(ctx.params.id as string);
    if (!doc) throw nestError(404, `Published data with id ${ctx.params.id} not found.`);
    if (doc.status !== "registered") throw plainHttpException(400, "Published data can only be amended if it is in registered state.");
    return { status: 201, body: save(ctx, doc, { status: "amended" }) };
  });
  router.add("DELETE", "/api/v4/publisheddata/:id", (ctx) => {
    requireUser(ctx);
    if (!ctx.user.currentGroups.some((g) => ctx.state.groups.delete.includes(g))) throw forbiddenResource();
    const doc = ctx.state.publisheddata.get(ctx.params.id as string);
    if (!doc) throw nestError(404, `Published data with id ${ctx.params.id} not found.`);
    if (isAdmin(ctx.user, ctx.state) ? ["registered", "amended"].includes(String(doc.status)) : doc.status !== "private") {
      throw plainHttpException(400, isAdmin(ctx.user, ctx.state) ? `Published data with id ${ctx.params.id} is already registered or amended. It cannot be removed.` : "Published data can only be removed if it is in private state.");
    }
    ctx.state.publisheddata.delete(String(doc._id));
    return { body: doc };
  });
}
