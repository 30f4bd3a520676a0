// ICAT+'s sample tracking over the gateway's parcel store: GET tracking/{sessionId}/parcel
// ?investigationId= lists an investigation's parcels (pyicat-plus get_parcels_by; `shipmentId`
// narrows to a shipment) and POST there creates one from a parcel as JSON, answered as the ICAT+
// sandbox answers (newParcel of @catkit/icat-plus/ingest). The caller's ICAT session must be able
// to read the investigation (404 otherwise), as for its e-logbook: ICAT's rules decide.
import { newParcel } from "@catkit/icat-plus/ingest";
import type { FastifyInstance } from "fastify";
import { RequestError } from "../app/error-reply.js";
import type { CatalogueAccess } from "../gateway/catalogue-access.js";
import { authorizeTarget } from "../logbook/logbook-routes.js";
import type { ParcelStore } from "./parcel-store.js";

type Req = { Params: { sessionId: string }; Querystring: { investigationId?: string; shipmentId?: string }; Body: unknown };

function investigationIdOf(q: Req["Querystring"]): number {
  const id = q.investigationId !== undefined && /^\d+$/.test(q.investigationId) ? Number(q.investigationId) : undefined;
  if (id === undefined || !Number.isSafeInteger(id)) throw new RequestError(400, "BAD_REQUEST", "investigationId is required");
  return id;
}

/**
 * Registers the tracking routes.
 *
 * @example
 * ```ts
 * trackingRoutes(app, access, parcels);
 * ```
 */
export function trackingRoutes(app: FastifyInstance, access: CatalogueAccess, parcels: ParcelStore): void {
  const schema = { tags: ["icat-plus"] };
  app.get<Req>("/tracking/:sessionId/parcel", { schema: { ...schema, summary: "Parcels of an investigation (ICAT+ sample tracking)" } }, async (req) => {
    const investigationId = investigationIdOf(req.query);
    await authorizeTarget(access.icat(req.params.sessionId), { investigationId });
    return parcels.list({ investigationId, shipmentId: req.query.shipmentId });
  });

  app.post<Req>("/tracking/:sessionId/parcel", { schema: { ...schema, summary: "Creates a parcel of an investigation (ICAT+ sample tracking)" } }, async (req) => {
    const investigationId = investigationIdOf(req.query);
    const icat = access.icat(req.params.sessionId);
    const [target, { userName }] = await Promise.all([authorizeTarget(icat, { investigationId }), icat.sessionInfo()]);
    const parcel = newParcel(req.body, { investigationId, investigationName: target.investigationName, shipmentId: req.query.shipmentId ?? null, createdBy: userName });
    await parcels.insert(parcel);
    return parcel;
  });
}
