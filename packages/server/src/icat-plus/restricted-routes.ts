// ICAT+'s session routes (pyicat-plus.md §2.2, §2.4), over real ICAT sessions: POST session logs
// in to ICAT (the plugin mapped through gateway.loginPlugins), session/{id} describes it, and
// catalogue/, samplemetadata/, logbook/{sessionId}/… read with that session (tracking/ is in
// tracking/tracking-routes.ts), so ICAT's
// rules decide what each caller sees. 403 for a session ICAT does not know, 405 for another
// method, as the ICAT+ sandbox answers.
import { registerSecret } from "@catkit/core";
import { eq, Query, type IcatClient } from "@catkit/icat";
import type { FastifyInstance } from "fastify";
import { RequestError } from "../app/error-reply.js";
import type { CatalogueAccess } from "../gateway/catalogue-access.js";
import type { LogbookService } from "../logbook/logbook-service.js";
import { authorizeTarget } from "../logbook/logbook-routes.js";
import type { ServiceIcat } from "../app/service-icat.js";
import { datasets, investigations, samples } from "./icat-plus-views.js";
import { sessionRoles, type AdministratorRules } from "./session-roles.js";

type QueryString = Record<string, string | undefined>;
type Req = { Params: { sessionId: string }; Querystring: QueryString };
const HEADS = ["session", "catalogue", "tracking", "samplemetadata", "logbook"];

/**
 * What the routes need.
 *
 * @example
 * ```ts
 * const deps: RestrictedDeps = { access, logbook, service, loginPlugins: { esrf: "db" }, administrators: { userNames: [], groups: ["admin"] } };
 * ```
 */
export interface RestrictedDeps {
  access: CatalogueAccess;
  logbook: LogbookService;
  /** The gateway's service account, if it has one: reads the rows the session roles come from. */
  service: ServiceIcat | undefined;
  loginPlugins: Readonly<Record<string, string>>;
  administrators: AdministratorRules;
}

/**
 * Registers the routes.
 *
 * @example
 * ```ts
 * restrictedRoutes(app, deps);
 * ```
 */
export function restrictedRoutes(app: FastifyInstance, deps: RestrictedDeps): void {
  const { access, logbook, loginPlugins } = deps;
  /** The user's full name and roles, as ICAT+'s session answers carry them. */
  const userOf = async (icat: IcatClient, userName: string) => {
    const [[user], roles] = await Promise.all([
      icat.search(new Query("User", { conditions: { name: eq(userName) } })).catch(() => []),
      sessionRoles(userName, { service: deps.service, caller: icat, administrators: deps.administrators }),
    ]);
    return { fullName: user?.fullName ?? userName, ...roles };
  };
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
    return { sessionId, name: userName, username, ...(await userOf(icat, userName)) };
  });

  app.get<Req>("/session/:sessionId", { schema: { ...schema, summary: "ICAT+ session information" } }, async (req) => {
    const icat = access.icat(req.params.sessionId);
    const { userName } = await icat.sessionInfo();
    const { fullName, isAdministrator, isInstrumentScientist } = await userOf(icat, userName);
    // Strings here, as ICAT+ answers session/{id} (what etherpad's ICAT+ plugin reads).
    return { userName, user: { fullName, isAdministrator: String(isAdministrator), isInstrumentScientist: String(isInstrumentScientist) } };
  });

  const get = (path: string, summary: string, handler: (sessionId: string, q: QueryString) => Promise<unknown>) =>
    app.get<Req>(`/${path.replace("{sessionId}", ":sessionId")}`, { schema: { ...schema, summary } }, (req) => handler(req.params.sessionId, req.query));

  get("catalogue/{sessionId}/investigation", "Investigations visible to the session", (sid, q) => investigations(access.icat(sid), { instrumentName: q.instrumentName, investigationName: q.investigationName, ids: q.ids }));
  get("catalogue/{sessionId}/dataset", "Datasets visible to the session", (sid, q) => datasets(access.icat(sid), { investigationIds: q.investigationIds, datasetIds: q.datasetIds }));
  get("catalogue/{sessionId}/samples", "Samples visible to the session", (sid, q) => samples(access.icat(sid), { investigationId: q.investigationId, sampleIds: q.sampleIds }));
  // No sample-resource service behind this gateway: none, as ICAT+ answers a sample without any.
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
