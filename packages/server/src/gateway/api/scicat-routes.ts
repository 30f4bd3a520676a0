// GET /api/v1/scicat/datasets[/{pid}[/files]]: SciCat datasets in the /api/v1 shapes, read with
// the caller's own SciCat token (Authorization: Bearer <token>), so SciCat's access rules decide
// what each caller sees; without a token only published datasets (SciCat's /datasets/public
// routes). The gateway holds no SciCat account for reads and never widens access.
import { staticSession, type Transport } from "@catkit/core";
import { ScicatApi, v4Filter, type V4Where } from "@catkit/scicat";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { RequestError } from "../../app/error-reply.js";
import { ERRORS, pageOf } from "./api-schemas.js";
import { PidParams, ScicatDatafileOut, ScicatDatasetOut, ScicatPageQuery } from "./scicat-schemas.js";
import { scicatDatasetOut, scicatFilesOut } from "./scicat-views.js";

const security = [{ scicatToken: [] }, {}];
const tags = ["scicat"];

/** The caller's SciCat token from `Authorization: Bearer`, if any. */
function tokenOf(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  if (auth === undefined) return undefined;
  const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  if (!token) throw new RequestError(401, "BAD_AUTHORIZATION", "send the SciCat token as Authorization: Bearer <token>");
  return token;
}

/**
 * Registers the SciCat routes (under the /api/v1 prefix).
 *
 * @example
 * ```ts
 * await app.register((api) => scicatRoutes(api, { url: "https://scicat.example.org", transport }), { prefix: "/api/v1" });
 * ```
 */
export function scicatRoutes(app: FastifyInstance, o: { url: string; transport: Transport }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const api = (token: string | undefined) => new ScicatApi({ url: o.url, transport: o.transport, ...(token === undefined ? {} : { credential: staticSession(token) }) });
  const notFound = (pid: string): never => {
    throw new RequestError(404, "NOT_FOUND", `no SciCat dataset ${pid} is visible to this caller`);
  };
  const dataset = async (req: FastifyRequest, pid: string, include: ("origdatablocks")[] = []) => {
    const token = tokenOf(req);
    const client = api(token);
    return (token === undefined ? await client.datasets.getPublic(pid, include) : await client.datasets.get(pid, include)) ?? notFound(pid);
  };

  r.get("/scicat/datasets", {
    schema: {
      tags, security, summary: "SciCat datasets the caller's token may read (published ones without a token)",
      querystring: ScicatPageQuery.extend({
        name: z.string().optional().describe("datasetName (exact)"), investigation: z.string().optional().describe("one of proposalIds"),
        instrument: z.string().optional().describe("creationLocation"), location: z.string().optional().describe("sourceFolder (exact)"),
      }),
      response: { 200: pageOf(ScicatDatasetOut), ...ERRORS },
    },
  }, async (req) => {
    const q = req.query;
    const where: V4Where = Object.fromEntries(Object.entries({ datasetName: q.name, proposalIds: q.investigation, creationLocation: q.instrument, sourceFolder: q.location }).filter(([, v]) => v !== undefined));
    const token = tokenOf(req);
    const client = api(token);
    // pid order keeps pages stable; one more than asked says whether another page follows.
    const filter = v4Filter({ where, limit: q.limit + 1, skip: q.offset, sort: { pid: "asc" } });
    const rows = token === undefined ? await client.datasets.findPublic(filter) : await client.datasets.find(filter);
    return { items: rows.slice(0, q.limit).map(scicatDatasetOut), offset: q.offset, limit: q.limit, hasMore: rows.length > q.limit };
  });

  r.get("/scicat/datasets/:pid", { schema: { tags, security, summary: "One SciCat dataset", params: PidParams, response: { 200: ScicatDatasetOut, ...ERRORS } } }, async (req) =>
    scicatDatasetOut(await dataset(req, req.params.pid)));

  r.get("/scicat/datasets/:pid/files", {
    schema: { tags, security, summary: "The files of a SciCat dataset (its orig datablocks)", params: PidParams, querystring: ScicatPageQuery, response: { 200: pageOf(ScicatDatafileOut), ...ERRORS } },
  }, async (req) => {
    const ds = await dataset(req, req.params.pid, ["origdatablocks"]);
    const files = scicatFilesOut(String(ds.pid), (ds.origdatablocks as Record<string, unknown>[] | undefined) ?? []);
    const { offset, limit } = req.query;
    return { items: files.slice(offset, offset + limit), offset, limit, hasMore: files.length > offset + limit };
  });
}
