// The plumbing every ICAT operation shares: core's client context (transport, retry, auth,
// logging) plus one helper that builds, sends and checks a request. ICAT takes `sessionId` as a
// query parameter on GET and DELETE and as a form field on POST (ICATRest.java), which is what
// core's tokenAs.sessionParam does when the auth policy signs the request.
import {
  AuthError,
  expectStatus,
  formBody,
  toParams,
  type CatkitResponse,
  type ClientContext,
  type HttpMethod,
  type RetryOptions,
} from "@catkit/core";
import { icatErrorMapper } from "../errors/icat-error-mapper.js";

/**
 * The client state operations work with.
 *
 * @example
 * ```ts
 * const ctx: IcatContext = { core: createClientContext(options, service) };
 * ```
 */
export interface IcatContext {
  readonly core: ClientContext;
  /** The server's maxEntities, read from `properties` once and kept. */
  maxEntities?: Promise<number | undefined> | undefined;
}

/**
 * Options every ICAT call accepts.
 *
 * @example
 * ```ts
 * await icat.search("Facility", { signal: AbortSignal.timeout(10_000) });
 * ```
 */
export interface CallOptions {
  /** Aborts the call. */
  signal?: AbortSignal | undefined;
}

/**
 * Parameter values as ICAT takes them; `undefined` values are left out.
 *
 * @example
 * ```ts
 * const params: Params = { query: "SELECT f FROM Facility f", id: undefined };
 * ```
 */
export type Params = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * One ICAT request.
 *
 * @example
 * ```ts
 * const req: IcatRequest = { method: "GET", path: "properties", session: false, operation: "icat.properties" };
 * ```
 */
export interface IcatRequest {
  method: HttpMethod;
  /** Path under the ICAT base URL, e.g. "entityManager". */
  path: string;
  /** Query parameters (GET, DELETE). */
  query?: Params;
  /** Form fields (POST). */
  form?: Params;
  /** Whether the session goes on the request (default true). */
  session?: boolean;
  /** Statuses that count as success (default [200]). */
  expected?: readonly number[];
  idempotent?: boolean;
  retry?: false | Partial<RetryOptions>;
  operation: string;
  signal?: AbortSignal | undefined;
}

/**
 * Sends an ICAT request and returns the response once its status is expected; otherwise throws
 * the typed ICAT error.
 *
 * @example
 * ```ts
 * const res = await sendIcat(ctx, { method: "GET", path: "version", session: false, operation: "icat.version" });
 * ```
 */
export async function sendIcat(ctx: IcatContext, request: IcatRequest): Promise<CatkitResponse> {
  const session = request.session ?? true;
  if (session && ctx.core.credential === undefined) {
    throw new AuthError(`${request.operation} needs an ICAT session: log in first (icat.login) or create the client with a credential.`);
  }
  const response = await ctx.core.send({
    method: request.method,
    url: ctx.core.url(request.path),
    ...(request.query ? { query: toParams(request.query) } : {}),
    ...(request.form ? { body: formBody(request.form) } : {}),
    auth: session,
    ...(request.idempotent === undefined ? {} : { idempotent: request.idempotent }),
    ...(request.retry === undefined ? {} : { retry: request.retry }),
    signal: request.signal,
    operation: request.operation,
  });
  return expectStatus(response, request.expected ?? [200], icatErrorMapper);
}
