// Attachments: /api/v4/attachments (BE:src/attachments/attachments.v4.controller.ts,
// dto/*.v4.dto.ts) with `relationships` [{targetId, targetType, relationType}] and a uuid `aid`;
// the thumbnail is an unvalidated string (a data URI by convention); PATCH honours
// If-Unmodified-Since. The v3 nested POST /api/v3/datasets/{pid}/attachments remains.
import { randomUUID } from "node:crypto";
import { canRead, canWrite, isAdmin } from "../access.js";
import { attachmentsOf } from "../datasets.js";
import { validateDto, type DtoSpec } from "../dto.js";
import { applyFilter, parseV3Filter } from "../filters.js";
import { forbiddenResource, nestError } from "../http-exception.js";
import { patchDocument } from "../merge-patch.js";
import type { RouteContext, Router } from "../router.js";
import { asDoc, type Doc } from "../state.js";
import { checkUnmodifiedSince } from "./datasets-v4-routes.js";

const TARGET_TYPES = ["dataset", "proposal", "sample", "published_data"];
const ATTACHMENT_V4: DtoSpec = {
  ownerGroup: ["nonEmptyString", true], accessGroups: ["stringArray", false], instrumentGroup: ["string", false],
  caption: ["string", true], isPublished: ["boolean", true], thumbnail: ["string", false], relationships: ["array", false], aid: ["string", false],
};
const ATTACHMENT_V3: DtoSpec = {
  ownerGroup: ["nonEmptyString", true], accessGroups: ["stringArray", false], instrumentGroup: ["string", false],
  caption: ["string", true], thumbnail: ["string", false], datasetId: ["string", false], proposalId: ["string", false], sampleId: ["string", false], isPublished: ["boolean", false],
};

function validate(spec: DtoSpec, body: unknown, partial = false): void {
  const messages = validateDto(spec, body, { partial }).map((i) => i.message);
  const rels = asDoc(body).relationships;
  if (Array.isArray(rels)) {
    rels.forEach((r, n) => {
      const rel = asDoc(r);
      if (typeof rel.targetId !== "string") messages.push(`relationships.${n}.targetId must be a string`);
      if (!TARGET_TYPES.includes(String(rel.targetType))) messages.push(`relationships.${n}.targetType must be one of the following values: ${TARGET_TYPES.join(", ")}`);
    });
  }
  if (messages.length > 0) throw nestError(400, messages);
}

function stamp(ctx: RouteContext, doc: Doc): Doc {
  const now = new Date(ctx.state.now()).toISOString();
  return { ...doc, createdBy: ctx.user?.username, updatedBy: ctx.user?.username, createdAt: now, updatedAt: now };
}

function found(ctx: RouteContext): Doc {
  const doc = ctx.state.attachments.get(ctx.params.aid as string);
  if (!doc) throw nestError(404, `Attachment: ${ctx.params.aid} not found`);
  return doc;
}

/** Adds the attachment routes. */
export function addAttachmentRoutes(router: Router): void {
  router.add("POST", "/api/v4/attachments", (ctx) => {
    if (ctx.user === null) throw forbiddenResource();
    validate(ATTACHMENT_V4, ctx.body);
    const body = asDoc(ctx.body);
    if (!isAdmin(ctx.user, ctx.state) && !ctx.user.currentGroups.includes(String(body.ownerGroup))) throw nestError(403, "Unauthorized to create this attachment");
    const aid = typeof body.aid === "string" ? body.aid : randomUUID();
    if (ctx.state.attachments.has(aid)) throw nestError(409, `Attachment with aid ${aid} already exists`);
    const relationships = ((body.relationships as Doc[] | undefined) ?? []).map((r) => ({ relationType: "is attached to", ...r }));
    const doc = stamp(ctx, { _id: aid, aid, accessGroups: [], ...body, relationships });
    ctx.state.attachments.set(aid, doc);
    return { status: 201, body: doc };
  });
  router.add("GET", "/api/v4/attachments", (ctx) => {
    if (ctx.user === null) throw forbiddenResource();
    const filter = parseV3Filter(ctx.req, ctx.query);
    return { body: applyFilter([...ctx.state.attachments.values()].filter((a) => canRead(ctx.user, a, ctx.state)), filter) };
  });
  router.add("GET", "/api/v4/attachments/public", (ctx) => {
    const filter = parseV3Filter(ctx.req, ctx.query);
    return { body: applyFilter(ctx.state.attachments.values(), filter, { isPublished: true }) };
  });
  router.add("GET", "/api/v4/attachments/:aid", (ctx) => {
    const doc = found(ctx);
    if (!canRead(ctx.user, doc, ctx.state)) throw nestError(403, "Unauthorized to this attachment");
    return { body: doc };
  });
  for (const method of ["PATCH", "PUT"] as const) {
    router.add(method, "/api/v4/attachments/:aid", (ctx) => {
      const doc = found(ctx);
      if (!canWrite(ctx.user, doc, ctx.state)) throw nestError(403, "Unauthorized to update this attachment");
      checkUnmodifiedSince(ctx, doc, `Attachment #${String(doc.aid)}`);
      validate(ATTACHMENT_V4, ctx.body, method === "PATCH");
      const base = method === "PUT" ? { _id: doc._id, aid: doc.aid, createdAt: doc.createdAt, createdBy: doc.createdBy } : doc;
      const next = { ...patchDocument(base, asDoc(ctx.body), ctx.contentType === "application/merge-patch+json"), updatedBy: ctx.user?.username, updatedAt: new Date(ctx.state.now()).toISOString() };
      ctx.state.attachments.set(String(doc.aid), next);
      return { body: next };
    });
  }
  router.add("DELETE", "/api/v4/attachments/:aid", (ctx) => {
    const doc = found(ctx);
    if (!canWrite(ctx.user, doc, ctx.state)) throw nestError(403, "Unauthorized to delete this attachment");
    ctx.state.attachments.delete(String(doc.aid));
    return { body: doc };
  });
  // v3, nested under the target: the relationship is inferred.
  for (const [collection, type] of [["datasets", "dataset"], ["samples", "sample"], ["proposals", "proposal"]] as const) {
    router.add("POST", `/api/v3/${collection}/:id/attachments`, (ctx) => {
      if (ctx.user === null) throw forbiddenResource();
      validate(ATTACHMENT_V3, ctx.body);
      const aid = randomUUID();
      const body = asDoc(ctx.body);
      const doc = stamp(ctx, { _id: aid, aid, accessGroups: [], isPublished: false, ...body, relationships: [{ targetId: ctx.params.id, targetType: type, relationType: "is attached to" }] });
      ctx.state.attachments.set(aid, doc);
      return { status: 201, body: doc };
    });
    router.add("GET", `/api/v3/${collection}/:id/attachments`, (ctx) => ({
      body: attachmentsOf(ctx.state, ctx.params.id as string, type).filter((a) => canRead(ctx.user, a, ctx.state)),
    }));
  }
}
