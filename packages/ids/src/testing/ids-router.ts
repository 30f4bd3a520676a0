// Dispatches requests to the IDS routes the way ids.server's JAX-RS application does: paths
// under the base path (`/ids`), form fields for POST and query parameters otherwise, IDS's
// error bodies, and for a path IDS does not have, 501 with
// {"code":"NOT_IMPLEMENTED","message":"Operation not implemented by this IDS server."}
// (NotFoundExceptionMapper.java). CORS headers as CORSResponseFilter.java adds them.
import type { IncomingMessage, ServerResponse } from "node:http";
import { pathOf, queryOf, readForm, type SandboxHandler } from "@catkit/core/testing";
import { IdsException, sendIdsError } from "./ids-exception.js";
import { dataInfoRoutes } from "./routes/data-info-routes.js";
import { getDataRoute } from "./routes/get-data-route.js";
import { infoRoutes } from "./routes/info-routes.js";
import { linkRoute } from "./routes/link-route.js";
import { putRoute } from "./routes/put-route.js";
import { storageRoutes } from "./routes/storage-routes.js";
import type { Route, SandboxContext } from "./sandbox-context.js";

const ROUTES: Readonly<Record<string, Route>> = {
  ...infoRoutes,
  ...dataInfoRoutes,
  ...storageRoutes,
  getData: getDataRoute,
  put: putRoute,
  getLink: linkRoute,
};

function cors(res: ServerResponse): void {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, PUT");
  res.setHeader("Access-Control-Allow-Headers", "Content-Type");
}

function fail(res: ServerResponse, err: unknown, produces: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (err instanceof IdsException) return sendIdsError(res, err.status, err.code, err.message, produces);
  // RuntimeExceptionMapper: anything unexpected is a 500 InternalException "<class> <message>".
  const message = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  sendIdsError(res, 500, "InternalException", message, produces);
}

/**
 * The request handler of an IDS sandbox mounted at `basePath`.
 *
 * @example
 * ```ts
 * const server = await startSandboxServer(createIdsHandler(ctx, "/ids"));
 * ```
 */
export function createIdsHandler(ctx: SandboxContext, basePath: string): SandboxHandler {
  const prefix = `${basePath.replace(/\/+$/, "")}/`;
  return async (req: IncomingMessage, res: ServerResponse) => {
    cors(res);
    const path = pathOf(req);
    const op = path.startsWith(prefix) ? path.slice(prefix.length) : "";
    const route = Object.hasOwn(ROUTES, op) ? ROUTES[op] : undefined;
    if (route === undefined) {
      return sendIdsError(res, 501, "NOT_IMPLEMENTED", "Operation not implemented by this IDS server.", "application/json");
    }
    if (req.method === "OPTIONS") {
      res.writeHead(200, { allow: `${route.method}, OPTIONS`, "content-length": "0" });
      return void res.end();
    }
    if (req.method !== route.method && !(req.method === "HEAD" && route.method === "GET")) {
      // JAX-RS: the path exists, the method does not.
      res.writeHead(405, { allow: `${route.method}, OPTIONS`, "content-length": "0" });
      return void res.end();
    }
    try {
      const params = route.method === "POST" ? await readForm(req) : queryOf(req);
      await route.handle(req, res, params, ctx);
    } catch (err) {
      fail(res, err, route.produces);
    }
  };
}
