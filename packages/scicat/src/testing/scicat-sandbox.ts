// The SciCat sandbox: a real HTTP server answering the backend's /api/v3 and /api/v4 routes
// from memory, on core's sandbox scaffold (loopback, port 0, fault injection, request log).
import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { startSandboxServer, type FaultInjector, type RecordedRequest } from "@catkit/core/testing";
import { DEFAULT_ACCOUNTS, DEFAULT_GROUPS, DEFAULT_LDAP_ACCOUNTS, type FunctionalAccount, type LdapAccount, type SandboxGroups } from "./accounts.js";
import { JsonString, SandboxHttpError, nestError } from "./http-exception.js";
import { identify } from "./identify.js";
import { mediaType, readJsonBody } from "./request-body.js";
import { Router } from "./router.js";
import { addAttachmentRoutes } from "./routes/attachment-routes.js";
import { addAuthRoutes } from "./routes/auth-routes.js";
import { addDatasetV3Routes } from "./routes/datasets-v3-routes.js";
import { addDatasetV4Routes } from "./routes/datasets-v4-routes.js";
import { addEntityRoutes } from "./routes/entity-routes.js";
import { addDatablockRoutes } from "./routes/datablock-routes.js";
import { addPublishedDataRoutes } from "./routes/published-data-routes.js";
import { addOrigDatablockRoutes } from "./routes/origdatablock-routes.js";
import { normaliseDates } from "./datasets.js";
import { appendSI } from "./si-units.js";
import { emptyCollections, type Doc, type SandboxState } from "./state.js";

/**
 * Options of {@link startScicatSandbox}.
 *
 * @example
 * ```ts
 * await startScicatSandbox({ pidPrefix: "20.500.12269", jwtExpiresIn: 60 });
 * ```
 */
export interface ScicatSandboxOptions {
  /** functionalAccounts.json; default: admin, ingestor, archiveManager, proposalIngestor, user1…user5. */
  accounts?: readonly FunctionalAccount[];
  /** Users of the LDAP directory (auth/ldap, auth/msad); default: ldapuser (group1). */
  ldapAccounts?: readonly LdapAccount[];
  /** The *_GROUPS settings. */
  groups?: Partial<SandboxGroups>;
  /** PID_PREFIX (default "PID.prefix.a0b1", scitacean's test backend). */
  pidPrefix?: string;
  /** DOI_PREFIX (default unset, so DOIs read "undefined/<uuid>" as on the backend). */
  doiPrefix?: string;
  /** JWT_EXPIRES_IN in seconds (default 3600). */
  jwtExpiresIn?: number;
  /** MAX_FILE_UPLOAD_SIZE in bytes (default 16 MB, as "16mb" in body-parser: 16 × 1024 × 1024). */
  maxBodyBytes?: number;
  port?: number;
  host?: string;
}

/**
 * A running SciCat sandbox.
 *
 * @example
 * ```ts
 * const sandbox: ScicatSandbox = await startScicatSandbox();
 * ```
 */
