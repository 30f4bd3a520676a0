// The plumbing every IDS operation shares: core's client context (transport, retry, auth,
// logging) plus one helper that builds, sends and checks a request. IDS puts `sessionId` in the
// query on GET/PUT/DELETE and in the form on POST (ids.server IdsService.java), which is what
// core's tokenAs.sessionParam does; here the token is also checked to be a UUID first.
import {
  AuthError,
  expectStatus,
  formBody,
  toParams,
  type CatkitResponse,
  type ClientContext,
  type HttpMethod,
  type RequestBody,
  type RetryOptions,
} from "@catkit/core";
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
}

/** Parameter values as IDS takes them; `undefined` values are left out. */
export type Params = Readonly<Record<string, string | number | boolean | undefined>>;

/** One IDS request. */
export interface IdsRequest {
  method: HttpMethod;
  /** Path under the IDS base URL, e.g. "getStatus". */
  path: string;
  /** Query parameters (GET, PUT, DELETE). */
  query?: Params;
  /** Form fields (POST). */
  form?: Params;
  body?: RequestBody;
  headers?: Record<string, string>;
  /** "required": fail before sending when no credential is configured; "optional": send it when there is one; "none": never. */
  session: "required" | "optional" | "none";
  /** Statuses that count as success (default [200]). */
  expected?: readonly number[];
  idempotent?: boolean;
  retry?: false | Partial<RetryOptions>;
  operation: string;
  signal?: AbortSignal | undefined;
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
export async function sendIds(ctx: IdsContext, request: IdsRequest): Promise<CatkitResponse> {
  if (request.session === "required" && ctx.core.credential === undefined) {
    throw new AuthError(`${request.operation} needs an ICAT session: create the IdsClient with \`credential\` (a session id or an ICAT login).`);
  }
  const response = await ctx.core.send({
    method: request.method,
    url: ctx.core.url(request.path),
    ...(request.query ? { query: toParams(request.query) } : {}),
    ...(request.form ? { body: formBody(request.form) } : request.body ? { body: request.body } : {}),
    headers: { "cache-control": "no-cache", ...request.headers },
    auth: request.session !== "none" && ctx.core.credential !== undefined,
    ...(request.idempotent === undefined ? {} : { idempotent: request.idempotent }),
    ...(request.retry === undefined ? {} : { retry: request.retry }),
    signal: request.signal,
    operation: request.operation,
  });
  return expectStatus(response, request.expected ?? [200], idsErrorMapper);
}
