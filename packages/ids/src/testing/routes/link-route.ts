// POST getLink (deprecated; IdsBean.getLink): a hard link to the datafile's file, when the
// server sets linkLifetimeSeconds. The sandbox skips the setfacl step ids.server runs.
import { IdsException, viaCatalogue } from "../ids-exception.js";
import { optionalLong, requireUuid } from "../request-params.js";
import type { Route } from "../sandbox-context.js";
import { text } from "./send.js";

/**
 * The getLink route.
 *
 * @example
 * ```ts
 * await linkRoute.handle(req, res, form, ctx);
 * ```
 */
export const linkRoute: Route = {
  method: "POST",
  produces: "text/plain",
  handle: async (_req, res, params, ctx) => {
    if (!ctx.config.linkEnabled) throw new IdsException("NotImplementedException", "Sorry getLink is not available on this IDS installation");
    const sessionId = requireUuid("sessionId", params.get("sessionId"));
    // A JAX-RS `long` form parameter: 0 when absent.
    const datafileId = optionalLong("datafileId", params.get("datafileId")) ?? 0;
    const datafile = await viaCatalogue("link", () => ctx.catalogue.getDatafile(sessionId, datafileId));
    if (datafile.location === null) throw new IdsException("NotFoundException", "Datafile not found");
    if (ctx.twoLevel) {
      const unit =
        ctx.twoLevel.storageUnit === "dataset"
          ? { id: datafile.dataset.id, data: String(datafile.dataset.id), empty: false }
          : { id: datafile.id, data: datafile.location, empty: false };
      if (ctx.twoLevel.restoreIfOffline([unit])) {
        const what = ctx.twoLevel.storageUnit === "dataset" ? "its dataset has" : "it has";
        throw new IdsException("DataNotOnlineException", `Before linking a datafile, ${what} to be restored, restoration requested automatically`);
      }
    }
    text(res, await ctx.storage.link(datafile.location, ctx.config.linkDir));
  },
};
