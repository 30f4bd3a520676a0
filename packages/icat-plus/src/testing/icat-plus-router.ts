// The routes of the ICAT+ sandbox: what pyicat-plus calls (pyicat-plus.md §2.2), the session
// and logbook reads of §2.4, and the Jolokia ConsumerCount read an ActiveMQ broker answers.
// Status codes follow pyicat-plus's test server: 403 for a wrong API key, password or session,
// 400 for a non-JSON notification and for proposals containing "666", 404 for unknown routes.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pathOf, queryOf, readRequestBody, sendJson } from "@catkit/core/testing";
import type { IcatViews } from "./icat-views.js";
import { parcelRoute } from "./tracking-routes.js";

/**
 * An e-logbook event the sandbox received.
 *
 * @example
 * ```ts
 * const text = (icatPlus.events[0] as ReceivedEvent).body.content;
 * ```
 */
export interface ReceivedEvent {
  _id: string;
  endpoint: "notification" | "base64";
  instrumentName: string | null;
  investigationName: string | null;
  investigationId: string | null;
  /** The JSON body, parsed. */
  body: Record<string, unknown>;
  /** The body exactly as received. */
  raw: string;
}

/**
 * A sample file the restricted API can list and download.
 *
 * @example
 * ```ts
 * const f: SandboxSampleFile = { id: "r1", filename: "plan.txt", content: "the plan" };
 * ```
 */
export interface SandboxSampleFile {
  id: string;
  filename: string;
  groupName?: string;
  content: Buffer | string;
}

/**
 * The sandbox's state.
 *
 * @example
 * ```ts
 * const handler = icatPlusHandler(state as RouterState);
 * ```
 */
export interface RouterState {
  token: string;
  users: ReadonlyMap<string, { password: string; fullName: string; isAdministrator: boolean; isInstrumentScientist: boolean }>;
  sessions: Map<string, string>;
  events: ReceivedEvent[];
  views: IcatViews;
  parcels: Record<string, unknown[]>;
  sampleFiles: Record<string, SandboxSampleFile[]>;
  consumers: (queue: string) => number;
}

const fail = (res: ServerResponse, status: number, message: string) => sendJson(res, status, { message });

async function postEvent(req: IncomingMessage, res: ServerResponse, s: RouterState, endpoint: "notification" | "base64"): Promise<void> {
  if (!(req.headers["content-type"] ?? "").startsWith("application/json")) return fail(res, 400, "Content-Type must be application/json");
  const q = queryOf(req);
  const raw = (await readRequestBody(req)).toString("utf8");
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return fail(res, 400, "The body is not JSON");
  }
  if (q.get("investigationName")?.includes("666")) return fail(res, 400, `Investigation ${q.get("investigationName")} not found`);
  const event: ReceivedEvent = {
    _id: randomUUID().replace(/-/g, "").slice(0, 24), endpoint, raw, body,
    instrumentName: q.get("instrumentName"), investigationName: q.get("investigationName"), investigationId: q.get("investigationId"),
  };
  s.events.push(event);
  sendJson(res, 200, { _id: event._id, ...body });
}

async function session(req: IncomingMessage, res: ServerResponse, s: RouterState): Promise<void> {
  let creds: { username?: string; password?: string };
  try {
    creds = JSON.parse((await readRequestBody(req)).toString("utf8")) as typeof creds;
  } catch {
    return fail(res, 400, "The body is not JSON");
  }
  const username = creds.username ?? "reader";
  const user = s.users.get(username);
  if (!user || user.password !== creds.password) return fail(res, 403, "Authentication failed");
  const sessionId = randomUUID();
  s.sessions.set(sessionId, username);
  sendJson(res, 200, { sessionId, name: username, username, fullName: user.fullName, isAdministrator: user.isAdministrator, isInstrumentScientist: user.isInstrumentScientist });
}

/**
 * The request handler of the ICAT+ sandbox.
 *
 * @example
 * ```ts
 * const server = await startSandboxServer(icatPlusHandler(state));
 * ```
 */
