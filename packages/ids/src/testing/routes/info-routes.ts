// ping, version, getIcatUrl, isReadOnly, isTwoLevel, getServiceStatus (ids.server
// IdsService.java; getServiceStatus in IdsBean.java and FiniteStateMachine.java).
import { IdsException, viaCatalogue } from "../ids-exception.js";
import type { Route } from "../sandbox-context.js";
import { json, text } from "./send.js";

const TEXT = "text/plain";
const JSON_TYPE = "application/json";

/**
 * The routes about the server itself.
 *
 * @example
 * ```ts
 * const route = infoRoutes.ping; await route.handle(req, res, params, ctx);
 * ```
 */
export const infoRoutes: Readonly<Record<string, Route>> = {
  ping: { method: "GET", produces: TEXT, handle: (_req, res) => text(res, "IdsOK") },
  version: { method: "GET", produces: JSON_TYPE, handle: (_req, res, _p, ctx) => json(res, { version: ctx.config.version }) },
  getIcatUrl: { method: "GET", produces: TEXT, handle: (_req, res, _p, ctx) => text(res, ctx.config.icatUrl) },
  isReadOnly: { method: "GET", produces: TEXT, handle: (_req, res, _p, ctx) => text(res, ctx.config.readOnly) },
  isTwoLevel: { method: "GET", produces: TEXT, handle: (_req, res, _p, ctx) => text(res, ctx.twoLevel !== undefined) },
  getServiceStatus: {
    method: "GET",
    produces: JSON_TYPE,
    handle: async (_req, res, params, ctx) => {
      // No UUID check here: IdsBean.getServiceStatus asks ICAT for the user name directly.
      const userName = await viaCatalogue("session", () => ctx.catalogue.getUserName(params.get("sessionId") ?? ""));
      if (!ctx.config.rootUserNames.includes(userName)) {
        throw new IdsException("InsufficientPrivilegesException", `${userName} is not included in the ids rootUserNames set.`);
      }
      const { opsQueue, failures } = ctx.twoLevel?.serviceStatus() ?? { opsQueue: [], failures: [] };
      json(res, { opsQueue, lockCount: 0, locks: [], failures });
    },
  },
};
