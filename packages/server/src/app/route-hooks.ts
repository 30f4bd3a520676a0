// Hooks added to each route as it is registered (fastify's onRoute) rather than to the app: a
// route's own hook knows its route, so it need not read the route's options on every request
// (fastify builds request.routeOptions anew at each read).

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * Set on a route whose path holds a configured API key in place of its `{apiKey}` parameter
     * (icat-plus/key-routes.ts): the rate limit charges `apiKey`, and the metrics count the route
     * under `pattern`, so that no key shows in them.
     */
    keyRoute?: { apiKey: string; pattern: string };
  }
}

/**
 * A route's hooks of one kind as a list (fastify takes one, a list, or none).
 *
 * @example
 * ```ts
 * app.addHook("onRoute", (route) => { route.onResponse = [...hooksOf(route.onResponse), record]; });
 * ```
 */
export function hooksOf<T>(hooks: T | T[] | undefined): T[] {
  return hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];
}