export interface ScicatSandbox {
  /** e.g. "http://127.0.0.1:40123" (the API is under /api/v3 and /api/v4). */
  readonly origin: string;
  /** `${origin}/api`, what clients are given. */
  readonly url: string;
  readonly faults: FaultInjector;
  readonly requests: readonly RecordedRequest[];
  readonly accounts: readonly FunctionalAccount[];
  /** Direct access to the stored documents, for seeding and assertions. */
  readonly state: SandboxState;
  /** Stores a dataset as if an ingestor had created it (defaults filled, pid generated unless given). */
  seedDataset(fields: Doc): Doc;
  /** Moves the sandbox clock (tokens expire against it). */
  advanceTime(ms: number): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const headers: Record<string, string | number> = { "access-control-allow-origin": "*" };
  if (body === null || body === undefined) {
    res.writeHead(status, { ...headers, "content-length": 0 });
    res.end();
    return;
  }
  const html = typeof body === "string";
  const text = html ? body : JSON.stringify(body instanceof JsonString ? body.value : body);
  res.writeHead(status, { ...headers, "content-type": html ? "text/html; charset=utf-8" : "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Starts a SciCat sandbox on loopback.
 *
 * @example
 * ```ts
 * import { startScicatSandbox } from "@catkit/scicat/testing";
 * const sandbox = await startScicatSandbox();
 * const res = await fetch(`${sandbox.url}/v3/auth/login`, {
 *   method: "POST", headers: { "content-type": "application/json" },
 *   body: JSON.stringify({ username: "ingestor", password: "aman" }),
 * });
 * await sandbox.close();
 * ```
 */
export async function startScicatSandbox(options: ScicatSandboxOptions = {}): Promise<ScicatSandbox> {
  let offset = 0;
  const state: SandboxState = {
    ...emptyCollections(),
    accounts: options.accounts ?? DEFAULT_ACCOUNTS,
    ldapAccounts: options.ldapAccounts ?? DEFAULT_LDAP_ACCOUNTS,
    groups: { ...DEFAULT_GROUPS, ...options.groups },
    pidPrefix: options.pidPrefix ?? "PID.prefix.a0b1",
    doiPrefix: options.doiPrefix ?? "undefined",
    jwtSecret: randomBytes(32).toString("hex"),
    jwtExpiresIn: options.jwtExpiresIn ?? 3600,
    now: () => Date.now() + offset,
  };
  const limit = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const router = new Router();
  addAuthRoutes(router);
  addDatasetV4Routes(router);
  addDatasetV3Routes(router);
  addOrigDatablockRoutes(router);
  addDatablockRoutes(router);
  addPublishedDataRoutes(router);
  addAttachmentRoutes(router);
  addEntityRoutes(router);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? "GET";
    const [rawPath = "/", search = ""] = (req.url ?? "/").split("?", 2);
    if (method === "OPTIONS") {
      res.writeHead(204, { "access-control-allow-origin": "*", "access-control-allow-methods": "GET,HEAD,PUT,PATCH,POST,DELETE", "access-control-allow-headers": String(req.headers["access-control-request-headers"] ?? "*") });
      res.end();
      return;
    }
    try {
      const route = router.match(method, rawPath);
      if (!route) throw nestError(404, `Cannot ${method} ${rawPath}`);
      const body = method === "GET" || method === "DELETE" || method === "HEAD" ? {} : await readJsonBody(req, limit);
      const query = new URLSearchParams(search);
      const user = identify(req, query, state);
      const reply = await route.handler({ req, params: route.params, query, user, state, body, contentType: mediaType(req) });
      send(res, reply.status ?? 200, reply.body);
    } catch (err) {
      if (err instanceof SandboxHttpError) send(res, err.status, err.body);
      else send(res, 500, { statusCode: 500, message: "Internal server error" });
    }
  };
  const server = await startSandboxServer(handle, { ...(options.port === undefined ? {} : { port: options.port }), ...(options.host === undefined ? {} : { host: options.host }) });
  const ingestor = state.accounts.find((a) => a.role === "ingestor") ?? state.accounts[0];

  return {
    origin: server.origin,
    url: `${server.origin}/api`,
    faults: server.faults,
    requests: server.requests,
    accounts: state.accounts,
    state,
    seedDataset(fields) {
      const pid = typeof fields.pid === "string" ? fields.pid : `${state.pidPrefix}/${randomUUID()}`;
      const now = new Date(state.now()).toISOString();
      const doc = normaliseDates({
        type: "raw", ownerGroup: ingestor?.role ?? "ingestor", accessGroups: [], contactEmail: "seed@your.site", sourceFolder: "/seed", creationTime: now, datasetName: "seed",
        size: 0, packedSize: 0, numberOfFiles: 0, numberOfFilesArchived: 0, isPublished: false, keywords: [], techniques: [], relationships: [], sharedWith: [], scientificMetadata: {}, datasetlifecycle: {},
        ...fields, pid, _id: pid, version: "4", createdBy: ingestor?.username ?? "ingestor", updatedBy: ingestor?.username ?? "ingestor", createdAt: now, updatedAt: now,
      });
      doc.scientificMetadata = appendSI(doc.scientificMetadata as Doc);
      state.datasets.set(pid, doc);
      return doc;
    },
    advanceTime(ms) {
      offset += ms;
    },
    close: () => server.close(),
  };
}
