// Route matching as Express does it for the backend: literal segments match case-insensitively
// (so the LoopBack-era `/api/v3/Datasets` still reaches `datasets`), the match runs on the raw
// path, and each `:param` is decoded afterwards — `%2F` in a pid arrives as `/` (§1.3).
import type { IncomingMessage } from "node:http";
import type { SandboxState } from "./state.js";
import type { SandboxUser } from "./accounts.js";

/** What a route handler gets. */
export interface RouteContext {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Null for anonymous callers. */
  user: SandboxUser | null;
  state: SandboxState;
  /** The parsed JSON body ({} when the content type is not JSON, as body-parser leaves it). */
  body: unknown;
  /** The request's content type, lower case, without parameters. */
  contentType: string;
}

/** A route's answer: JSON (`null` gives Nest's empty 200), or an explicit status. */
export interface RouteReply {
  status?: number;
  body: unknown;
}

export type RouteHandler = (ctx: RouteContext) => RouteReply | Promise<RouteReply>;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

/** Collects routes and finds the one matching a request. */
export class Router {
  readonly #routes: Route[] = [];

  /** Adds a route; `path` like "/api/v4/datasets/:pid". Earlier routes win. */
  add(method: string, path: string, handler: RouteHandler): this {
    this.#routes.push({ method, segments: path.split("/").filter(Boolean), handler });
    return this;
  }

  /** The handler and decoded params for a raw path, or undefined. */
  match(method: string, rawPath: string): { handler: RouteHandler; params: Record<string, string> } | undefined {
    const parts = rawPath.split("/").filter(Boolean);
    for (const route of this.#routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = route.segments.every((seg, i) => {
        const part = parts[i] as string;
        if (seg.startsWith(":")) {
          try {
            params[seg.slice(1)] = decodeURIComponent(part);
          } catch {
            return false;
          }
          return true;
        }
        return seg.toLowerCase() === part.toLowerCase();
      });
      if (ok) return { handler: route.handler, params };
    }
    return undefined;
  }
}
