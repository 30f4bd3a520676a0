// The sandbox's routes under the base path (default /icat), matched like JAX-RS: a known path
// with another method is a NotAllowedException, which icat.server's ThrowableExceptionMapper
// turns into a 500 INTERNAL (inferred); an unknown path is 501 NOT_IMPLEMENTED.
import type { IncomingMessage, ServerResponse } from "node:http";
import { pathOf, type SandboxHandler } from "@catkit/core/testing";
import { javaException, notImplemented, sendIcatError } from "./icat-http.js";
import { loggedInRoute, propertiesRoute, versionRoute } from "./routes/info-routes.js";
import { deleteRoute, searchRoute, writeRoute } from "./routes/entity-manager-routes.js";
import { getSessionRoute, loginRoute, logoutRoute, refreshRoute } from "./routes/session-routes.js";
import type { IcatSandboxState } from "./sandbox-state.js";

type Handle = (state: IcatSandboxState, req: IncomingMessage, res: ServerResponse, params: readonly string[]) => void | Promise<void>;

interface Route {
  readonly pattern: RegExp;
  readonly methods: Readonly<Record<string, Handle>>;
}

const ROUTES: readonly Route[] = [
  { pattern: /^session$/, methods: { POST: (s, q, r) => loginRoute(s, q, r) } },
  {
    pattern: /^session\/([^/]+)$/,
    methods: {
      GET: (s, _q, r, [id]) => getSessionRoute(s, id ?? "", r),
      PUT: (s, _q, r, [id]) => refreshRoute(s, id ?? "", r),
      DELETE: (s, _q, r, [id]) => logoutRoute(s, id ?? "", r),
    },
  },
  { pattern: /^entityManager$/, methods: { GET: searchRoute, POST: writeRoute, DELETE: deleteRoute } },
  { pattern: /^version$/, methods: { GET: (s, _q, r) => versionRoute(s, r) } },
  { pattern: /^properties$/, methods: { GET: (s, _q, r) => propertiesRoute(s, r) } },
  { pattern: /^user\/([^/]+)$/, methods: { GET: (s, _q, r, [name]) => loggedInRoute(s, name ?? "", r) } },
  { pattern: /^user\/([^/]+)\/([^/]+)$/, methods: { GET: (s, _q, r, [m, name]) => loggedInRoute(s, `${m ?? ""}/${name ?? ""}`, r) } },
];

/**
 * The request handler of an ICAT sandbox.
 *
 * @example
 * ```ts
 * const server = await startSandboxServer(createIcatHandler(state, "/icat"));
 * ```
 */
export function createIcatHandler(state: IcatSandboxState, basePath: string): SandboxHandler {
  const prefix = `${basePath.replace(/\/+$/, "")}/`;
  return async (req, res) => {
    try {
      const path = pathOf(req);
      if (!path.startsWith(prefix)) throw notImplemented();
      const rest = path.slice(prefix.length);
      const method = req.method ?? "GET";
      for (const route of ROUTES) {
        const match = route.pattern.exec(rest);
        if (match === null) continue;
        if (method === "OPTIONS") {
          res.writeHead(200, { allow: Object.keys(route.methods).join(","), "access-control-allow-origin": "*", "access-control-allow-methods": "GET, POST, DELETE, PUT" });
          res.end();
          return;
        }
        const handle = route.methods[method];
        if (handle === undefined) throw javaException("jakarta.ws.rs.NotAllowedException", "HTTP 405 Method Not Allowed");
        await handle(state, req, res, match.slice(1).map((p) => decodeURIComponent(p)));
        return;
      }
      throw notImplemented();
    } catch (err) {
      // Drain what the client sent, so the connection stays usable.
      req.resume();
      sendIcatError(res, err);
    }
  };
}
