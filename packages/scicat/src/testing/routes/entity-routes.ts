// The v3 CRUD controllers of samples, proposals and instruments
// (BE:src/samples/samples.controller.ts, proposals/proposals.controller.ts,
// instruments/instruments.controller.ts): create (201), list with a LoopBack filter (limit 100),
// count, findOne, read/patch/delete by id, and the datasets linked to a sample or proposal.
import { randomUUID } from "node:crypto";
import type { SandboxUser } from "../accounts.js";
import { canRead, canWrite, isAdmin } from "../access.js";
import { validateDto, type DtoSpec } from "../dto.js";
import { applyFilter, countMatching, parseV3Filter } from "../filters.js";
import { forbiddenResource, nestError } from "../http-exception.js";
import type { RouteContext, Router } from "../router.js";
import { asDoc, type Doc, type SandboxState } from "../state.js";

interface Entity {
  path: string;
  collection: "samples" | "proposals" | "instruments";
  idField: string;
  label: string;
  dto: DtoSpec;
  newId(state: SandboxState): string;
  mayCreate(user: SandboxUser, body: Doc, state: SandboxState): boolean;
  /** Everyone may read (instruments); otherwise the ownable rules. */
  openRead?: boolean;
  /** The dataset field listing this entity's ids, for /{id}/datasets. */
  datasetLink?: string;
}

const OWNABLE: DtoSpec = { ownerGroup: ["nonEmptyString", true], accessGroups: ["stringArray", false], instrumentGroup: ["string", false], isPublished: ["boolean", false] };

const ENTITIES: Entity[] = [
  {
    path: "samples",
    collection: "samples",
    idField: "sampleId",
    label: "Sample",
    dto: { ...OWNABLE, sampleId: ["string", false], sampleName: ["string", true], owner: ["string", false], description: ["string", false], type: ["string", false], proposalId: ["string", false], parentSampleId: ["string", false], sampleCharacteristics: ["object", false] },
    newId: () => randomUUID(),
    mayCreate: (user, body, state) => isAdmin(user, state) || user.currentGroups.includes(String(body.ownerGroup)),
    datasetLink: "sampleIds",
  },
  {
    path: "proposals",
    collection: "proposals",
    idField: "proposalId",
    label: "Proposal",
    dto: {
      ...OWNABLE, proposalId: ["string", true], email: ["email", true], title: ["string", true], pi_email: ["string", false], pi_firstname: ["string", false], pi_lastname: ["string", false],
      firstname: ["string", false], lastname: ["string", false], abstract: ["string", false], startTime: ["date", false], endTime: ["date", false], MeasurementPeriodList: ["array", false],
      metadata: ["object", false], parentProposalId: ["string", false], type: ["string", false], instrumentIds: ["stringArray", false],
    },
    newId: () => randomUUID(),
    mayCreate: (user, _body, state) => isAdmin(user, state) || user.currentGroups.some((g) => state.groups.proposal.includes(g)),
    datasetLink: "proposalIds",
  },
  {
    path: "instruments",
    collection: "instruments",
    idField: "pid",
    label: "Instrument",
    dto: { uniqueName: ["string", true], name: ["string", true], customMetadata: ["object", false] },
    // instrument.schema.ts: PID_PREFIX + uuid, no slash
    newId: (state) => `${state.pidPrefix}${randomUUID()}`,
    mayCreate: (user, _body, state) => isAdmin(user, state),
    openRead: true,
  },
];


function addEntity(router: Router, e: Entity): void {
  const base = `/api/v3/${e.path}`;
  const store = (ctx: RouteContext) => ctx.state[e.collection];
  const readable = (ctx: RouteContext, doc: Doc) => e.openRead === true || canRead(ctx.user, doc, ctx.state);
  const found = (ctx: RouteContext): Doc => {
    const doc = store(ctx).get(ctx.params.id as string);
    if (!doc) throw nestError(404, `${e.label} with id ${ctx.params.id} not found`);
    if (!readable(ctx, doc)) throw nestError(403, "Unauthorized access");
    return doc;
  };
  const visible = (ctx: RouteContext) => [...store(ctx).values()].filter((d) => readable(ctx, d));

  router.add("POST", base, (ctx) => {
    if (ctx.user === null) throw forbiddenResource();
    const issues = validateDto(e.dto, ctx.body);
    if (issues.length > 0) throw nestError(400, issues.map((i) => i.message));
    const body = asDoc(ctx.body);
    if (!e.mayCreate(ctx.user, body, ctx.state)) throw forbiddenResource();
    const id = typeof body[e.idField] === "string" ? String(body[e.idField]) : e.newId(ctx.state);
    if (store(ctx).has(id)) throw nestError(409, `${e.label} with ${e.idField} ${id} already exists`);
    const now = new Date(ctx.state.now()).toISOString();
    const doc: Doc = { _id: id, ...(e.openRead ? {} : { accessGroups: [], isPublished: false }), ...body, [e.idField]: id, createdBy: ctx.user.username, updatedBy: ctx.user.username, createdAt: now, updatedAt: now };
    if (e.collection === "proposals" && Array.isArray(body.MeasurementPeriodList)) {
      delete doc.MeasurementPeriodList;
      doc.MeasurementPeriodList = body.MeasurementPeriodList;
    }
    store(ctx).set(id, doc);
    return { status: 201, body: doc };
  });
  router.add("GET", base, (ctx) => ({ body: applyFilter(visible(ctx), parseV3Filter(ctx.req, ctx.query)) }));
  router.add("GET", `${base}/count`, (ctx) => ({ body: { count: countMatching(visible(ctx), parseV3Filter(ctx.req, ctx.query).where) } }));
  router.add("GET", `${base}/findOne`, (ctx) => ({ body: applyFilter(visible(ctx), { ...parseV3Filter(ctx.req, ctx.query), limit: 1 })[0] ?? null }));
  router.add("GET", `${base}/:id`, (ctx) => ({ body: found(ctx) }));
  router.add("PATCH", `${base}/:id`, (ctx) => {
    const doc = found(ctx);
    if (!(e.openRead ? isAdmin(ctx.user, ctx.state) : canWrite(ctx.user, doc, ctx.state))) throw forbiddenResource();
    const issues = validateDto(e.dto, ctx.body, { partial: true });
    if (issues.length > 0) throw nestError(400, issues.map((i) => i.message));
    const next = { ...doc, ...asDoc(ctx.body), [e.idField]: doc[e.idField], updatedBy: ctx.user?.username, updatedAt: new Date(ctx.state.now()).toISOString() };
    store(ctx).set(String(doc[e.idField]), next);
    return { body: next };
  });
  router.add("DELETE", `${base}/:id`, (ctx) => {
    const doc = found(ctx);
    if (!(e.openRead ? isAdmin(ctx.user, ctx.state) : canWrite(ctx.user, doc, ctx.state))) throw forbiddenResource();
    store(ctx).delete(String(doc[e.idField]));
    return { body: doc };
  });
  const link = e.datasetLink;
  if (link) {
    router.add("GET", `${base}/:id/datasets`, (ctx) => {
      const id = found(ctx)[e.idField];
      return { body: [...ctx.state.datasets.values()].filter((d) => (d[link] as unknown[] | undefined)?.includes(id) && canRead(ctx.user, d, ctx.state)) };
    });
  }
}

/** Adds the sample, proposal and instrument routes. */
export function addEntityRoutes(router: Router): void {
  for (const e of ENTITIES) addEntity(router, e);
}
