// The ICAT+ sandbox's sample tracking: `tracking/{sessionId}/parcel?investigationId=` lists the
// parcels of an investigation (pyicat-plus get_parcels_by; `shipmentId` narrows to a shipment),
// and a POST there with a parcel as JSON creates one (the path and query of ICAT+'s OpenAPI
// client's tracking calls; the parcel as ICAT+ stores it, from @catkit/icat-plus/ingest's
// newParcel). 400 without an investigationId or for a bad parcel, 404 for an investigation ICAT
// does not have.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isCatkitError } from "@catkit/core";
import { readRequestBody, sendJson } from "@catkit/core/testing";
import { newParcel } from "../ingest/icat-plus-parcel.js";
import type { RouterState } from "./icat-plus-router.js";

const fail = (res: ServerResponse, status: number, message: string) => sendJson(res, status, { message });

/**
 * Answers GET and POST `tracking/{sessionId}/parcel` for the session's user.
 *
 * @example
 * ```ts
 * if (route === "tracking/parcel") return parcelRoute(req, res, state, user, query);
 * ```
 */
export async function parcelRoute(req: IncomingMessage, res: ServerResponse, s: RouterState, user: string, q: URLSearchParams): Promise<void> {
  const investigationId = q.get("investigationId") ?? "";
  if (!/^\d+$/.test(investigationId)) return fail(res, 400, "investigationId is required");
  const shipmentId = q.get("shipmentId");
  if (req.method === "GET") {
    const parcels = (s.parcels[investigationId] ?? []) as { shipmentId?: unknown }[];
    return sendJson(res, 200, shipmentId === null ? parcels : parcels.filter((p) => p.shipmentId === shipmentId));
  }
  const [investigation] = await s.views.investigations({ ids: investigationId });
  if (!investigation) return fail(res, 404, `Investigation ${investigationId} not found`);
  let body: unknown;
  try {
    body = JSON.parse((await readRequestBody(req)).toString("utf8"));
  } catch {
    return fail(res, 400, "The body is not JSON");
  }
  try {
    const parcel = newParcel(body, { investigationId: Number(investigationId), investigationName: String(investigation.name), shipmentId, createdBy: user });
    (s.parcels[investigationId] ??= []).push(parcel);
    return sendJson(res, 200, parcel);
  } catch (err) {
    if (isCatkitError(err)) return fail(res, 400, err.message);
    throw err;
  }
}
