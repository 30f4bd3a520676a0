import type { Policy } from "../pipeline/pipeline.js";

/**
 * Sets the User-Agent (unless the request has one), e.g. "catkit-ids/0.1.0 node/24.1.0".
 *
 * @example
 * ```ts
 * createPipeline(transport, [userAgentPolicy("catkit-ids/0.1.0")]);
 * ```
 */
export function userAgentPolicy(userAgent: string): Policy {
  const value = `${userAgent} node/${process.versions.node}`;
  return {
    name: "user-agent",
    phase: "serialize",
    send: (request, next) =>
      next(request.headers?.["user-agent"] ? request : { ...request, headers: { ...request.headers, "user-agent": value } }),
  };
}
