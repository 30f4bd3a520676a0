// PUT put (ids.server IdsBean.put): checks in ids.server's order and with its messages, the
// dataset read as `Dataset INCLUDE Investigation, Facility`, the dataset restored first on
// two-level storage, the body stored while its CRC32 is computed, the Datafile registered in
// ICAT as the user (the stored file is deleted again if that fails), and 201 with
// `{"id","checksum" (decimal),"location","size"}`.
import { IdsException, viaCatalogue } from "../ids-exception.js";
import { optionalLong, requiredLong, requireUuid } from "../request-params.js";
import type { Route } from "../sandbox-context.js";
import { json } from "./send.js";

const date = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));

/**
 * The put route.
 *
 * @example
 * ```ts
 * await putRoute.handle(req, res, queryOf(req), ctx);
 * ```
 */
export const putRoute: Route = {
  method: "PUT",
  produces: "application/json",
  handle: async (req, res, params, ctx) => {
    if (ctx.config.readOnly) throw new IdsException("NotImplementedException", "This operation has been configured to be unavailable");
    const sessionId = requireUuid("sessionId", params.get("sessionId"));
    const name = params.get("name");
    if (name === null) throw new IdsException("BadRequestException", "The name parameter must be set");
    const datafileFormatId = requiredLong("datafileFormatId", params.get("datafileFormatId"));
    const datasetId = requiredLong("datasetId", params.get("datasetId"));
    const createTime = optionalLong("datafileCreateTime", params.get("datafileCreateTime"));
    const modTime = optionalLong("datafileModTime", params.get("datafileModTime"));

    const dataset = await viaCatalogue("lookup", () => ctx.catalogue.getDataset(sessionId, datasetId));
    if (ctx.twoLevel?.storageUnit === "dataset") {
      const resolved = await viaCatalogue("lookup", () =>
        ctx.catalogue.resolveSelection(sessionId, { investigationIds: [], datasetIds: [dataset.id], datafileIds: [] }),
      );
      if (ctx.twoLevel.restoreIfOffline(ctx.twoLevel.unitsOf(resolved))) {
        throw new IdsException(
          "DataNotOnlineException",
          "Before putting, getting or deleting a datafile, its dataset has to be restored, restoration requested automatically",
        );
      }
    }

    const stored = await ctx.storage.store(dataset, req);
    let id: number;
    try {
      await viaCatalogue("lookup", () => ctx.catalogue.getDatafileFormat(sessionId, datafileFormatId));
      id = await viaCatalogue("register", () =>
        ctx.catalogue.createDatafile(sessionId, {
          name,
          datasetId: dataset.id,
          datafileFormatId,
          location: stored.location,
          fileSize: stored.size,
          checksum: stored.checksum,
          description: params.get("description") ?? undefined,
          doi: params.get("doi") ?? undefined,
          datafileCreateTime: date(createTime),
          datafileModTime: date(modTime),
        }),
      );
    } catch (err) {
      await ctx.storage.delete(stored.location);
      throw err;
    }
    // IdsBean.put escapes the location this way before writing it into the JSON.
    const location = stored.location.replaceAll("\\", "\\\\").replaceAll("'", "\\'");
    json(res, { id, checksum: stored.crc32, location, size: stored.size }, 201);
  },
};
