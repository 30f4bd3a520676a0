// archive, restore, write, reset (POST forms) and delete (DELETE) (ids.server IdsBean.java).
import { IdsException, viaCatalogue } from "../ids-exception.js";
import { requireUuid } from "../request-params.js";
import { resolveSelection, type Route, type SandboxContext } from "../sandbox-context.js";
import { noContent } from "./send.js";

const SINGLE_LEVEL = "This operation is unavailable for single level storage";
const DISABLED = "This operation has been configured to be unavailable";
const TYPE = "application/json";

function twoLevelOf(ctx: SandboxContext) {
  if (!ctx.twoLevel) throw new IdsException("NotImplementedException", SINGLE_LEVEL);
  return ctx.twoLevel;
}

/**
 * The routes that move, write, reset or delete data.
 *
 * @example
 * ```ts
 * await storageRoutes.archive.handle(req, res, form, ctx);
 * ```
 */
export const storageRoutes: Readonly<Record<string, Route>> = {
  archive: {
    method: "POST",
    produces: TYPE,
    handle: async (_req, res, params, ctx) => {
      const sessionId = requireUuid("sessionId", params.get("sessionId"));
      // On single-level storage IDS refuses before looking at the selection.
      const twoLevel = twoLevelOf(ctx);
      twoLevel.archive(twoLevel.unitsOf((await resolveSelection(ctx, sessionId, params)).resolved));
      noContent(res);
    },
  },
  restore: {
    method: "POST",
    produces: TYPE,
    handle: async (_req, res, params, ctx) => {
      const sessionId = requireUuid("sessionId", params.get("sessionId"));
      const twoLevel = twoLevelOf(ctx);
      twoLevel.restore(twoLevel.unitsOf((await resolveSelection(ctx, sessionId, params)).resolved));
      noContent(res);
    },
  },
  write: {
    method: "POST",
    produces: TYPE,
    handle: async (_req, res, params, ctx) => {
      if (!ctx.config.enableWrite) throw new IdsException("NotImplementedException", DISABLED);
      const sessionId = requireUuid("sessionId", params.get("sessionId"));
      const { resolved } = await resolveSelection(ctx, sessionId, params);
      const twoLevel = twoLevelOf(ctx);
      const offline = twoLevel.unitsOf(resolved).some((u) => !u.empty && twoLevel.statusOf(u.id) !== "ONLINE");
      if (offline) throw new IdsException("DataNotOnlineException", "Requested data is not online, write request refused");
      noContent(res); // the write to archive storage is queued; the sandbox keeps the bytes where they are
    },
  },
  reset: {
    method: "POST",
    produces: TYPE,
    handle: async (_req, res, params, ctx) => {
      const preparedId = params.get("preparedId");
      const resolved =
        preparedId !== null
          ? ctx.prepared.get(requireUuid("preparedId", preparedId)).resolved
          : (await resolveSelection(ctx, requireUuid("sessionId", params.get("sessionId")), params)).resolved;
      ctx.twoLevel?.recordSuccess(ctx.twoLevel.unitsOf(resolved));
      noContent(res);
    },
  },
  delete: {
    method: "DELETE",
    produces: TYPE,
    handle: async (_req, res, params, ctx) => {
      if (ctx.config.readOnly) throw new IdsException("NotImplementedException", DISABLED);
      const sessionId = requireUuid("sessionId", params.get("sessionId"));
      const { resolved } = await resolveSelection(ctx, sessionId, params);
      if (ctx.twoLevel?.storageUnit === "dataset" && ctx.twoLevel.restoreIfOffline(ctx.twoLevel.unitsOf(resolved))) {
        throw new IdsException(
          "DataNotOnlineException",
          "Before putting, getting or deleting a datafile, its dataset has to be restored, restoration requested automatically",
        );
      }
      const ids = resolved.datafiles.map((d) => d.id);
      await viaCatalogue("lookup", () => ctx.catalogue.deleteDatafiles(sessionId, ids));
      for (const df of resolved.datafiles) await ctx.storage.delete(df.location);
      noContent(res);
    },
  },
};
