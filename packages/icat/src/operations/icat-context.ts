// The plumbing every ICAT operation shares: core's client context (transport, retry, auth,
// logging) plus one helper that builds, sends and checks a request. ICAT takes `sessionId` as a
// query parameter on GET and DELETE and as a form field on POST (ICATRest.java), which is what
// core's tokenAs.sessionParam does when the auth policy signs the request.
import type { CatkitResponse, ClientContext, Params, ServiceRequest, ServiceRequestPolicy } from "@catkit/core";
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

export type { Params };

/**
 * How ICAT calls are sent and checked (core's ServiceRequestPolicy): ICAT's typed errors.
 *
 * @example
 * ```ts
 * const core = createClientContext(options, { name: "catkit-icat", version, ...ICAT_SERVICE });
 * ```
 */
export const ICAT_SERVICE: ServiceRequestPolicy = {
  errorMapper: icatErrorMapper,
  credentialHint: "an ICAT session: log in first (icat.login) or create the client with a credential",
};

/**
 * One ICAT request: a core ServiceRequest where `session` is a boolean (default true) and the
 * expected status defaults to 200.
 *
 * @example
 * ```ts
 * const req: IcatRequest = { method: "GET", path: "properties", session: false, operation: "icat.properties" };
 * ```
 */
export interface IcatRequest extends Omit<ServiceRequest, "session"> {
  session?: boolean;
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
export function sendIcat(ctx: IcatContext, request: IcatRequest): Promise<CatkitResponse> {
  const { session = true, expected = [200], ...rest } = request;
  return ctx.core.request({ ...rest, session: session ? "required" : "none", expected });
}