export function icatPlusHandler(s: RouterState): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const path = pathOf(req);
    const q = queryOf(req);
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    const [head, key, ...rest] = parts;
    const tail = rest.join("/");
    const get = req.method === "GET";
    if (head === "api" && key === "jolokia") {
      const queue = /destinationName=([^/,]+)\/ConsumerCount$/.exec(path)?.[1];
      if (!get || !queue) return fail(res, 404, "Not found");
      return sendJson(res, 200, { request: { mbean: decodeURIComponent(path.split("/read/")[1] ?? ""), type: "read" }, value: s.consumers(decodeURIComponent(queue)), timestamp: Math.floor(Date.now() / 1000), status: 200 });
    }
    if (head === "session" && key === undefined && req.method === "POST") return session(req, res, s);
    if (head === "dataacquisition") {
      if (key !== s.token) return fail(res, 403, "Invalid API key");
      if (req.method === "POST" && (tail === "notification" || tail === "base64")) return postEvent(req, res, s, tail);
      if (get && tail === "investigation") return sendJson(res, 200, await s.views.investigations({ instrumentName: q.get("instrumentName"), investigationName: q.get("investigationName") }));
      if (get && tail === "dataset") return sendJson(res, 200, await s.views.datasets({ investigationIds: q.get("investigationId") }));
      return fail(res, 404, "Not found");
    }
    const user = key === undefined ? undefined : s.sessions.get(key);
    const route = `${head}/${tail}`;
    const writable = route === "tracking/parcel" && req.method === "POST";
    if (["session", "catalogue", "tracking", "samplemetadata", "logbook"].includes(head ?? "") && (!user || !(get || writable))) {
      return fail(res, user ? 405 : 403, user ? "Method not allowed" : "Session not found");
    }
    if (route === "session/") {
      const u = s.users.get(user ?? "");
      return sendJson(res, 200, { userName: user, user: { fullName: u?.fullName, isAdministrator: String(u?.isAdministrator ?? false), isInstrumentScientist: String(u?.isInstrumentScientist ?? false) } });
    }
    if (route === "catalogue/investigation") return sendJson(res, 200, await s.views.investigations({ instrumentName: q.get("instrumentName"), ids: q.get("ids") }));
    if (route === "catalogue/dataset") return sendJson(res, 200, await s.views.datasets({ investigationIds: q.get("investigationIds"), datasetIds: q.get("datasetIds") }));
    if (route === "catalogue/samples") return sendJson(res, 200, await s.views.samples({ investigationId: q.get("investigationId"), sampleIds: q.get("sampleIds") }));
    if (route === "tracking/parcel") return parcelRoute(req, res, s, user ?? "", q);
    if (route === "samplemetadata/samples/acquisition") {
      const invs = (await s.views.investigations({ instrumentName: q.get("beamline"), investigationName: q.get("proposal") })).filter((i) => !q.get("startDate") || String(i.startDate).startsWith(q.get("startDate") ?? ""));
      const samples = (await Promise.all(invs.map((i) => s.views.samples({ investigationId: String(i.id) })))).flat();
      return sendJson(res, 200, samples.map((x) => ({ id: x.id, name: x.name, proposal: q.get("proposal"), beamline: q.get("beamline") })));
    }
    if (route === "catalogue/files") return sendJson(res, 200, { resources: (s.sampleFiles[q.get("sampleId") ?? ""] ?? []).map(({ id, filename, groupName }) => ({ id, filename, groupName })) });
    if (route === "catalogue/files/download") {
      const file = (s.sampleFiles[q.get("sampleId") ?? ""] ?? []).find((f) => f.id === q.get("resourceId"));
      if (!file) return fail(res, 404, "Resource not found");
      const bytes = Buffer.from(file.content);
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": bytes.length, "content-disposition": `attachment; filename="${file.filename}"` });
      return void res.end(bytes);
    }
    if (route === "logbook/event") return sendJson(res, 200, s.events.filter((e) => !q.get("investigationId") || e.investigationId === q.get("investigationId")).map((e) => ({ _id: e._id, ...e.body })));
    fail(res, 404, "Not found");
  };
}
