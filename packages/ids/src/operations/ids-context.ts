// The plumbing every IDS operation shares: core's client context (transport, retry, auth,
// logging) plus one helper that builds, sends and checks a request. IDS puts `sessionId` in the
// query on GET/PUT/DELETE and in the form on POST (ids.server IdsService.java), which is what
// core's tokenAs.sessionParam does; here the token is also checked to be a UUID first.
import type { CatkitResponse, ClientContext, Params, RequestTimeouts, RetryOptions, ServiceRequest, ServiceRequestPolicy } from "@catkit/core";
import { idsErrorMapper } from "../errors/ids-error-mapper.js";

/** The client state operations work with. */
export interface IdsContext {
  readonly core: ClientContext;
  /** Longest request URL (query included) sent before switching to preparedId or chunks. */
  readonly maxUrlLength: number;
}

/**
 * Options every IDS call accepts.
 *
 * @example
 * ```ts
 * await ids.getStatus(selection, { signal: AbortSignal.timeout(10_000) });
 * ```
 */
export interface CallOptions {
  /** Aborts the call (and any transfer it started). */
  signal?: AbortSignal | undefined;
  /**
   * A deadline for this call, ms: past it the call ends with core's TimeoutError, as with
   * `signal: AbortSignal.timeout(ms)` (the two combine; the earlier wins).
   */
  timeoutMs?: number | undefined;
  /** Header and body timeouts of this call's requests, ms, instead of the transport's. */
  timeouts?: RequestTimeouts | undefined;
}

/**
 * The signal and per-request timeouts a call's requests carry.
 *
 * @example
 * ```ts
 * await sendIds(ctx, { method: "GET", path: "ping", session: "none", ...callSettings(options) });
 * ```
 */
export function callSettings(options: CallOptions): { signal?: AbortSignal; timeouts?: RequestTimeouts } {
  const deadline = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
  const signal = deadline && options.signal ? AbortSignal.any([options.signal, deadline]) : (deadline ?? options.signal);
  return { ...(signal === undefined ? {} : { signal }), ...(options.timeouts === undefined ? {} : { timeouts: options.timeouts }) };
}

export type { Params };

/**
 * How IDS calls are sent and checked (core's ServiceRequestPolicy): IDS's typed errors, and
 * `Cache-Control: no-cache` on every call, as python-icat's IDSClient sends it.
 *
 * @example
 * ```ts
 * const core = createClientContext(options, { name: "catkit-ids", version, ...IDS_SERVICE });
 * ```
 */
export const IDS_SERVICE: ServiceRequestPolicy = {
  errorMapper: idsErrorMapper,
  headers: { "cache-control": "no-cache" },
  credentialHint: "an ICAT session: create the IdsClient with `credential` (a session id or an ICAT login)",
};

/** One IDS request: a core ServiceRequest whose `session` is always stated. */
export interface IdsRequest extends ServiceRequest {
  session: "required" | "optional" | "none";
}

// IDS answers 503 DataNotOnlineException when data is archived or busy: that is a state to
// handle (restore wait), not a transient failure for core's generic retry.
const RETRY_WITHOUT_503: Partial<RetryOptions> = { statusCodes: [429, 502, 504] };

/**
 * Retry options for calls whose 503 means DataNotOnline (getData, put, delete, write, getLink).
 *
 * @example
 * ```ts
 * await sendIds(ctx, { method: "GET", path: "getData", session: "required", retry: noDataNotOnlineRetry(), operation: "ids.getData" });
 * ```
 */
export function noDataNotOnlineRetry(): Partial<RetryOptions> {
  return RETRY_WITHOUT_503;
}

/**
 * Sends an IDS request and returns the response once its status is expected; otherwise throws
 * the typed IDS error.
 *
 * @example
 * ```ts
 * const res = await sendIds(ctx, { method: "GET", path: "ping", session: "none", operation: "ids.ping" });
 * ```
 */
export function sendIds(ctx: IdsContext, request: IdsRequest): Promise<CatkitResponse> {
  return ctx.core.request({ ...request, expected: request.expected ?? [200] });
}
