// How every SciCat call is sent: a path under /api/v3 or /api/v4, JSON in and out, the Bearer
// header (scitacean sends only the header; pyscicat's ?access_token= needs a "Bearer " prefix
// to work, §1.2), typed errors from the status. An empty body counts as "nothing" (scitacean
// treats it as None): the public by-pid route answers a missing dataset with an empty 200.
import { AuthError, expectStatus, ResponseValidationError, type CatkitResponse, type ClientContext, type HttpMethod, type Params } from "@catkit/core";
import { jsonBody, readText, toParams } from "@catkit/core/internal";
import { scicatErrorMapper } from "../errors/scicat-error-mapper.js";

/**
 * The API version of a route.
 *
 * @example
 * ```ts
 * const version: ApiVersion = "v4";
 * ```
 */
export type ApiVersion = "v3" | "v4";

/**
 * Per-call options every low-level method accepts.
 *
 * @example
 * ```ts
 * await api.datasets.count({}, { signal: AbortSignal.timeout(5_000) });
 * ```
 */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * One SciCat call.
 *
 * @example
 * ```ts
 * const policies = await api.call({ method: "GET", version: "v3", path: "policies", operation: "scicat.policies" });
 * ```
 */
export interface ScicatCall extends CallOptions {
  method: HttpMethod;
  version: ApiVersion;
  /** Under /api/{version}/, already encoded (use PID.toPath / encodeURIComponent for ids). */
  path: string;
  /** The path is under the server root instead (legacy LoopBack routes such as /auth/msad). */
  outsideApi?: boolean;
  query?: Params | URLSearchParams;
  body?: unknown;
  /** e.g. "application/merge-patch+json" (default application/json). */
  contentType?: string;
  headers?: Record<string, string>;
  /** "optional" (default): sign when logged in; "none": never (login). */
  session?: "optional" | "none" | "required";
  operation: string;
}

/** The low-level client's plumbing: core's context. */
export interface ApiContext {
  readonly core: ClientContext;
}

/** Sends a call and returns the response once its status is 2xx (else the typed error). */
export async function callRaw(ctx: ApiContext, call: ScicatCall): Promise<CatkitResponse> {
  if (call.session === "required" && ctx.core.credential === undefined) {
    throw new AuthError(`${call.operation} needs a SciCat login: create the client with ScicatClient.fromToken or fromCredentials.`);
  }
  const query = call.query === undefined ? undefined : call.query instanceof URLSearchParams ? call.query : toParams(call.query);
  const body = call.body === undefined ? undefined : call.contentType ? { kind: "bytes" as const, data: JSON.stringify(call.body), contentType: call.contentType } : jsonBody(call.body);
  const response = await ctx.core.send({
    method: call.method,
    url: call.outsideApi ? new URL(`../${call.path}`, ctx.core.url("")).toString() : ctx.core.url(`${call.version}/${call.path}`),
    ...(query && query.size > 0 ? { query } : {}),
    ...(body ? { body } : {}),
    ...(call.headers ? { headers: call.headers } : {}),
    auth: call.session !== "none" && ctx.core.credential !== undefined,
    signal: call.signal,
    operation: call.operation,
  });
  return expectStatus(response, undefined, scicatErrorMapper);
}

/** Sends a call and returns the parsed JSON body, or undefined when the body is empty. */
export async function callJson(ctx: ApiContext, call: ScicatCall): Promise<unknown> {
  const response = await callRaw(ctx, call);
  const text = await readText(response);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ResponseValidationError(`${call.operation}: expected JSON, got ${JSON.stringify(text.slice(0, 80))}`, { issues: ["(root): not JSON"] });
  }
}

/** `?filter=<JSON>` as the list endpoints take it. */
export function filterQuery(filter: unknown): Params {
  return filter === undefined ? {} : { filter: JSON.stringify(filter) };
}
