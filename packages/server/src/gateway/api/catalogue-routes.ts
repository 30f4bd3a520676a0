// GET /api/v1/{investigations,datasets,datafiles,samples}[/{id}]: paged, filtered ICAT reads made
// with the caller's session (ICAT's rules decide what each caller sees).
import { eq, ge, le, like, type ConditionValue } from "@catkit/icat";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { RequestError } from "../../app/error-reply.js";
import { sessionOf, type CatalogueAccess } from "../catalogue-access.js";
import { DatafileOut, DatasetOut, ERRORS, IdParams, InvestigationOut, PageQuery, SampleOut, pageOf } from "./api-schemas.js";
import { datafileOut, datasetOut, investigationOut, sampleOut } from "./entity-views.js";
import { getById, pagedSearch } from "./paged-search.js";

const id = z.coerce.number().int().positive();
const security = [{ icatSession: [] }];

/** Condition map without the filters that were not given. */
function conds(entries: Record<string, ConditionValue | undefined>): Record<string, ConditionValue> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as Record<string, ConditionValue>;
}
const contains = (s: string | undefined) => (s === undefined ? undefined : like(`%${s.replace(/[%_\\]/g, (c) => `\\${c}`)}%`, "\\"));

const INV_INCLUDES = ["type", "investigationInstruments.instrument"];
const DS_INCLUDES = ["type", "investigation", "sample", "parameters.type"];
const DF_INCLUDES = ["dataset"];
const SAMPLE_INCLUDES = ["type", "investigation"];

/**
 * Registers the catalogue routes.
 *
 * @example
 * ```ts
 * await app.register((api) => catalogueRoutes(api, access), { prefix: "/api/v1" });
 * ```
 */
export function catalogueRoutes(app: FastifyInstance, access: CatalogueAccess): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const notFound = (what: string, n: number): never => {
    throw new RequestError(404, "NOT_FOUND", `no ${what} with id ${n} is visible to this session`);
  };

  r.get("/investigations", {
    schema: {
      tags: ["catalogue"], summary: "Investigations visible to the session", security,
      querystring: PageQuery.extend({
        name: z.string().optional().describe("proposal name (exact)"), instrument: z.string().optional(),
        title: z.string().optional().describe("substring of the title"),
        startAfter: z.iso.datetime({ offset: true }).optional(), startBefore: z.iso.datetime({ offset: true }).optional(),
      }),
      response: { 200: pageOf(InvestigationOut), ...ERRORS },
    },
  }, async (req) => {
    const q = req.query;
    const start = [q.startAfter && ge(new Date(q.startAfter)), q.startBefore && le(new Date(q.startBefore))].filter((c): c is string => !!c);
    const { rows, hasMore } = await pagedSearch(access.icat(sessionOf(req)), "Investigation", conds({
      name: q.name === undefined ? undefined : eq(q.name), "investigationInstruments.instrument.name": q.instrument === undefined ? undefined : eq(q.instrument),
      title: contains(q.title), startDate: start.length ? start : undefined,
    }), INV_INCLUDES, q.offset, q.limit);
    return { items: rows.map(investigationOut), offset: q.offset, limit: q.limit, hasMore };
  });
  r.get("/investigations/:id", { schema: { tags: ["catalogue"], security, params: IdParams, response: { 200: InvestigationOut, ...ERRORS } } }, async (req) =>
    investigationOut((await getById(access.icat(sessionOf(req)), "Investigation", req.params.id, INV_INCLUDES)) ?? notFound("investigation", req.params.id)));

  r.get("/datasets", {
    schema: {
      tags: ["catalogue"], summary: "Datasets visible to the session", security,
      querystring: PageQuery.extend({ investigationId: id.optional(), sampleId: id.optional(), name: z.string().optional(), location: z.string().optional() }),
      response: { 200: pageOf(DatasetOut), ...ERRORS },
    },
  }, async (req) => {
    const q = req.query;
    const { rows, hasMore } = await pagedSearch(access.icat(sessionOf(req)), "Dataset", conds({
      "investigation.id": q.investigationId === undefined ? undefined : eq(q.investigationId), "sample.id": q.sampleId === undefined ? undefined : eq(q.sampleId),
      name: q.name === undefined ? undefined : eq(q.name), location: q.location === undefined ? undefined : eq(q.location),
    }), DS_INCLUDES, q.offset, q.limit);
    return { items: rows.map(datasetOut), offset: q.offset, limit: q.limit, hasMore };
  });
  r.get("/datasets/:id", { schema: { tags: ["catalogue"], security, params: IdParams, response: { 200: DatasetOut, ...ERRORS } } }, async (req) =>
    datasetOut((await getById(access.icat(sessionOf(req)), "Dataset", req.params.id, DS_INCLUDES)) ?? notFound("dataset", req.params.id)));

  r.get("/datafiles", {
    schema: {
      tags: ["catalogue"], summary: "Datafiles visible to the session", security,
      querystring: PageQuery.extend({ datasetId: id.optional(), name: z.string().optional() }),
      response: { 200: pageOf(DatafileOut), ...ERRORS },
    },
  }, async (req) => {
    const q = req.query;
    const { rows, hasMore } = await pagedSearch(access.icat(sessionOf(req)), "Datafile", conds({
      "dataset.id": q.datasetId === undefined ? undefined : eq(q.datasetId), name: q.name === undefined ? undefined : eq(q.name),
    }), DF_INCLUDES, q.offset, q.limit);
    return { items: rows.map(datafileOut), offset: q.offset, limit: q.limit, hasMore };
  });
  r.get("/datafiles/:id", { schema: { tags: ["catalogue"], security, params: IdParams, response: { 200: DatafileOut, ...ERRORS } } }, async (req) =>
    datafileOut((await getById(access.icat(sessionOf(req)), "Datafile", req.params.id, DF_INCLUDES)) ?? notFound("datafile", req.params.id)));

  r.get("/samples", {
    schema: {
      tags: ["catalogue"], summary: "Samples visible to the session", security,
      querystring: PageQuery.extend({ investigationId: id.optional(), name: z.string().optional() }),
      response: { 200: pageOf(SampleOut), ...ERRORS },
    },
  }, async (req) => {
    const q = req.query;
    const { rows, hasMore } = await pagedSearch(access.icat(sessionOf(req)), "Sample", conds({
      "investigation.id": q.investigationId === undefined ? undefined : eq(q.investigationId), name: q.name === undefined ? undefined : eq(q.name),
    }), SAMPLE_INCLUDES, q.offset, q.limit);
    return { items: rows.map(sampleOut), offset: q.offset, limit: q.limit, hasMore };
  });
  r.get("/samples/:id", { schema: { tags: ["catalogue"], security, params: IdParams, response: { 200: SampleOut, ...ERRORS } } }, async (req) =>
    sampleOut((await getById(access.icat(sessionOf(req)), "Sample", req.params.id, SAMPLE_INCLUDES)) ?? notFound("sample", req.params.id)));
}
