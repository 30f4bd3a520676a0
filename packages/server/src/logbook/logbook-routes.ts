// /api/v1/logbook: post and read e-logbook events of an investigation (the caller's ICAT session
// must be able to read it) or of a beamline (the caller must be one of its instrument
// scientists in ICAT), and fetch stored images under the same rule.
import { currentUser, eq, Query, type IcatClient } from "@catkit/icat";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { RequestError } from "../app/error-reply.js";
import { sessionOf, type CatalogueAccess } from "../gateway/catalogue-access.js";
import { ERRORS } from "../gateway/api/api-schemas.js";
import type { EventTarget, LogbookService } from "./logbook-service.js";

const security = [{ icatSession: [] }];
const Where = z.object({
  investigationId: z.coerce.number().int().positive().optional(),
  instrumentName: z.string().min(1).optional().describe("the beamline logbook, when no investigationId is given"),
});
const EventOut = z.object({
  id: z.string(), investigationId: z.number().nullable(), investigationName: z.string().nullable(), instrumentName: z.string().nullable(),
  type: z.string(), category: z.string(), creationDate: z.string(), tags: z.array(z.string()),
  body: z.record(z.string(), z.unknown()), image: z.object({ ref: z.string(), mime: z.string(), size: z.number(), url: z.string() }).optional(),
});
const EventIn = z.looseObject({
  type: z.string().optional(), category: z.string().optional(),
  content: z.array(z.object({ format: z.string(), text: z.string() })).optional(),
  tag: z.array(z.object({ name: z.string() })).optional(), tags: z.array(z.string()).optional(),
  base64: z.string().optional().describe("data:<mime>;base64,<data>"), creationDate: z.string().optional(),
});

/**
 * Resolves and authorizes where an event goes, with the caller's session.
 *
 * @throws {RequestError} 400 without a target, 404 when the session cannot read it.
 * @example
 * ```ts
 * const target = await authorizeTarget(icat, { investigationId: 12 });
 * ```
 */
export async function authorizeTarget(icat: IcatClient, w: { investigationId?: number | undefined; instrumentName?: string | undefined }): Promise<EventTarget> {
  if (w.investigationId !== undefined) {
    const [inv] = await icat.search(new Query("Investigation", { conditions: { id: eq(w.investigationId) }, includes: ["investigationInstruments.instrument"] }));
    if (!inv) throw new RequestError(404, "NOT_FOUND", `no investigation with id ${w.investigationId} is visible to this session`);
    return { investigationId: w.investigationId, investigationName: inv.name ?? null, instrumentName: inv.investigationInstruments?.[0]?.instrument?.name ?? null };
  }
  if (w.instrumentName !== undefined) {
    const mine = await icat.search(new Query("InstrumentScientist", { attributes: "id", conditions: { "instrument.name": eq(w.instrumentName), "user.name": eq(currentUser) } }));
    if (mine.length === 0) throw new RequestError(404, "NOT_FOUND", `the beamline logbook of ${w.instrumentName} is for its instrument scientists`);
    return { investigationId: null, investigationName: null, instrumentName: w.instrumentName };
  }
  throw new RequestError(400, "BAD_REQUEST", "give investigationId, or instrumentName for a beamline logbook");
}

/**
 * Registers the logbook routes.
 *
 * @example
 * ```ts
 * await app.register((api) => logbookRoutes(api, access, logbook), { prefix: "/api/v1" });
 * ```
 */
export function logbookRoutes(app: FastifyInstance, access: CatalogueAccess, logbook: LogbookService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const out = (e: Awaited<ReturnType<LogbookService["post"]>>) => ({ ...e, image: e.image && { ...e.image, url: `/api/v1/logbook/images/${e.image.ref}` } });

  r.post("/logbook/events", {
    schema: { tags: ["logbook"], summary: "Post an event (ICAT+ event body)", security, querystring: Where, body: EventIn, response: { 201: EventOut, 413: ERRORS[400], ...ERRORS } },
  }, async (req, reply) => {
    const target = await authorizeTarget(access.icat(sessionOf(req)), req.query);
    return reply.code(201).send(out(await logbook.post(target, req.body)));
  });

  r.get("/logbook/events", {
    schema: {
      tags: ["logbook"], summary: "Events of an investigation or a beamline, in posting order", security,
      querystring: Where.extend({ tag: z.union([z.string(), z.array(z.string())]).optional(), offset: z.coerce.number().int().nonnegative().default(0), limit: z.coerce.number().int().min(1).max(1000).default(100), sessionId: z.string().optional() }),
      response: { 200: z.object({ items: z.array(EventOut), offset: z.number(), limit: z.number(), hasMore: z.boolean() }), ...ERRORS },
    },
  }, async (req) => {
    const q = req.query;
    const target = await authorizeTarget(access.icat(sessionOf(req)), q);
    const tags = q.tag === undefined ? undefined : Array.isArray(q.tag) ? q.tag : [q.tag];
    const page = await logbook.list({ investigationId: target.investigationId ?? undefined, instrumentName: target.instrumentName ?? undefined, tags, offset: q.offset, limit: q.limit });
    return { items: page.items.map(out), offset: q.offset, limit: q.limit, hasMore: page.hasMore };
  });

  r.get("/logbook/images/:ref", {
    schema: { tags: ["logbook"], summary: "A stored image", security, params: z.object({ ref: z.string().regex(/^[0-9a-f]{64}$/) }), querystring: z.object({ sessionId: z.string().optional() }), response: { 200: z.any(), ...ERRORS } },
  }, async (req, reply) => {
    const owner = await logbook.store.imageOwner(req.params.ref);
    if (!owner) throw new RequestError(404, "NOT_FOUND", "no such image");
    await authorizeTarget(access.icat(sessionOf(req)), owner.investigationId === null ? { instrumentName: owner.instrumentName ?? "" } : { investigationId: owner.investigationId });
    const opened = await logbook.images.open(req.params.ref);
    if (!opened) throw new RequestError(404, "NOT_FOUND", "the image file is missing from the image store");
    return reply.header("content-length", opened.size).type(owner.mime).send(opened.stream);
  });
}
