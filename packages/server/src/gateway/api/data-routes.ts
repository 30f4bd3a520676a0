// Downloads and archive state, streamed from IDS with the caller's session:
// GET /datafiles/{id}/content (Range passed through), GET /datasets/{id}/zip (an offset passed
// through, as IDS takes it), GET …/status and POST …/restore. Bodies are relayed from IDS to the
// caller as they arrive (relay-body.ts); nothing is buffered.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServerMetrics } from "../../app/metrics.js";
import { sessionOf, type CatalogueAccess } from "../catalogue-access.js";
import { ERRORS, IdParams, StatusOut } from "./api-schemas.js";
import { parseOffset, parseRange } from "./byte-range.js";
import { relayBody } from "./relay-body.js";

const security = [{ icatSession: [] }];
const SessionQuery = z.object({ sessionId: z.string().optional() });
const Binary = z.any().describe("the bytes");

/** RFC 6266 filename parameters: an ASCII fallback and the UTF-8 name. */
function disposition(name: string | undefined): string {
  if (!name) return "attachment";
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
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
      return relayBody(reply, data, metrics, length);
    }
    if (data.size !== undefined) void reply.header("content-length", data.size);
    return relayBody(reply, data, metrics);
  });

  // ids.server's getData takes `Range: bytes=N-` only, on zips too: it skips the first N bytes of
  // the zip as it generates it (RangeOutputStream) and answers 206 without Content-Range, its
  // length being unknown. The gateway passes such an offset through and answers the same way;
  // any other Range is ignored (200, the whole zip), as RFC 9110 allows. The zip's entries carry
  // the time of the request (ZipOutputStream), so bytes from two requests only fit together when
  // both fell in the same two seconds; a resumed zip should be checked.
  r.get("/datasets/:id/zip", {
    schema: {
      tags: ["data"], summary: "The dataset as a zip streamed from IDS (Range: bytes=N- resumes at an offset, as IDS)", security, params: IdParams,
      querystring: SessionQuery.extend({ compress: z.coerce.boolean().default(false) }),
      response: { 200: Binary, 206: Binary, 503: ERRORS[400], ...ERRORS },
    },
  }, async (req, reply) => {
    const offset = parseOffset(req.headers.range);
    const data = await access.ids(sessionOf(req)).getData({ datasetIds: [req.params.id] }, { zip: true, compress: req.query.compress, outname: `dataset-${req.params.id}`, offset });
    void reply.code(data.status === 206 ? 206 : 200).header("accept-ranges", "bytes").header("content-type", "application/zip").header("content-disposition", disposition(data.fileName ?? `dataset-${req.params.id}.zip`));
    return relayBody(reply, data, metrics);
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
