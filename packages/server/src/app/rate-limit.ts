// Rate limits per caller: at most `max` requests per window of `windowMs`, counted per key (a
// configured API key, sent in an X-Api-Key header or in an ICAT+ `dataacquisition/{apiKey}/…`
// path, else the client address) in Maps that are dropped whole when the window ends. Only a
// configured key has a budget of its own: a made-up key counts against its sender's address, or
// a caller could dodge the limit (and grow the Map) with a new key per request. One window for all
// keys keeps the hook to a Map look-up and an increment: @fastify/rate-limit's store, async hook
// and per-key timers were the largest hook cost of the cached look-up in tools/bench/server. The
// answer is that plugin's: x-ratelimit-limit, -remaining and -reset (seconds) on every limited
// route, 429 with retry-after once the budget is spent. A route opts out with
// `config: { rateLimit: false }` (/health, /metrics, /openapi.json).
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction, onRequestHookHandler } from "fastify";
import { RequestError } from "./error-reply.js";
import { hooksOf } from "./route-hooks.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** false: this route is not rate limited. */
    rateLimit?: false;
  }
}

/**
 * Limits of {@link registerRateLimit}.
 *
 * @example
 * ```ts
 * const limits: RateLimitOptions = { max: 600, windowMs: 60_000, apiKeys: new Set(config.gateway.apiKeys) };
 * ```
 */
export interface RateLimitOptions {
  /** Requests per window per key. */
  max: number;
  windowMs: number;
  /** The API keys that have a budget of their own (any other key counts against the address). */
  apiKeys: ReadonlySet<string>;
  /** The clock (tests); Date.now by default. */
  now?: () => number;
}

/** A caller's use of the current window. */
interface Budget {
  used: number;
}

/**
 * The budgets of one window: per configured API key (an X-Api-Key header or the ICAT+ path's key,
 * one budget either way), else per client address. Two maps rather than one keyed by "key:…"/"ip:…": the key
 * is looked up as the request holds it (V8 keeps a string's hash, so the route's own look-up of
 * the same key is free), where a prefixed copy would be built and hashed on every request.
 */
class Window {
  readonly keys = new Map<string, Budget>();
  readonly addresses = new Map<string, Budget>();
  readonly end: number;
  constructor(end: number) {
    this.end = end;
  }
}

function budgetOf(map: Map<string, Budget>, key: string): Budget {
  let budget = map.get(key);
  if (budget === undefined) map.set(key, (budget = { used: 0 }));
  return budget;
}

/** The configured API key a request counts against (X-Api-Key header, or the ICAT+ path's), if any. */
function apiKeyOf(req: FastifyRequest, apiKeys: ReadonlySet<string>): string | undefined {
  const header = req.headers["x-api-key"];
  if (typeof header === "string" && apiKeys.has(header)) return header;
  const apiKey = (req.params as { apiKey?: unknown } | undefined)?.apiKey;
  return typeof apiKey === "string" && apiKeys.has(apiKey) ? apiKey : undefined;
}

/**
 * Adds the limit to every route registered after this call (an onRequest hook of each route not
 * configured `rateLimit: false`: a per-route hook spares the check of the route's configuration on
 * every request), and returns the hook for what is not a route (the not-found handler).
 *
 * @example
 * ```ts
 * const limit = registerRateLimit(app, { ...config.gateway.rateLimit, apiKeys: new Set(config.gateway.apiKeys) });
 * app.setNotFoundHandler({ preHandler: limit }, (req, reply) => reply.code(404).send());
 * ```
 */
export function registerRateLimit(app: FastifyInstance, o: RateLimitOptions): onRequestHookHandler {
  const now = o.now ?? Date.now;
  const limit = String(o.max);
  let window = new Window(now() + o.windowMs);
  // The reset header changes once a second: its text is made once a second, not per request.
  let resetSeconds = -1;
  let reset = "";

  const charge = (apiKey: string | undefined, req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const t = now();
    if (t >= window.end) window = new Window(t + o.windowMs);
    const seconds = Math.ceil((window.end - t) / 1000);
    if (seconds !== resetSeconds) reset = String((resetSeconds = seconds));
    const budget = apiKey === undefined ? budgetOf(window.addresses, req.ip) : budgetOf(window.keys, apiKey);
    const used = ++budget.used;
    void reply.header("x-ratelimit-limit", limit).header("x-ratelimit-remaining", String(used < o.max ? o.max - used : 0)).header("x-ratelimit-reset", reset);
    if (used <= o.max) return done();
    void reply.header("retry-after", reset);
    done(new RequestError(429, "RATE_LIMITED", `more than ${o.max} requests in ${o.windowMs / 1000} s from this ${apiKey === undefined ? "address" : "API key"}: retry in ${reset} s`));
  };
  const hook = (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => charge(apiKeyOf(req, o.apiKeys), req, reply, done);
  app.addHook("onRoute", (route) => {
    if (route.config?.rateLimit === false) return;
    // A route whose path is a configured key charges that key, with no look-up per request.
    const apiKey = route.config?.keyRoute?.apiKey;
    const own: onRequestHookHandler = apiKey === undefined ? hook : (req, reply, done) => charge(apiKey, req, reply, done);
    route.onRequest = [own, ...hooksOf(route.onRequest)];
  });
  return hook;
}
