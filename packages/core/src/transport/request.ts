// The request shape that flows through the pipeline. Bodies stay structured (form fields, JSON
// value, stream factory) until the transport encodes them, so that the sign phase can still
// put a session id into a form body on every retry (ICAT and IDS take `sessionId` as a form
// field on POST and as a query parameter on GET/DELETE).
import type { Readable } from "node:stream";
import type { RetryOptions } from "../policies/retry-options.js";

/** HTTP methods catkit sends. */
export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "DELETE" | "PATCH" | "OPTIONS";

/** Bytes to stream: a Node stream or any async iterable of chunks. */
export type ByteSource = Readable | AsyncIterable<Uint8Array>;

/** A request body, encoded by the transport at send time. */
export type RequestBody =
  | { readonly kind: "form"; readonly fields: URLSearchParams }
  | { readonly kind: "json"; readonly value: unknown }
  | { readonly kind: "bytes"; readonly data: Uint8Array | string; readonly contentType: string }
  | {
      readonly kind: "stream";
      /** Opens the bytes. Called once per attempt when `replayable`, at most once otherwise. */
      readonly open: () => ByteSource;
      readonly replayable: boolean;
      readonly length?: number;
      readonly contentType: string;
    };

/** Per-request timeouts (ms) overriding the transport's. */
export interface RequestTimeouts {
  headersMs?: number;
  bodyMs?: number;
}

/** One HTTP request as policies and transports see it. Policies never mutate it: they copy. */
export interface CatkitRequest {
  readonly method: HttpMethod;
  /** Absolute URL without the query; the query lives in `query`. */
  readonly url: string;
  readonly query?: URLSearchParams;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: RequestBody;
  readonly signal?: AbortSignal | undefined;
  /** Overrides the method's idempotency (GET/HEAD/PUT/DELETE/OPTIONS are idempotent by default). */
  readonly idempotent?: boolean;
  /** `false` disables retry for this call; an object overrides the client's retry options. */
  readonly retry?: false | Partial<RetryOptions>;
  /** `false` sends the request without credentials (login, version, ping). Default true. */
  readonly auth?: boolean;
  readonly timeouts?: RequestTimeouts;
  /** A name for logs, e.g. "ids.getData". */
  readonly operation?: string;
  /**
   * A data transfer (a large body, either way: a download or an upload): the default transport
   * serves it on its fast HTTP/1.1 path when it can, with a pooled body (see `pooledBody`).
   */
  readonly dataTransfer?: boolean;
}

/**
 * A form body (`application/x-www-form-urlencoded`); `undefined` values are left out.
 *
 * @example
 * ```ts
 * const body = formBody({ sessionId, datafileIds: "1,2,3", zip: true });
 * ```
 */
export function formBody(fields: Readonly<Record<string, string | number | boolean | undefined>>): RequestBody {
  return { kind: "form", fields: toParams(fields) };
}

/**
 * A JSON body.
 *
 * @example
 * ```ts
 * const body = jsonBody({ plugin: "db", credentials: [{ username: "u" }, { password: "p" }] });
 * ```
 */
export function jsonBody(value: unknown): RequestBody {
  return { kind: "json", value };
}

/**
 * A streamed body. Pass a factory (`() => createReadStream(path)`) to make it replayable, so
 * retries can resend it; a stream or iterable passed directly is sent at most once.
 *
 * @example
 * ```ts
 * const body = streamBody(() => createReadStream("data.nxs"), { length: size });
 * ```
 */
export function streamBody(
  source: ByteSource | (() => ByteSource),
  options: { length?: number; contentType?: string } = {},
): RequestBody {
  const replayable = typeof source === "function";
  let used = false;
  const open = (): ByteSource => {
    if (replayable) return source();
    if (used) throw new Error("this request body is a one-shot stream and was already sent");
    used = true;
    return source;
  };
  return {
    kind: "stream",
    open,
    replayable,
    contentType: options.contentType ?? "application/octet-stream",
    ...(options.length === undefined ? {} : { length: options.length }),
  };
}

/**
 * Builds URLSearchParams from a record, leaving out `undefined` values.
 *
 * @example
 * ```ts
 * toParams({ datafileIds: "1,2", zip: false, outname: undefined }).toString(); // "datafileIds=1%2C2&zip=false"
 * ```
 */
export function toParams(fields: Readonly<Record<string, string | number | boolean | undefined>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) params.append(key, String(value));
  return params;
}

/** True when the body can be sent again on a retry. */
export function isReplayable(body: RequestBody | undefined): boolean {
  return body === undefined || body.kind !== "stream" || body.replayable;
}

/** The full URL, query included. */
export function requestUrl(request: Pick<CatkitRequest, "url" | "query">): string {
  const query = request.query?.toString();
  if (!query) return request.url;
  return `${request.url}${request.url.includes("?") ? "&" : "?"}${query}`;
}
