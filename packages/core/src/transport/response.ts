import type { Readable } from "node:stream";
import type { PooledBody } from "./fast/lent-chunk.js";
import type { CatkitRequest } from "./request.js";

/**
 * A response as the transport returns it: status, headers and the raw body stream. Nothing is
 * parsed or buffered; see readJson/readText for small bodies.
 */
export interface CatkitResponse {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Readable;
  /** The request that produced it (after signing), for error messages. */
  readonly request: CatkitRequest;
  /**
   * Claims the body as a pooled body (no copy per chunk) when the transport has one and
   * `body` was not touched; read it through `pooledBody(response)`, which falls back to `body`.
   */
  readonly pooled?: (() => PooledBody | undefined) | undefined;
}

/**
 * The first value of a header, or undefined.
 *
 * @example
 * ```ts
 * const length = header(response, "content-length");
 * ```
 */
export function header(response: Pick<CatkitResponse, "headers">, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
