// getSize, getStatus, getDatafileIds, isPrepared, prepareData (ids.server IdsBean.java).
import type { PreparedData } from "../prepared-store.js";
import { booleanParam, requireUuid } from "../request-params.js";
import { mustZip, resolveSelection, type Route, type SandboxContext } from "../sandbox-context.js";
import { json, text } from "./send.js";

const TEXT = "text/plain";

function prepared(ctx: SandboxContext, params: URLSearchParams): PreparedData | undefined {
  const id = params.get("preparedId");
  return id === null ? undefined : ctx.prepared.get(requireUuid("preparedId", id));
}

// ICAT's SUM(df.fileSize) ignores nulls.
const totalSize = (data: { datafiles: ReadonlyArray<{ fileSize?: number | null | undefined }> }) =>
  data.datafiles.reduce((n, d) => n + (d.fileSize ?? 0), 0);

/**
 * The routes answering questions about data.
 *
 * @example
 * ```ts
 * await dataInfoRoutes.getStatus.handle(req, res, params, ctx);
 * ```
 */
export const dataInfoRoutes: Readonly<Record<string, Route>> = {
  getSize: {
    method: "GET",
    produces: TEXT,
    handle: async (_req, res, params, ctx) => {
      const p = prepared(ctx, params);
      if (p) return text(res, totalSize(p.resolved));
      const sessionId = requireUuid("sessionId", params.get("sessionId"));
      text(res, totalSize((await resolveSelection(ctx, sessionId, params)).resolved));
    },
  },
  getStatus: {
    method: "GET",
    produces: TEXT,
    handle: async (_req, res, params, ctx) => {
      const p = prepared(ctx, params);
      let resolved = p?.resolved;
      if (!resolved) {
        // Without a session IDS uses its reader account (IdsBean.getStatus).
        const sessionParam = params.get("sessionId");
        const sessionId = sessionParam === null ? undefined : requireUuid("sessionId", sessionParam);
        resolved = (await resolveSelection(ctx, sessionId, params)).resolved;
      }
      text(res, ctx.twoLevel ? ctx.twoLevel.status(ctx.twoLevel.unitsOf(resolved)) : "ONLINE");
    },
  },
  getDatafileIds: {
    method: "GET",
    produces: "application/json",
    handle: async (_req, res, params, ctx) => {
      const p = prepared(ctx, params);
      if (p) return json(res, { zip: p.zip, compress: p.compress, ids: p.resolved.datafiles.map((d) => d.id) });
      const sessionId = requireUuid("sessionId", params.get("sessionId"));
      json(res, { ids: (await resolveSelection(ctx, sessionId, params)).resolved.datafiles.map((d) => d.id) });
    },
  },
  isPrepared: {
    method: "GET",
    produces: TEXT,
    handle: (_req, res, params, ctx) => {
      const p = ctx.prepared.get(requireUuid("preparedId", params.get("preparedId")));
      let ready = true;
      if (ctx.twoLevel) {
        for (const unit of ctx.twoLevel.unitsOf(p.resolved)) {
          ctx.twoLevel.checkFailure(unit);
          if (ctx.twoLevel.restoreIfOffline([unit])) ready = false;
        }
      }
      text(res, ready);
    },
  },
  prepareData: {
    method: "POST",
    produces: TEXT,
    handle: async (_req, res, params, ctx) => {
      const sessionId = requireUuid("sessionId", params.get("sessionId"));
      const { ids, resolved } = await resolveSelection(ctx, sessionId, params);
      if (ctx.twoLevel) {
        const units = ctx.twoLevel.unitsOf(resolved);
        ctx.twoLevel.recordSuccess(units); // a new prepareData clears remembered failures
        ctx.twoLevel.restoreIfOffline(units);
      }
      // IdsBean.prepareData: mustZip forces the zip flag.
      const zip = booleanParam(params.get("zip")) || mustZip(ids);
      text(res, ctx.prepared.add({ zip, compress: booleanParam(params.get("compress")), resolved }));
    },
  },
};
