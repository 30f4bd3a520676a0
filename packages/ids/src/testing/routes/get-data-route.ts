// GET getData (ids.server IdsService.getData, IdsBean.getData and its SO streaming output):
// - Range must be exactly `bytes=N-`; with N > 0 the answer is 206, without Content-Range, and
//   the first N bytes of the generated stream are skipped (RangeOutputStream);
// - a zip when asked, when prepared so, or when the selection must be zipped; entries deflated
//   with `compress`, named by ZipMapper, duplicates skipped;
// - Content-Disposition `attachment; filename="<name>"` (datafile name, outname, or
//   yyyy-MM-dd_HH-mm-ss.zip), unescaped, with what the container makes of the name (below),
//   Accept-Ranges: bytes, and Content-Length only for a single file fetched with a session (ICAT
//   fileSize minus the offset);
// - on two-level storage, data not online is restored automatically and answered with 503.
import type { ServerResponse } from "node:http";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sendFile } from "@catkit/core/testing";
import type { CatalogueDatafile, CatalogueDataset, ResolvedSelection } from "../catalogue.js";
import { IdsException, viaCatalogue } from "../ids-exception.js";
import { booleanParam, rangeOffset, requireUuid } from "../request-params.js";
import { mustZip, resolveSelection, type Route, type SandboxContext } from "../sandbox-context.js";
import { zipEntryName } from "../zip-entry-name.js";
import { zipStream } from "../zip-writer.js";

interface Delivery {
  resolved: ResolvedSelection;
  zip: boolean;
  compress: boolean;
  /** Bytes of the single file per ICAT, when IDS announces it. */
  length: number | undefined;
}

const pad = (n: number) => String(n).padStart(2, "0");
// SimpleDateFormat("yyyy-MM-dd_HH-mm-ss") in the server's zone.
const zipTimestamp = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}_${pad(d.getHours())}-${pad(d.getMinutes())}-${pad(d.getSeconds())}.zip`;

// ids.server writes the name into the header as it is (IdsBean.getData). Its container,
// GlassFish/Payara, serialises header values with Grizzly's HttpCodecUtils.toCheckedByteArray:
// every UTF-16 unit that is not printable US-ASCII (below 0x20 except tab, or 0x7F and above)
// becomes a space. So "日本.txt" goes out as "  .txt" and a newline as a space, and the header
// stays valid (Node refuses such characters in a header: a 500 "Invalid character in header
// content" otherwise).
function asGrizzlySends(value: string): string {
  return value.replace(/[^\t\x20-\x7e]/g, " ");
}

function fileName(outname: string | null, delivery: Delivery): string {
  if (outname === null) return delivery.zip ? zipTimestamp(new Date()) : (delivery.resolved.datafiles[0]?.name ?? "");
  if (!delivery.zip) return outname;
  // outname.substring(outname.lastIndexOf(".") + 1): the whole name when it has no dot.
  return outname.slice(outname.lastIndexOf(".") + 1) === "zip" ? outname : `${outname}.zip`;
}

async function deliveryFor(params: URLSearchParams, ctx: SandboxContext): Promise<Delivery> {
  const preparedId = params.get("preparedId");
  if (preparedId !== null) {
    const p = ctx.prepared.get(requireUuid("preparedId", preparedId));
    // checkDatafilesPresent: datafiles deleted from ICAT since prepareData.
    const ids = p.resolved.datafiles.map((d) => d.id);
    if (ids.length > 0) {
      await viaCatalogue("selection", () => ctx.catalogue.resolveSelection(undefined, { investigationIds: [], datasetIds: [], datafileIds: ids })).catch(
        (err: unknown) => {
          throw err instanceof IdsException && err.code === "NotFoundException" ? new IdsException("NotFoundException", "One of the datafiles requested has been deleted") : err;
        },
      );
    }
    return { resolved: p.resolved, zip: p.zip, compress: p.compress, length: undefined };
  }
  const sessionId = requireUuid("sessionId", params.get("sessionId"));
  const { ids, resolved } = await resolveSelection(ctx, sessionId, params);
  const zipFlag = booleanParam(params.get("zip"));
  const zip = zipFlag || mustZip(ids);
  // DataSelection.getFileLength: only when the zip flag is off and nothing forces a zip. ICAT's
  // fileSize is used; when ICAT has none (ids.server would fail on the null) the sandbox measures.
  const single = resolved.datafiles[0];
  const length = zip || !single ? undefined : (single.fileSize ?? (await ctx.storage.size(single.location)));
  return { resolved, zip, compress: booleanParam(params.get("compress")), length };
}

function skip(bytes: number): Transform {
  let toSkip = bytes;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (toSkip >= chunk.length) {
        toSkip -= chunk.length;
        return callback();
      }
      const rest = toSkip > 0 ? chunk.subarray(toSkip) : chunk;
      toSkip = 0;
      callback(null, rest);
    },
  });
}

async function checkStored(ctx: SandboxContext, datafiles: readonly CatalogueDatafile[]): Promise<void> {
  for (const df of datafiles) {
    if ((await ctx.storage.size(df.location)) === undefined) throw new IdsException("InternalException", `class java.nio.file.NoSuchFileException ${df.location}`);
  }
}

function zipBody(ctx: SandboxContext, delivery: Delivery, offset: number): Readable {
  const { datafiles, datasets } = delivery.resolved;
  const byId = new Map(datasets.map((d) => [d.id, d]));
  const mtime = ctx.config.stableZips ? new Date(Date.UTC(2000, 0, 1)) : new Date();
  const zip = zipStream(
    datafiles.map((df) => ({ name: zipEntryName(byId.get(df.datasetId) as CatalogueDataset, df), open: () => ctx.storage.read(df.location, 0) })),
    { compress: delivery.compress, mtime },
  );
  return offset > 0 ? zip.pipe(skip(offset)) : zip;
}

async function getData(req: Parameters<Route["handle"]>[0], res: ServerResponse, params: URLSearchParams, ctx: SandboxContext): Promise<void> {
  const offset = rangeOffset(req.headers.range);
  const delivery = await deliveryFor(params, ctx);
  if (ctx.twoLevel?.restoreIfOffline(ctx.twoLevel.unitsOf(delivery.resolved))) {
    throw new IdsException(
      "DataNotOnlineException",
      ctx.twoLevel.storageUnit === "dataset"
        ? "Before putting, getting or deleting a datafile, its dataset has to be restored, restoration requested automatically"
        : "Before getting a datafile, it must be restored, restoration requested automatically",
    );
  }
  await checkStored(ctx, delivery.resolved.datafiles);
  res.writeHead(offset === 0 ? 200 : 206, {
    "content-type": "application/octet-stream",
    "content-disposition": `attachment; filename="${asGrizzlySends(fileName(params.get("outname"), delivery))}"`,
    "accept-ranges": "bytes",
    ...(delivery.length === undefined ? {} : { "content-length": String(Math.max(0, delivery.length - offset)) }),
  });
  // A single file goes out through reused buffers (core's sendFile), a zip as a stream.
  if (!delivery.zip) return sendFile(res, ctx.storage.pathOf((delivery.resolved.datafiles[0] as CatalogueDatafile).location), { start: offset });
  await pipeline(zipBody(ctx, delivery, offset), res).catch(() => res.destroy());
}

/**
 * The getData route.
 *
 * @example
 * ```ts
 * await getDataRoute.handle(req, res, queryOf(req), ctx);
 * ```
 */
export const getDataRoute: Route = { method: "GET", produces: "application/octet-stream", handle: getData };
