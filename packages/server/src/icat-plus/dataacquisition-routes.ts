// ICAT+'s API-key routes, as pyicat-plus calls them (pyicat-plus.md §2.2) and as the ICAT+
// sandbox answers them: POST dataacquisition/{apiKey}/notification|base64 (e-logbook events),
// GET dataacquisition/{apiKey}/investigation|dataset. 403 for an unknown key, 400 for a body that
// is not JSON or an investigation that does not exist. Reads use the service ICAT account.
import type { FastifyInstance } from "fastify";
import { RequestError } from "../app/error-reply.js";
import type { ServiceIcat } from "../app/service-icat.js";
import type { EventTarget, LogbookService } from "../logbook/logbook-service.js";
import type { InvestigationCache } from "./investigation-cache.js";
import { datasets, investigations } from "./icat-plus-views.js";
import { keyRoutes } from "./key-routes.js";

type Query = Record<string, string | undefined>;

/**
 * What the routes need.
 *
 * @example
 * ```ts
 * const deps: DataAcquisitionDeps = { apiKeys: new Set(config.gateway.apiKeys), service, logbook, cache };
 * ```
 */
export interface DataAcquisitionDeps {
  apiKeys: ReadonlySet<string>;
  service: ServiceIcat | undefined;
  logbook: LogbookService;
  cache: InvestigationCache;
}

/** Where an event posted with these query parameters goes (ICAT+'s rules, read with the service account). */
async function target(service: ServiceIcat, q: Query): Promise<EventTarget> {
  await service.ready();
  if (q.investigationId) {
    const [inv] = await investigations(service.icat, { ids: q.investigationId });
    if (!inv) throw new RequestError(400, "UNKNOWN_INVESTIGATION", `Investigation ${q.investigationId} not found`);
    return { investigationId: Number(inv.id), investigationName: String(inv.name), instrumentName: (inv.instrument as { name?: string }).name ?? q.instrumentName ?? null };
  }
  if (q.investigationName) {
    const found = await investigations(service.icat, { investigationName: q.investigationName, instrumentName: q.instrumentName });
    const inv = found.at(-1);
    if (!inv) throw new RequestError(400, "UNKNOWN_INVESTIGATION", `Investigation ${q.investigationName} not found`);
    return { investigationId: Number(inv.id), investigationName: q.investigationName, instrumentName: q.instrumentName ?? null };
  }
  if (q.instrumentName) return { investigationId: null, investigationName: null, instrumentName: q.instrumentName };
  throw new RequestError(400, "BAD_REQUEST", "give investigationId, investigationName or instrumentName");
}

/**
 * Registers the routes.
 *
 * @example
 * ```ts
 * app.register((scope, _o, done) => { dataAcquisitionRoutes(scope, deps); done(); });
 * ```
 */
export function dataAcquisitionRoutes(app: FastifyInstance, deps: DataAcquisitionDeps): void {
  // Any content type reaches the handler, which answers 400 for non-JSON as ICAT+ does (not 415).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_req, body, done) => done(null, body));
  const tags = ["icat-plus"];

  for (const endpoint of ["notification", "base64"] as const) {
    keyRoutes(app, deps, "POST", endpoint, { tags, summary: `ICAT+ e-logbook ${endpoint}` }, async (service, req) => {
      if (!(req.headers["content-type"] ?? "").startsWith("application/json")) throw new RequestError(400, "BAD_REQUEST", "Content-Type must be application/json");
      let body: unknown;
      try {
        body = JSON.parse(req.body);
      } catch {
        throw new RequestError(400, "BAD_REQUEST", "The body is not JSON");
      }
      if (!body || typeof body !== "object" || Array.isArray(body)) throw new RequestError(400, "BAD_REQUEST", "The body must be a JSON object");
      if (endpoint === "base64" && typeof (body as { base64?: unknown }).base64 !== "string") throw new RequestError(400, "BAD_IMAGE", "base64 is required");
      const event = await deps.logbook.post(await target(service, req.query), body as Record<string, unknown>);
      return { _id: event.id, ...(body as Record<string, unknown>) };
    });
  }

  // Not async: a cache hit is answered in the same tick, without a promise.
  keyRoutes(app, deps, "GET", "investigation", { tags, summary: "ICAT+ investigations of a proposal on a beamline (cached)" }, (service, req, reply) => {
    const { instrumentName = null, investigationName = null } = req.query;
    const key = `${instrumentName}\u0000${investigationName}`;
    void reply.header("content-type", "application/json; charset=utf-8");
    const hit = deps.cache.peek(key);
    if (hit !== undefined) {
      void reply.send(hit);
      return undefined;
    }
    return deps.cache.load(key, async () => {
      await service.ready();
      return investigations(service.icat, { instrumentName, investigationName });
    });
  });

  keyRoutes(app, deps, "GET", "dataset", { tags, summary: "ICAT+ datasets of an investigation" }, async (service, req) => {
    await service.ready();
    return datasets(service.icat, { investigationIds: req.query.investigationId ?? null });
  });
}
