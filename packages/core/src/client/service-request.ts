// The request shape protocol operations speak: a path under the service URL, query parameters,
// form fields, whether the session goes on it, and which statuses count as success. ICAT and IDS
// calls are all of this form (icat.server ICATRest, ids.server IdsService: parameters in the
// query on GET/PUT/DELETE, in a form body on POST), so building, signing and checking them is
// done once here; a failed status becomes the service's typed error through its ErrorMapper.
import { AuthError } from "../errors/client-errors.js";
import { expectStatus, httpErrorMapper, type ErrorMapper } from "../body/error-response.js";
import type { Credential } from "../auth/credential.js";
import type { SendRequest } from "../pipeline/pipeline.js";
import type { RetryOptions } from "../policies/retry-options.js";
import { formBody, toParams, type HttpMethod, type RequestBody, type RequestTimeouts } from "../transport/request.js";
import type { CatkitResponse } from "../transport/response.js";

/**
 * Parameter values; `undefined` values are left out.
 *
 * @example
 * ```ts
 * const params: Params = { datafileIds: "1,2", zip: true, outname: undefined };
 * ```
 */
export type Params = Readonly<Record<string, string | number | boolean | undefined>>;

/** One call of a service, as protocol operations describe it. */
export interface ServiceRequest {
  method: HttpMethod;
  /** Path under the service's base URL, e.g. "entityManager" or "getStatus". */
  path: string;
  /** Query parameters. */
  query?: Params;
  /** Form fields (sent as an x-www-form-urlencoded body). */
  form?: Params;
  /** Any other body (ignored when `form` is given). */
  body?: RequestBody;
  headers?: Record<string, string>;
  /**
   * "required" (default): fail before sending when no credential is configured; "optional": sign
   * when there is one; "none": never sign (login, version, ping).
   */
  session?: "required" | "optional" | "none";
  /** Statuses that count as success (default: any 2xx). */
  expected?: readonly number[];
  idempotent?: boolean;
  retry?: false | Partial<RetryOptions>;
  timeouts?: RequestTimeouts;
  /** A name for logs and error messages, e.g. "ids.getStatus". */
  operation: string;
  /** A data transfer (download or upload): see CatkitRequest.dataTransfer. */
  dataTransfer?: boolean;
  signal?: AbortSignal | undefined;
}

/** How a service's calls are sent and checked. */
export interface ServiceRequestPolicy {
  /** Builds the typed error of a failed call (default: a plain HttpError). */
  errorMapper?: ErrorMapper;
  /** Headers on every call (e.g. IDS's `cache-control: no-cache`, as python-icat sends). */
  headers?: Readonly<Record<string, string>>;
  /** What to tell a caller who has no credential, e.g. "an ICAT session: log in first". */
  credentialHint?: string;
}

/**
 * Builds the `request` function of a client context.
 *
 * @example
 * ```ts
 * const request = serviceRequester({ send, url, credential }, { errorMapper: idsErrorMapper });
 * const res = await request({ method: "GET", path: "ping", session: "none", operation: "ids.ping" });
 * ```
 */
export function serviceRequester(
  ctx: { send: SendRequest; url: (path: string) => string; credential: Credential | undefined },
  policy: ServiceRequestPolicy = {},
): (request: ServiceRequest) => Promise<CatkitResponse> {
  return async (request) => {
    const session = request.session ?? "required";
    if (session === "required" && ctx.credential === undefined) {
      throw new AuthError(`${request.operation} needs ${policy.credentialHint ?? "a credential: create the client with `credential`"}.`);
    }
    const body = request.form ? formBody(request.form) : request.body;
    const response = await ctx.send({
      method: request.method,
      url: ctx.url(request.path),
      ...(request.query ? { query: toParams(request.query) } : {}),
      ...(body ? { body } : {}),
      ...(policy.headers || request.headers ? { headers: { ...policy.headers, ...request.headers } } : {}),
      auth: session !== "none" && ctx.credential !== undefined,
      ...(request.idempotent === undefined ? {} : { idempotent: request.idempotent }),
      ...(request.retry === undefined ? {} : { retry: request.retry }),
      ...(request.timeouts === undefined ? {} : { timeouts: request.timeouts }),
      signal: request.signal,
      operation: request.operation,
      ...(request.dataTransfer ? { dataTransfer: true } : {}),
    });
    return expectStatus(response, request.expected, policy.errorMapper ?? httpErrorMapper);
  };
}
