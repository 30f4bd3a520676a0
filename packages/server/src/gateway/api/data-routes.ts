// Downloads and archive state, streamed from IDS with the caller's session:
// GET /datafiles/{id}/content (Range passed through), GET /datasets/{id}/zip, GET …/status and
// POST …/restore. Bodies are piped from IDS to the caller as they arrive; nothing is buffered.
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServerMetrics } from "../../app/metrics.js";
import { sessionOf, type CatalogueAccess } from "../catalogue-access.js";
import { ERRORS, IdParams, StatusOut } from "./api-schemas.js";
import { parseRange } from "./byte-range.js";
import { limitStream } from "./limit-stream.js";
import type { Readable } from "node:stream";

const security = [{ icatSession: [] }];
const SessionQuery = z.object({ sessionId: z.string().optional() });
const Binary = z.any().describe("the bytes");

/** RFC 6266 filename parameters: an ASCII fallback and the UTF-8 name. */
function disposition(name: string | undefined): string {
  if (!name) return "attachment";
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function stream(reply: FastifyReply, metrics: ServerMetrics, body: Readable): FastifyReply {
  metrics.downloadsActive.inc();
  let counted = true;
  const done = () => {
    if (counted) metrics.downloadsActive.dec();
    counted = false;
  };
  reply.raw.once("close", done);
  // The caller went away: stop pulling from IDS.
  reply.raw.once("close", () => body.destroy());
  return reply.send(body);
}

/**
 * Registers the data routes.
 *
 * @example
 * ```ts
 * await app.register((api) => dataRoutes(api, access, metrics), { prefix: "/api/v1" });
 * ```
 */
export function dataRoutes(app: FastifyInstance, access: CatalogueAccess, metrics: ServerMetrics): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get("/datafiles/:id/content", {
    schema: {
      tags: ["data"], summary: "The file's bytes from IDS (Range: bytes=a-b, a- or -n)", security, params: IdParams, querystring: SessionQuery,
      response: { 200: Binary, 206: Binary, 416: ERRORS[400], 503: ERRORS[400], ...ERRORS },
    },
  }, async (req, reply) => {
    const ids = access.ids(sessionOf(req));
    const target = { datafileIds: [req.params.id] };
    const rangeHeader = req.headers.range;
    const size = rangeHeader === undefined ? undefined : await ids.getSize(target);
    const range = size === undefined ? undefined : parseRange(rangeHeader, size);
    const data = await ids.getData(target, range ? { offset: range.start } : {});
    void reply.header("accept-ranges", "bytes").header("content-type", "application/octet-stream").header("content-disposition", disposition(data.fileName));
    // Offset 0 sends no Range to IDS, which then answers 200 with the whole file: cut it too.
    if (range && size !== undefined && (data.status === 206 || range.start === 0)) {
      const length = range.end - range.start + 1;
      void reply.code(206).header("content-range", `bytes ${range.start}-${range.end}/${size}`).header("content-length", length);
      return stream(reply, metrics, range.end === size - 1 ? data.body : limitStream(data.body, length));
    }
    if (data.size !== undefined) void reply.header("content-length", data.size);
    return stream(reply, metrics, data.body);
  });

  r.get("/datasets/:id/zip", {
    schema: {
      tags: ["data"], summary: "The dataset as a zip streamed from IDS", security, params: IdParams,
      querystring: SessionQuery.extend({ compress: z.coerce.boolean().default(false) }),
      response: { 200: Binary, 503: ERRORS[400], ...ERRORS },
    },
  }, async (req, reply) => {
    const data = await access.ids(sessionOf(req)).getData({ datasetIds: [req.params.id] }, { zip: true, compress: req.query.compress, outname: `dataset-${req.params.id}` });
    void reply.header("content-type", "application/zip").header("content-disposition", disposition(data.fileName ?? `dataset-${req.params.id}.zip`));
    return stream(reply, metrics, data.body);
  });

  for (const [kind, key] of [["datasets", "datasetIds"], ["datafiles", "datafileIds"]] as const) {
    r.get(`/${kind}/:id/status`, {
      schema: { tags: ["data"], summary: "Archive status (ONLINE, RESTORING, ARCHIVED) from IDS", security, params: IdParams, response: { 200: StatusOut, ...ERRORS } },
    }, async (req) => ({ status: await access.ids(sessionOf(req)).getStatus({ [key]: [req.params.id] }) }));
    r.post(`/${kind}/:id/restore`, {
      schema: { tags: ["data"], summary: "Asks IDS to restore archived data; poll …/status", security, params: IdParams, response: { 202: z.object({ requested: z.literal(true) }), ...ERRORS } },
    }, async (req, reply) => {
      await access.ids(sessionOf(req)).restore({ [key]: [req.params.id] });
      return reply.code(202).send({ requested: true as const });
    });
  }
}
