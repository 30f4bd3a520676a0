// ICAT+'s session routes (pyicat-plus.md §2.2, §2.4), over real ICAT sessions: POST session logs
// in to ICAT (the plugin mapped through gateway.loginPlugins), session/{id} describes it, and
// catalogue/, tracking/, samplemetadata/, logbook/{sessionId}/… read with that session, so ICAT's
// rules decide what each caller sees. 403 for a session ICAT does not know, 405 for another
// method, as the ICAT+ sandbox answers.
import { registerSecret } from "@catkit/core";
import { eq, Query } from "@catkit/icat";
import type { FastifyInstance } from "fastify";
import { RequestError } from "../app/error-reply.js";
import type { CatalogueAccess } from "../gateway/catalogue-access.js";
import type { LogbookService } from "../logbook/logbook-service.js";
import { authorizeTarget } from "../logbook/logbook-routes.js";
import { datasets, investigations, samples } from "./icat-plus-views.js";

type QueryString = Record<string, string | undefined>;
type Req = { Params: { sessionId: string }; Querystring: QueryString };
const HEADS = ["session", "catalogue", "tracking", "samplemetadata", "logbook"];

/**
 * Registers the routes.
 *
 * @example
 * ```ts
 * restrictedRoutes(app, access, logbook, { esrf: "db" });
 * ```
 */
export function restrictedRoutes(app: FastifyInstance, access: CatalogueAccess, logbook: LogbookService, loginPlugins: Readonly<Record<string, string>>): void {
  const schema = { tags: ["icat-plus"] };

  app.post<{ Body: { plugin?: string; username?: string; password?: string } }>("/session", { schema: { ...schema, summary: "ICAT+ login (an ICAT session)" } }, async (req) => {
    const { plugin = "esrf", username = "", password = "" } = req.body ?? {};
    const icat = access.icat(undefined);
    let sessionId: string;
    try {
      sessionId = await icat.login(loginPlugins[plugin] ?? plugin, { username, password });
    } catch (err) {
      if ((err as { status?: number }).status === 403) throw new RequestError(403, "AUTHENTICATION_FAILED", "Authentication failed");
      throw err;
    }
    registerSecret(sessionId);
    const { userName } = await icat.sessionInfo();
    const [user] = await icat.search(new Query("User", { conditions: { name: eq(userName) } })).catch(() => []);
    return { sessionId, name: userName, username, fullName: user?.fullName ?? userName, isAdministrator: false, isInstrumentScientist: false };
  });

  app.get<Req>("/session/:sessionId", { schema: { ...schema, summary: "ICAT+ session information" } }, async (req) => {
    const icat = access.icat(req.params.sessionId);
    const { userName } = await icat.sessionInfo();
    const [user] = await icat.search(new Query("User", { conditions: { name: eq(userName) } })).catch(() => []);
    return { userName, user: { fullName: user?.fullName ?? userName, isAdministrator: "false", isInstrumentScientist: "false" } };
  });

  const get = (path: string, summary: string, handler: (sessionId: string, q: QueryString) => Promise<unknown>) =>
    app.get<Req>(`/${path.replace("{sessionId}", ":sessionId")}`, { schema: { ...schema, summary } }, (req) => handler(req.params.sessionId, req.query));

  get("catalogue/{sessionId}/investigation", "Investigations visible to the session", (sid, q) => investigations(access.icat(sid), { instrumentName: q.instrumentName, investigationName: q.investigationName, ids: q.ids }));
  get("catalogue/{sessionId}/dataset", "Datasets visible to the session", (sid, q) => datasets(access.icat(sid), { investigationIds: q.investigationIds, datasetIds: q.datasetIds }));
  get("catalogue/{sessionId}/samples", "Samples visible to the session", (sid, q) => samples(access.icat(sid), { investigationId: q.investigationId, sampleIds: q.sampleIds }));
  // No sample-tracking or sample-resource service behind this gateway: empty, as ICAT+ answers for none.
  get("tracking/{sessionId}/parcel", "Parcels (none: no tracking service)", async (sid) => {
    await access.icat(sid).sessionInfo();
    return [];
  });
  get("catalogue/{sessionId}/files", "Sample resources (none)", async (sid) => {
    await access.icat(sid).sessionInfo();
    return { resources: [] };
  });
  get("catalogue/{sessionId}/files/download", "Sample resource download", async (sid) => {
    await access.icat(sid).sessionInfo();
    throw new RequestError(404, "NOT_FOUND", "Resource not found");
  });
  get("samplemetadata/{sessionId}/samples/acquisition", "Samples of a proposal's session", async (sid, q) => {
    const icat = access.icat(sid);
    const invs = (await investigations(icat, { instrumentName: q.beamline, investigationName: q.proposal })).filter((i) => !q.startDate || String(i.startDate).startsWith(q.startDate));
    const found = (await Promise.all(invs.map((i) => samples(icat, { investigationId: String(i.id) })))).flat();
    return found.map((x) => ({ id: x.id, name: x.name, proposal: q.proposal, beamline: q.beamline }));
  });
  get("logbook/{sessionId}/event", "E-logbook events of an investigation", async (sid, q) => {
    const investigationId = q.investigationId ? Number(q.investigationId) : undefined;
    if (investigationId === undefined || !Number.isSafeInteger(investigationId)) throw new RequestError(400, "BAD_REQUEST", "investigationId is required");
    const target = await authorizeTarget(access.icat(sid), { investigationId });
    const out: Record<string, unknown>[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await logbook.list({ investigationId: target.investigationId ?? undefined, offset, limit: 1000 });
      out.push(...page.items.map((e) => ({ _id: e.id, ...e.body })));
      if (!page.hasMore) return out;
    }
  });

  // Any other method on these routes: 405, as ICAT+ answers.
  for (const head of HEADS) {
    app.route({ method: ["POST", "PUT", "DELETE", "PATCH"], url: `/${head}/:sessionId/*`, schema: { hide: true }, handler: () => {
      throw new RequestError(405, "METHOD_NOT_ALLOWED", "Method not allowed");
    } });
  }
}
